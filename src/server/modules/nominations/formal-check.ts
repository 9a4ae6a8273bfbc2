/**
 * 形式审查 beyond one nomination: the next one waiting (下一条) and accepting several at once. Each
 * acceptance is the transition table's 形式审查通过 through the one transition function, audited on its
 * own; a batch is one transaction, so it stands or falls whole.
 */
import { nextWaiting } from '#core/nomination/formal-check.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { formalCheckQueue, listNominations, type NominationRow } from './queries.ts';
import { isOrganiserOf } from './rules.ts';
import { transitionNominationIn, visibleNomination } from './service.ts';

const ORGANISERS_ONLY = '只有本活动的组织单位可以进行形式审查';

const nameOf = (n: { title: string; unitName: string }) =>
  `「${n.title || '（未填写名称）'}」（${n.unitName}）`;

export interface CheckedNomination {
  id: string;
  title: string;
  unitName: string;
  category: string;
}

const summary = (n: CheckedNomination): CheckedNomination => ({
  id: n.id,
  title: n.title,
  unitName: n.unitName,
  category: n.category,
});

/** The nomination to check after this one, and how many others still wait. */
export async function nextToCheck(db: Db, actor: Actor, id: string) {
  const n = await visibleNomination(db, actor, id);
  if (!isOrganiserOf(actor, n)) throw forbidden(ORGANISERS_ONLY);
  const queue = await formalCheckQueue(db, n.campaignId, n.id);
  const nextId = nextWaiting(
    queue.map((e) => ({ id: e.id, waiting: e.state === 'submitted' })),
    n.id,
  );
  const next = queue.find((e) => e.id === nextId);
  return {
    next: next ? summary(next) : null,
    remaining: queue.filter((e) => e.state === 'submitted' && e.id !== n.id).length,
  };
}

/** 批量通过: all of `ids` accepted, or none (the first refusal names the nomination and its reason). */
export async function acceptMany(
  db: Db,
  actor: Actor,
  campaignId: string,
  ids: readonly string[],
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId);
    if (!isOrganiserOf(actor, campaign)) throw forbidden(ORGANISERS_ONLY);
    const accepted = new Map<string, NominationRow>();
    // Locked in one order, so two organisers accepting overlapping batches never deadlock.
    for (const id of [...ids].sort()) {
      const n = await visibleNomination(trx, actor, id, true).catch(() => {
        throw new AppError(
          'NOT_FOUND',
          `所选推介中有一条不存在或您无权查看（可能已被报送单位撤回），所选推介均未通过，请刷新后重新选择。`,
          { nominationId: id },
        );
      });
      if (n.campaignId !== campaign.id) {
        throw new AppError('VALIDATION_FAILED', `${nameOf(n)}不属于本活动，所选推介均未通过。`, {
          nominationId: id,
        });
      }
      try {
        accepted.set(id, await transitionNominationIn(trx, actor, id, { to: 'accepted', now }));
      } catch (caught) {
        if (!(caught instanceof AppError)) throw caught;
        throw new AppError(
          caught.code,
          `${nameOf(n)}未能通过：${caught.message.replace(/[。；]$/, '')}。所选推介均未通过，请处理该条后重新选择。`,
          { nominationId: id },
        );
      }
    }
    return ids.map((id) => summary(accepted.get(id)!));
  });
}

/**
 * For the organiser's work list: how many wait for the formal check in a campaign, the first of them
 * (where 开始审查 starts), since when the oldest waits, and the drafts units asked it to look at.
 */
export async function formalCheckSummary(db: Db, actor: Actor, campaign: CampaignRow) {
  if (!isOrganiserOf(actor, campaign)) throw forbidden(ORGANISERS_ONLY);
  const [waiting, asked] = await Promise.all([
    formalCheckQueue(db, campaign.id),
    listNominations(db, { campaignId: campaign.id, state: 'draft', organiserView: true }),
  ]);
  const submitted = waiting.map((w) => w.submittedAt).filter((at): at is Date => at !== null);
  const oldest =
    submitted.length > 0 ? new Date(Math.min(...submitted.map((at) => new Date(at).getTime()))) : null;
  return {
    awaitingCheck: waiting.length,
    firstWaitingId: waiting[0]?.id ?? null,
    oldestSubmittedAt: oldest ? oldest.toISOString() : null,
    reviewRequests: asked.map((n) => summary({ ...n, category: n.category })),
  };
}
