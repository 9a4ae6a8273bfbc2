import type { FollowUpContext } from '../campaigns/transition-campaign.ts';
import { listNominations, lockNomination } from './queries.ts';
import { nominationRules } from './rules.ts';
import { applyNominationTransition } from './transition-nomination.ts';

/**
 * 审定入选 for the whole 拟推介名单. Nominations still 形式审查通过 (the panel never put them on the list or
 * off it) are left as they are: the table has no move from there at 审定, and the domain gives 未入选 to the
 * panel's decision (不列入拟推介名单, taken in 评审中), not to the approval; whoever approves with such
 * nominations left undecided sees them still undecided rather than a verdict nobody made.
 */
export async function selectShortlist({ trx, campaign, actor, now }: FollowUpContext) {
  // The approver (审定人) is not the nominations' organiser: the 审定入选 is then the platform's own move
  // (the table's `system` actor), in the approver's transaction; the campaign's audit row names the approver.
  const mover =
    actor &&
    nominationRules.can(actor, 'actAsOrganiser', { unitId: '', organiserPath: campaign.organiserPath })
      ? actor
      : null;
  const shortlisted = await listNominations(trx, { campaignId: campaign.id, state: 'shortlisted' });
  for (const { id } of shortlisted) {
    const n = await lockNomination(trx, id);
    // Locked, it is re-read: a 移出拟推介名单 committed meanwhile leaves it to the organiser's decision.
    if (n?.state !== 'shortlisted') continue;
    await applyNominationTransition(trx, mover, n, campaign, { to: 'selected', now });
  }
}
