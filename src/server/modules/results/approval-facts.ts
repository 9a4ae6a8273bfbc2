import { type ApprovalFacts, approvalRefusal } from '#core/results/approval-preconditions.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { findAnnouncementOf, objectionCounts } from './queries.ts';

/** What approval depends on, read in the caller's transaction. */
export async function approvalFactsOf(db: Db | Trx, campaign: CampaignRow) {
  const announcement = await findAnnouncementOf(db, campaign.id);
  const objections = await objectionCounts(db, announcement?.id ?? null);
  const facts: ApprovalFacts = {
    campaignStatus: campaign.status,
    announcement: announcement
      ? { state: announcement.state, startDay: announcement.startDay, endDay: announcement.endDay }
      : null,
    openObjections: objections.open,
  };
  return { facts, announcement: announcement ?? null, objections };
}

/** Stops with the refusal's code and message when the campaign may not be approved now. */
export function assertApprovable(facts: ApprovalFacts) {
  const refusal = approvalRefusal(facts);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
