/**
 * Where a campaign stands between 公示 and 公布, for the approver and the organiser: the period, objections
 * and corrections, the list (拟推介 before 审定, 入选 after), the decisions so far, the published notice,
 * and the moves the caller may take now.
 */
import { ANNOUNCEMENT_STATES } from '#core/announcement/states.ts';
import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import type { ResultsStatusResponse } from '#core/contract/results.ts';
import { OBJECTION_STATES, type ObjectionState } from '#core/objection/states.ts';
import { approvalRefusal } from '#core/results/approval-preconditions.ts';
import { describeCounts, resultSections } from '#core/results/result-list.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { approvalFactsOf } from './approval-facts.ts';
import { presentNotice } from './presenter.ts';
import { approvalsOf, correctionsOf, findNoticeOf, winnersOf } from './queries.ts';
import { candidateOf } from './result-candidates.ts';
import { resultsRules } from './rules.ts';

function objectionSummary(byState: Record<string, number>): string {
  const parts = Object.entries(byState)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${OBJECTION_STATES[state as ObjectionState] ?? state}${n}件`);
  return parts.length === 0 ? '公示期间未收到异议' : parts.join('、');
}

export async function resultsStatusOf(
  db: Db,
  actor: Actor,
  campaign: CampaignRow,
): Promise<ResultsStatusResponse> {
  const { facts, announcement, objections } = await approvalFactsOf(db, campaign);
  const before = campaign.status === 'announcing' || campaign.status === 'reviewing';
  const [list, corrections, approvals, notice] = await Promise.all([
    winnersOf(db, campaign.id, before ? ['shortlisted'] : ['selected', 'forwarded']),
    correctionsOf(db, announcement?.id ?? null),
    approvalsOf(db, campaign.id),
    findNoticeOf(db, campaign.id),
  ]);
  const sections = resultSections(list.map(candidateOf));
  const refusal = approvalRefusal(facts);
  const ready = refusal === null;
  const actions: ResultsStatusResponse['actions'] = [];
  if (ready && resultsRules.can(actor, 'approve', campaign)) actions.push('approve');
  if (campaign.status === 'announcing' && resultsRules.can(actor, 'approve', campaign))
    actions.push('return');
  if (ready && resultsRules.can(actor, 'requestApproval', campaign)) actions.push('requestApproval');
  if (campaign.status === 'approved' && !notice && resultsRules.can(actor, 'publish', campaign))
    actions.push('publish');
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      year: campaign.year,
      status: campaign.status,
      statusLabel: CAMPAIGN_STATES[campaign.status],
    },
    announcement: announcement
      ? {
          state: announcement.state,
          stateLabel: ANNOUNCEMENT_STATES[announcement.state],
          startDay: announcement.startDay,
          endDay: announcement.endDay,
        }
      : null,
    approvalRefusal: campaign.status === 'announcing' ? (refusal?.message ?? null) : null,
    objections: {
      total: objections.total,
      open: objections.open,
      upheld: objections.upheld,
      summary: objectionSummary(objections.byState),
    },
    corrections: corrections.map((c) => ({ kind: c.kind, day: c.day, text: c.text })),
    sections: sections.map((s) => ({
      ...s,
      entries: s.entries.map(({ nominationId: _id, province: _p, ...e }) => e),
    })),
    counts: describeCounts(sections),
    approvals: approvals.map((a) => ({
      decision: a.decision,
      reason: a.reason,
      decidedByName: a.decidedByName,
      decidedAt: a.decidedAt.toISOString(),
    })),
    notice: notice ? presentNotice(notice) : null,
    actions,
  };
}

export async function getResultsStatus(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  if (!resultsRules.can(actor, 'viewApproval', campaign)) throw forbidden();
  return resultsStatusOf(db, actor, campaign);
}
