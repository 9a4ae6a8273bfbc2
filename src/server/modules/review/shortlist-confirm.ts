import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { lockNomination } from '../nominations/queries.ts';
import { applyNominationTransition } from '../nominations/transition-nomination.ts';
import { chairOf, rankingRules } from './ranking-rules.ts';
import { presentProposal, type StoredEntry } from './shortlist-presenter.ts';
import { findProposal, latestProposal } from './shortlist-queries.ts';

/**
 * The organiser confirms the chair's proposed list: in one transaction every entry moves its nomination
 * through the one nomination transition function (列入拟推介名单 / 不列入拟推介名单), and the panel's
 * specials are recorded on the nominations. One entry that cannot move (its nomination changed since)
 * refuses the whole list: nothing is half applied.
 */
export async function confirmShortlist(
  db: Db,
  actor: Actor,
  campaignId: string,
  proposalId: string,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId, true);
    const proposal = await findProposal(trx, campaign.id, proposalId, true);
    if (!proposal) throw notFound('拟推介名单');
    const subject = {
      organiserPath: campaign.organiserPath,
      category: proposal.category,
      chairOf: await chairOf(trx, campaign.id, actor.accountId),
    };
    if (!rankingRules.can(actor, 'confirm', subject)) throw forbidden('拟推介名单由组织单位确认。');
    const latest = await latestProposal(trx, proposal.roundId, proposal.category);
    if (proposal.confirmedAt) throw new AppError('SHORTLIST_NOT_PROPOSED', '这份拟推介名单已经确认过了。');
    if (latest?.id !== proposal.id)
      throw new AppError('SHORTLIST_NOT_PROPOSED', '评审组长已重新拟定名单，请确认最新的一份。');
    const entries = proposal.entries as StoredEntry[];
    for (const entry of entries) {
      const n = await lockNomination(trx, entry.nominationId);
      if (!n) throw notFound('推介');
      await applyNominationTransition(trx, actor, n, campaign, { to: entry.decision, now });
      // The panel's specials: a unit's special pick the panel put on the list as a regular one is not a special.
      const special = entry.decision === 'shortlisted' ? entry.special : n.special;
      if (special !== n.special)
        await trx
          .updateTable('nominations')
          .set({ special, updatedAt: now })
          .where('id', '=', n.id)
          .execute();
    }
    const row = await trx
      .updateTable('shortlistProposals')
      .set({ confirmedBy: actor.accountId, confirmedAt: now })
      .where('id', '=', proposal.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'review.shortlist_confirmed',
      entityType: 'shortlist_proposal',
      entityId: proposal.id,
      scopePath: campaign.organiserPath,
      before: { confirmed: false },
      after: {
        confirmed: true,
        category: proposal.category,
        shortlisted: entries.filter((e) => e.decision === 'shortlisted').map((e) => e.title),
        special: entries.filter((e) => e.special).map((e) => e.title),
      },
    });
    return presentProposal({ ...row, confirmedByName: actor.displayName });
  });
}
