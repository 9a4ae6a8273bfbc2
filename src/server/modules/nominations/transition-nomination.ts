import { quotaFindings } from '../../../core/campaign/quotas.ts';
import type { Category } from '../../../core/campaign/rules.ts';
import type { CampaignState } from '../../../core/campaign/states.ts';
import type { OrganisationType } from '../../../core/campaign/unit-types.ts';
import type { Finding } from '../../../core/findings.ts';
import { contentHash } from '../../../core/nomination/snapshot.ts';
import {
  type ActorKind,
  campaignStateLabels,
  findTransition,
  type NominationState,
  transitionProblem,
} from '../../../core/nomination/states.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import type { SubmittedMaterial } from '../materials/nomination-materials.ts';
import { assertBeforeDeadline } from './deadline.ts';
import { countQuotaPlaces, findNomination, type NominationRow, nextRank } from './queries.ts';
import { nominationRules } from './rules.ts';

export interface TransitionInput {
  to: NominationState;
  reason?: string;
  /** Checks the caller ran on the form before submitting (completeness, eligibility, duplicates, material). */
  submissionFindings?: Finding[];
  /** The chosen files at submission, frozen into the snapshot beside the form (each with its SHA-256). */
  submittedMaterials?: SubmittedMaterial[];
}

function actorKindFor(actor: Actor | null, n: NominationRow): ActorKind {
  if (!actor) return 'system';
  if (nominationRules.can(actor, 'actAsOrganiser', n)) return 'organiser';
  if (nominationRules.can(actor, 'actAsUnit', n)) return 'unit';
  throw forbidden();
}

/** Closes the gap a nomination leaves in its unit's 推介登记表. */
async function closeRankGap(trx: Trx, n: NominationRow) {
  if (n.rank === null) return;
  await trx
    .updateTable('nominations')
    .set((eb) => ({ rank: eb('rank', '-', 1) }))
    .where('campaignId', '=', n.campaignId)
    .where('unitId', '=', n.unitId)
    .where('category', '=', n.category)
    .where('rank', '>', n.rank)
    .execute();
}

/**
 * The one function that changes a nomination's state (house rule 1): guard by the transition table,
 * the campaign's state and the unit's deadline; check the quota under a lock; write; audit; follow-ups
 * (snapshot and hash, 排序 places). Callers hold the nomination locked in `trx`.
 */
export async function applyNominationTransition(
  trx: Trx,
  actor: Actor | null,
  n: NominationRow,
  campaign: CampaignRow,
  input: TransitionInput,
): Promise<NominationRow> {
  const from = n.state as NominationState;
  const kind = actorKindFor(actor, n);
  const transition = findTransition(from, input.to, kind);
  if (!transition) throw new AppError('CONFLICT', transitionProblem(from, input.to, kind) ?? '不能变更状态');
  if (!transition.campaignStates.includes(campaign.status as CampaignState)) {
    throw new AppError(
      'CONFLICT',
      `「${transition.label}」仅在活动处于${campaignStateLabels(transition)}状态时可以进行`,
    );
  }
  const reason = input.reason?.trim();
  if (transition.requiresReason && !reason) {
    throw new AppError('VALIDATION_FAILED', `「${transition.label}」须说明原因，以便报送单位据此修改`);
  }
  if (transition.beforeDeadlineOnly) await assertBeforeDeadline(trx, campaign, n.unitId);

  const errors = (input.submissionFindings ?? []).filter((f) => f.severity === 'error');
  if (transition.freezesSnapshot && errors.length > 0) {
    // A previous winner or the same person or programme nominated elsewhere: the registry said so.
    const code = errors.some((f) => f.code.startsWith('DUPLICATE_'))
      ? 'DUPLICATE_WINNER'
      : errors.some(
            (f) =>
              f.code === 'FIELD_REQUIRED' ||
              f.code === 'ATTESTATION_REQUIRED' ||
              f.code.startsWith('MATERIAL_'),
          )
        ? 'INCOMPLETE'
        : 'NOT_ELIGIBLE';
    throw new AppError(
      code,
      `还有 ${errors.length} 处问题需要修改后才能提交：${errors.map((f) => f.message).join('；')}`,
      {
        findings: errors,
      },
    );
  }

  const set: Record<string, unknown> = { state: input.to };
  // A unit's request that the organiser look at its draft ends when the draft does.
  if (from === 'draft') set.reviewRequestedAt = null;
  if (transition.checksQuota) {
    // Every submit of this unit waits here for the others: the count below cannot go stale.
    await trx.selectFrom('organisations').select('id').where('id', '=', n.unitId).forUpdate().execute();
    const counts = await countQuotaPlaces(trx, n.campaignId, n.unitId, n.category as Category);
    // A returned nomination already holds its place; only a new one adds to the count.
    const adds = from === 'returned' ? 0 : 1;
    const after = {
      regular: counts.regular + (n.special ? 0 : adds),
      special: counts.special + (n.special ? adds : 0),
    };
    const unitOverride = campaign.rules.quotas.unitOverrides[n.unitId];
    const quota = quotaFindings(
      campaign.rules,
      n.unitType as OrganisationType,
      unitOverride,
      n.category as Category,
      after,
    );
    const refused = quota.filter((f) => f.severity === 'error');
    if (refused.length > 0) {
      throw new AppError('QUOTA_EXCEEDED', refused.map((f) => f.message).join('；'), { findings: refused });
    }
  }
  if (transition.freezesSnapshot) {
    // The hash stays the form's own (a forwarded copy carries it unchanged); each file has its SHA-256.
    set.snapshot = JSON.stringify(
      input.submittedMaterials ? { ...n.form, materials: input.submittedMaterials } : n.form,
    );
    set.contentHash = await contentHash(n.form);
    set.submittedAt = new Date();
    set.returnReason = null;
    if (n.rank === null) set.rank = await nextRank(trx, n);
  }
  if (input.to === 'returned') set.returnReason = reason;
  if (input.to === 'withdrawn') {
    await closeRankGap(trx, n);
    set.rank = null;
    set.special = false;
  }
  await trx
    .updateTable('nominations')
    .set({ ...set, version: n.version + 1, updatedAt: new Date() })
    .where('id', '=', n.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'nomination.transitioned',
    entityType: 'nomination',
    entityId: n.id,
    scopePath: n.unitPath,
    before: { state: from },
    after: {
      state: input.to,
      label: transition.label,
      reason: reason ?? null,
      contentHash: set.contentHash ?? null,
    },
  });
  return (await findNomination(trx, n.id))!;
}
