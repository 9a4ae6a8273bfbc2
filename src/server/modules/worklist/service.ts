/**
 * The to-do list of whoever asks, one part per role: as a reporting unit's clerk, and as an organiser
 * of its own organisation's campaigns (not of every round below it). Gathered through the services of
 * the campaigns, nominations and paper modules; what to list is core's (core/worklist).
 */
import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import { unitWorklist } from '#core/worklist/unit-worklist.ts';
import { type Actor, hasRole } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { extensionsByUnit } from '../campaigns/extensions.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { listVisibleCampaigns } from '../campaigns/service.ts';
import { formalCheckSummary } from '../nominations/formal-check.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { listVisibleNominations } from '../nominations/service.ts';
import { paperOverview, paperUnit } from '../paper/paper-overview.ts';

/** A unit has things to do while it reports and while the organiser checks; an organiser until 公示 ends. */
const UNIT_ACTIVE = new Set(['open', 'reviewing']);
const ORGANISER_ACTIVE = new Set(['open', 'reviewing', 'announcing']);

async function unitPart(db: Db, actor: Actor, now: Date) {
  const campaigns = (await listVisibleCampaigns(db, actor)).filter(
    (c) => UNIT_ACTIVE.has(c.status) && isReportingUnitOf(actor, c.organiserPath),
  );
  const facts = await Promise.all(
    campaigns.map(async (c) => {
      const [nominations, extensions, paper] = await Promise.all([
        listVisibleNominations(db, actor, c, { campaignId: c.id }),
        extensionsByUnit(db, c.id),
        paperUnit(db, actor, c.id, actor.organisationId),
      ]);
      const extension = extensions.get(actor.organisationId) ?? null;
      return {
        campaignId: c.id,
        campaignTitle: c.title,
        status: c.status,
        until: extension?.until ?? (c.deadlineAt ? new Date(c.deadlineAt) : null),
        extension,
        nominations,
        paper: {
          standing: paper.standing,
          standingLabel: paper.standingLabel,
          problems: paper.receipt?.problems ?? [],
        },
      };
    }),
  );
  return unitWorklist(facts, now);
}

async function organiserPart(db: Db, actor: Actor) {
  const campaigns = (await listVisibleCampaigns(db, actor)).filter(
    (c) =>
      ORGANISER_ACTIVE.has(c.status) && c.organiserId === actor.organisationId && isOrganiserOf(actor, c),
  );
  return {
    campaigns: await Promise.all(
      campaigns.map(async (c) => {
        const [check, paper] = await Promise.all([
          formalCheckSummary(db, actor, c),
          paperOverview(db, actor, c.id),
        ]);
        return {
          campaignId: c.id,
          title: c.title,
          status: c.status,
          statusLabel: CAMPAIGN_STATES[c.status],
          ...check,
          paper: {
            notDispatched: paper.summary.notDispatched,
            inTransit: paper.summary.inTransit,
            receivedWithProblems: paper.summary.receivedWithProblems,
          },
        };
      }),
    ),
  };
}

export async function worklist(db: Db, actor: Actor, now: Date) {
  const [unit, organiser] = await Promise.all([
    hasRole(actor, 'unit_submitter') ? unitPart(db, actor, now) : null,
    hasRole(actor, 'organiser_admin', 'platform_admin') ? organiserPart(db, actor) : null,
  ]);
  return { unit, organiser };
}
