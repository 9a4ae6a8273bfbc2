/**
 * A reporting unit's to-do list across the campaigns it reports to: what the organiser returned (with
 * the reason), deadlines coming near (its own extension counted), extensions granted, and the stamped
 * paper copies still to post or to post again. Pure: the server gathers the facts and passes `now`.
 */
import type { PaperStanding } from '../paper/status.ts';

/** A deadline this close is worth a line on the home page. */
export const DEADLINE_NEAR_DAYS = 7;
const DAY_MS = 86_400_000;

/** Campaign states in which a unit still has something to do. */
const ACTIVE = new Set(['open', 'reviewing']);

export interface UnitCampaignFacts {
  campaignId: string;
  campaignTitle: string;
  status: string;
  /** The unit's own deadline (its extension), else the campaign's; null when none is set. */
  until: Date | null;
  extension: { until: Date; reason: string } | null;
  nominations: readonly {
    id: string;
    title: string;
    category: string;
    state: string;
    returnReason: string | null;
    updatedAt: Date | string;
  }[];
  paper: { standing: PaperStanding; standingLabel: string; problems: readonly string[] } | null;
}

export interface UnitWorklist {
  returned: {
    nominationId: string;
    title: string;
    category: string;
    reason: string;
    campaignId: string;
    campaignTitle: string;
    returnedAt: string;
  }[];
  deadlines: {
    campaignId: string;
    campaignTitle: string;
    until: string;
    extended: boolean;
    /** Whole days left, rounded up: 1 on the last day. */
    daysLeft: number;
    drafts: number;
    returned: number;
  }[];
  extensions: { campaignId: string; campaignTitle: string; until: string; reason: string }[];
  paper: {
    campaignId: string;
    campaignTitle: string;
    standing: PaperStanding;
    standingLabel: string;
    problems: string[];
  }[];
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function unitWorklist(campaigns: readonly UnitCampaignFacts[], now: Date): UnitWorklist {
  const list: UnitWorklist = { returned: [], deadlines: [], extensions: [], paper: [] };
  for (const c of campaigns.filter((x) => ACTIVE.has(x.status))) {
    const where = { campaignId: c.campaignId, campaignTitle: c.campaignTitle };
    for (const n of c.nominations.filter((x) => x.state === 'returned')) {
      list.returned.push({
        nominationId: n.id,
        title: n.title,
        category: n.category,
        reason: n.returnReason ?? '',
        ...where,
        returnedAt: iso(n.updatedAt),
      });
    }
    const left = c.until ? c.until.getTime() - now.getTime() : -1;
    if (c.status === 'open' && c.until && left > 0 && left <= DEADLINE_NEAR_DAYS * DAY_MS) {
      list.deadlines.push({
        ...where,
        until: iso(c.until),
        extended: c.extension !== null,
        daysLeft: Math.ceil(left / DAY_MS),
        drafts: c.nominations.filter((n) => n.state === 'draft').length,
        returned: c.nominations.filter((n) => n.state === 'returned').length,
      });
    }
    if (c.extension && c.extension.until.getTime() > now.getTime()) {
      list.extensions.push({ ...where, until: iso(c.extension.until), reason: c.extension.reason });
    }
    if (c.paper && (c.paper.standing === 'not_dispatched' || c.paper.standing === 'received_with_problems')) {
      list.paper.push({
        ...where,
        standing: c.paper.standing,
        standingLabel: c.paper.standingLabel,
        problems: [...c.paper.problems],
      });
    }
  }
  list.returned.sort((a, b) => a.returnedAt.localeCompare(b.returnedAt));
  list.deadlines.sort((a, b) => a.until.localeCompare(b.until));
  return list;
}
