import { isStrictlyAbove, notTheOrganiserMessage } from '#core/campaign/organiser-scope.ts';
import { quotaFindings } from '#core/campaign/quotas.ts';
import type { Category } from '#core/campaign/rules.ts';
import { type Finding, joinMessages } from '#core/findings.ts';
import { moveRefusal } from '#core/nomination/moves.ts';
import { type ActorKind, findTransition, type NominationState } from '#core/nomination/states.ts';
import { submissionRefusal } from '#core/nomination/submission-findings.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import type { SubmittedMaterial } from '../material-facts/nomination-materials.ts';
import { moveContext } from './deadline.ts';
import { freezeSubmission } from './freeze-submission.ts';
import { countQuotaPlaces, findNomination, type NominationRow } from './queries.ts';
import { nominationRules } from './rules.ts';
import { storedForm } from './stored-form.ts';

export interface TransitionInput {
  to: NominationState;
  reason?: string;
  /** Checks the caller ran on the form before submitting (completeness, eligibility, duplicates, material). */
  submissionFindings?: Finding[];
  /** The chosen files at submission, frozen into the snapshot beside the form (each with its SHA-256). */
  submittedMaterials?: SubmittedMaterial[];
  /** When the move happens: the request's time, or the deadline job's (both from the app's clock). */
  now: Date;
}

function actorKindFor(actor: Actor | null, n: NominationRow): ActorKind {
  if (!actor) return 'system';
  if (nominationRules.can(actor, 'actAsOrganiser', n)) return 'organiser';
  if (nominationRules.can(actor, 'actAsUnit', n)) return 'unit';
  if (isStrictlyAbove(actor.organisationPath, n.organiserPath))
    throw forbidden(notTheOrganiserMessage(n.organiserName));
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
 * The one function that changes a nomination's state (house rule 1): guard by core's moveRefusal (the
 * transition table, the campaign's state and the unit's deadline); check the quota under a lock; write;
 * audit; follow-ups (snapshot and hash, 排序 places). Callers hold the nomination locked in `trx`; a null
 * actor is the platform itself (the deadline job), audited as 系统.
 */
export async function applyNominationTransition(
  trx: Trx,
  actor: Actor | null,
  n: NominationRow,
  campaign: CampaignRow,
  input: TransitionInput,
): Promise<NominationRow> {
  const from = n.state;
  const kind = actorKindFor(actor, n);
  const { now } = input;
  // The same rule the responses offer their moves by: table, campaign state, the unit's deadline.
  const refusal = moveRefusal(from, input.to, await moveContext(trx, campaign, n.unitId, kind, now));
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const transition = findTransition(from, input.to, kind)!;
  const reason = input.reason?.trim();
  if (transition.requiresReason && !reason) {
    throw new AppError('VALIDATION_FAILED', `「${transition.label}」须说明原因，以便报送单位据此修改`);
  }

  const refused = transition.freezesSnapshot ? submissionRefusal(input.submissionFindings ?? []) : undefined;
  // A previous winner or the same person or programme nominated elsewhere, something missing, or not eligible.
  if (refused) throw new AppError(refused.code, refused.message, { findings: refused.findings });

  const set: Record<string, unknown> = { state: input.to };
  // A unit's request that the organiser look at its draft ends when the draft does.
  if (from === 'draft') set.reviewRequestedAt = null;
  if (transition.checksQuota) {
    // Every submit of this unit waits here for the others: the count below cannot go stale.
    await trx.selectFrom('organisations').select('id').where('id', '=', n.unitId).forUpdate().execute();
    const counts = await countQuotaPlaces(trx, n.campaignId, n.unitId, n.category);
    // A returned nomination already holds its place; only a new one adds to the count.
    const adds = from === 'returned' ? 0 : 1;
    const after = {
      regular: counts.regular + (n.special ? 0 : adds),
      special: counts.special + (n.special ? adds : 0),
    };
    const unitOverride = campaign.rules.quotas.unitOverrides[n.unitId];
    const quota = quotaFindings(campaign.rules, n.unitType, unitOverride, n.category, after);
    const over = quota.filter((f) => f.severity === 'error');
    if (over.length > 0) {
      throw new AppError('QUOTA_EXCEEDED', joinMessages(over.map((f) => f.message)), { findings: over });
    }
  }
  if (transition.freezesSnapshot) {
    Object.assign(set, await freezeSubmission(trx, n, input.submittedMaterials, now));
  }
  if (input.to === 'returned') set.returnReason = reason;
  if (input.to === 'withdrawn') {
    await closeRankGap(trx, n);
    set.rank = null;
    set.special = false;
  }
  // 逾期视为自动放弃 is kept on the row so the organiser sees who missed the deadline; restoring clears it.
  if (transition.afterDeadlineOnly) set.lapsedAt = now;
  if (input.to === 'draft') set.lapsedAt = null;
  await trx
    .updateTable('nominations')
    .set({ ...set, version: n.version + 1, updatedAt: now })
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

/** A new nomination's row: a unit's draft, or a forwarded copy that is submitted from its first moment. */
export interface NewNomination {
  campaignId: string;
  unitId: string;
  category: Category;
  createdBy: string | null;
  special?: boolean;
  title?: string;
  form?: Record<string, unknown>;
  forwardedFrom?: string | null;
}

/**
 * The one way a nomination comes into being. A draft starts as the table's first state. A forwarded copy
 * is submitted at once: its row is inserted first, because its files (`attach`) must point at it before
 * the snapshot can name them, and the same freeze as a submit then fixes form, files and 排序 place.
 * The caller audits the creation as the act it is part of.
 */
export async function createNominationRow(
  trx: Trx,
  values: NewNomination,
  submitted?: { now: Date; attach: (id: string) => Promise<SubmittedMaterial[]> },
): Promise<string> {
  const { form = {}, ...rest } = values;
  // Frozen from its first moment (the form alone), so the row never stands submitted without a snapshot.
  const first = submitted
    ? await freezeSubmission(trx, { ...values, form, rank: null }, undefined, submitted.now)
    : undefined;
  const { id } = await trx
    .insertInto('nominations')
    .values({ ...rest, ...storedForm(form), ...first, state: first ? 'submitted' : 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!submitted || !first) return id;
  const materials = await submitted.attach(id);
  const frozen = await freezeSubmission(trx, { ...values, form, rank: first.rank }, materials, submitted.now);
  await trx.updateTable('nominations').set({ snapshot: frozen.snapshot }).where('id', '=', id).execute();
  return id;
}
