/**
 * What submitting freezes, in one place for every way a nomination becomes submitted: a unit's submit
 * (transition-nomination.ts), a province forwarding its selected nominations to the national round
 * (forward-nominations.ts) and the demo seed. The snapshot holds the form and the chosen files, each
 * with its SHA-256; the content hash stays the form's own, so a forwarded copy carries its source's hash
 * unchanged; the nomination takes the next 排序 place of its unit unless it has one.
 */
import type { Category } from '#core/campaign/rules.ts';
import { contentHash } from '#core/nomination/snapshot.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { SubmittedMaterial } from '../material-facts/nomination-materials.ts';
import { nextRank } from './queries.ts';
import { storedSnapshot } from './stored-form.ts';

export interface FrozenSubmission {
  snapshot: string;
  contentHash: string;
  submittedAt: Date;
  rank: number;
  /** A resubmission answers the organiser's 退回修改: the reason is done with. */
  returnReason: null;
}

export async function freezeSubmission(
  trx: Trx,
  n: {
    campaignId: string;
    unitId: string;
    category: Category;
    rank: number | null;
    form: Record<string, unknown>;
  },
  /** The chosen files at submission; undefined when the nomination has none to name (yet). */
  materials: SubmittedMaterial[] | undefined,
  now: Date,
): Promise<FrozenSubmission> {
  return {
    // Sealed like the form (stored-form.ts); the content hash is the clear form's, so it stays the same
    // across key rotations and a forwarded copy keeps its source's.
    snapshot: storedSnapshot(materials ? { ...n.form, materials } : n.form),
    contentHash: await contentHash(n.form),
    submittedAt: now,
    rank: n.rank ?? (await nextRank(trx, n)),
    returnReason: null,
  };
}
