import type { ProposeShortlistInput } from '#core/contract/review-scoring.ts';
import { joinMessages } from '#core/findings.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { checkShortlist, shortlistWording } from '#core/review/shortlist.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { notify } from '../notifications/notify.ts';
import { categoryRanking, shortlistCandidates } from './ranking-data.ts';
import { rankingPlace } from './ranking-place.ts';
import { rankingRules } from './ranking-rules.ts';
import { presentProposal, type StoredEntry } from './shortlist-presenter.ts';

type Input = Required<Omit<ProposeShortlistInput, 'entries'>> & {
  entries: {
    nominationId: string;
    decision: 'shortlisted' | 'not_selected';
    special: boolean;
    reason: string;
  }[];
};

/**
 * The chair proposes the 拟推介名单 of a category: a decision for every nomination still before the
 * panel, checked against the ranking of the chosen method and the campaign's limits (core), then staged
 * until the organiser confirms it. Nothing about the nominations changes yet.
 */
export async function proposeShortlist(db: Db, actor: Actor, campaignId: string, input: Input, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { campaign, round, subject, hidden } = await rankingPlace(
      trx,
      actor,
      campaignId,
      input.roundId,
      input.category,
    );
    if (!rankingRules.can(actor, 'propose', subject)) throw forbidden('拟推介名单由本类别评审组组长拟定。');
    if (campaign.status !== 'reviewing')
      throw new AppError('MOVE_NOT_IN_CAMPAIGN_STATE', '活动不在评审阶段，不能拟定拟推介名单。');
    const ranking = await categoryRanking(trx, campaign, round, input.category, input.method, hidden);
    const pending = new Set(ranking.rows.filter((r) => r.state === 'accepted').map((r) => r.nominationId));
    const candidates = shortlistCandidates(ranking).filter((c) => pending.has(c.nominationId));
    if (candidates.length === 0)
      throw new AppError('SHORTLIST_INVALID', '本轮本类别没有待决定的推介。', { findings: [] });
    const settings = reviewSettingsOf(campaign.rules);
    const findings = checkShortlist(
      candidates,
      input.entries,
      {
        size: settings.shortlistSize[input.category],
        perUnit: settings.perUnitCap[input.category],
        specialsPerUnit: campaign.rules.specialPicks[input.category],
      },
      shortlistWording(campaign.rules, input.category),
    );
    if (findings.length > 0)
      throw new AppError('SHORTLIST_INVALID', joinMessages(findings.map((f) => f.message)), { findings });
    const byId = new Map(candidates.map((c) => [c.nominationId, c]));
    const entries: StoredEntry[] = input.entries.map((e) => {
      const c = byId.get(e.nominationId)!;
      return { ...e, reason: e.reason.trim(), title: c.title, unitName: c.unitName, rank: c.rank };
    });
    const row = await trx
      .insertInto('shortlistProposals')
      .values({
        campaignId: campaign.id,
        roundId: round.id,
        category: input.category,
        method: input.method,
        entries: JSON.stringify(entries),
        note: input.note,
        proposedBy: actor.accountId,
        proposedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'review.shortlist_proposed',
      entityType: 'shortlist_proposal',
      entityId: row.id,
      scopePath: campaign.organiserPath,
      after: {
        campaignId: campaign.id,
        category: input.category,
        method: input.method,
        shortlisted: entries.filter((e) => e.decision === 'shortlisted').map((e) => e.title),
        special: entries.filter((e) => e.special).map((e) => e.title),
        reasons: entries.filter((e) => e.reason).map((e) => `${e.title}：${e.reason}`),
      },
    });
    const organisers = await trx
      .selectFrom('accounts')
      .select('id')
      .where('organisationId', '=', campaign.organiserId)
      .where('disabled', '=', false)
      .where((eb) => eb(eb.val('organiser_admin'), '=', eb.fn.any('roles')))
      .execute();
    const label = campaign.rules.categories[input.category].label;
    await notify(
      trx,
      organisers.map((o) => o.id),
      {
        kind: 'shortlist_proposed',
        title: `${label}拟推介名单待确认`,
        body: `${actor.displayName}拟定了「${round.name}」${label}拟推介名单，请审核确认。`,
        link: `/campaigns/${campaign.id}/review`,
        dedupeKey: `shortlist_proposed:${row.id}`,
      },
    );
    return presentProposal({ ...row, proposedByName: actor.displayName });
  });
}
