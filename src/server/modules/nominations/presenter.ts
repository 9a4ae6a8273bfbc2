import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import { concealForm } from '#core/identity/personal-fields.ts';
import {
  availableMoves,
  editRefusal,
  isPastUnitDeadline,
  type UnitDeadline,
} from '#core/nomination/moves.ts';
import { remarkFor } from '#core/nomination/registration-table.ts';
import { NOMINATION_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { NominationRow } from './queries.ts';
import { nominationRules } from './rules.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Personal data in full only for the owning unit and the organiser (PIPL). */
function formFor(actor: Actor, n: NominationRow): Record<string, unknown> {
  if (nominationRules.can(actor, 'seeIdentity', n)) return n.form;
  return concealForm(n.form);
}

/** When the response is made, and the nomination's unit's deadline (its extension included). */
export interface PresentTiming {
  deadline: UnitDeadline;
  now: Date;
}

/**
 * A nomination as the caller may see it, with the moves and actions core's moves.ts allows now: the
 * buttons the page shows are exactly the moves the server would take.
 */
export function presentNomination(
  actor: Actor,
  n: NominationRow,
  campaign: { status: string; rules: CampaignRules },
  timing: PresentTiming,
  findings: Finding[] = [],
) {
  const state = n.state;
  const kind = nominationRules.can(actor, 'actAsOrganiser', n)
    ? 'organiser'
    : nominationRules.can(actor, 'actAsUnit', n)
      ? 'unit'
      : null;
  const context = { campaignState: campaign.status, deadline: timing.deadline, now: timing.now.getTime() };
  const transitions = kind ? availableMoves(state, { ...context, actor: kind }) : [];
  // 'edit' means the form can be changed now, not merely that it is the unit's own.
  const actions = nominationRules
    .actionsFor(actor, n)
    .filter((a) => a !== 'edit' || editRefusal(state, context) === undefined);
  return {
    id: n.id,
    campaignId: n.campaignId,
    unitId: n.unitId,
    unitName: n.unitName,
    category: n.category,
    state,
    stateLabel: NOMINATION_STATES[state],
    special: n.special,
    rank: n.rank,
    remark: remarkFor(n, n.category, campaign.rules),
    title: n.title,
    form: formFor(actor, n),
    contentHash: n.contentHash,
    submittedAt: iso(n.submittedAt),
    returnReason: n.returnReason,
    reviewRequested: Boolean(n.reviewRequestedAt),
    version: n.version,
    updatedAt: iso(n.updatedAt)!,
    lapsedAt: iso(n.lapsedAt),
    deadline: {
      at: timing.deadline.at === null ? null : new Date(timing.deadline.at).toISOString(),
      extended: timing.deadline.extended,
      passed: isPastUnitDeadline(timing.deadline, context.now),
    },
    findings,
    actions,
    transitions: transitions.map((t) => ({ to: t.to, label: t.label, requiresReason: t.requiresReason })),
  };
}
