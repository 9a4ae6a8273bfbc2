import type { CampaignRules, Category } from '../../../core/campaign/rules.ts';
import type { CampaignState } from '../../../core/campaign/states.ts';
import type { Finding } from '../../../core/findings.ts';
import { maskIdNumber, maskPhone } from '../../../core/identity/index.ts';
import { remarkFor } from '../../../core/nomination/registration-table.ts';
import { NOMINATION_STATES, type NominationState, transitionsFrom } from '../../../core/nomination/states.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { NominationRow } from './queries.ts';
import { nominationRules } from './rules.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Personal data in full only for the owning unit and the organiser (PIPL). */
function formFor(actor: Actor, n: NominationRow): Record<string, unknown> {
  if (nominationRules.can(actor, 'seeIdentity', n)) return n.form;
  const form = { ...n.form };
  if (typeof form.idNumber === 'string') form.idNumber = maskIdNumber(form.idNumber);
  if (typeof form.phone === 'string') form.phone = maskPhone(form.phone);
  return form;
}

export function presentNomination(
  actor: Actor,
  n: NominationRow,
  campaign: { status: string; rules: CampaignRules },
  findings: Finding[] = [],
) {
  const campaignStatus = campaign.status;
  const state = n.state as NominationState;
  const kind = nominationRules.can(actor, 'actAsOrganiser', n)
    ? 'organiser'
    : nominationRules.can(actor, 'actAsUnit', n)
      ? 'unit'
      : null;
  const transitions = kind
    ? transitionsFrom(state, kind).filter((t) => t.campaignStates.includes(campaignStatus as CampaignState))
    : [];
  return {
    id: n.id,
    campaignId: n.campaignId,
    unitId: n.unitId,
    unitName: n.unitName,
    category: n.category as 'star' | 'project',
    state,
    stateLabel: NOMINATION_STATES[state],
    special: n.special,
    rank: n.rank,
    remark: remarkFor(n, n.category as Category, campaign.rules),
    title: n.title,
    form: formFor(actor, n),
    contentHash: n.contentHash,
    submittedAt: iso(n.submittedAt),
    returnReason: n.returnReason,
    reviewRequested: Boolean(n.reviewRequestedAt),
    version: n.version,
    updatedAt: iso(n.updatedAt)!,
    findings,
    actions: nominationRules.actionsFor(actor, n),
    transitions: transitions.map((t) => ({ to: t.to, label: t.label, requiresReason: t.requiresReason })),
  };
}
