/**
 * Rows of the scoring side as responses show them: a review as its draft (or the empty draft of a
 * nomination not yet scored), the frozen files with the URLs the scoring screen plays them from.
 */
import { findNominationSlot, type MaterialSets } from '#core/materials/nomination-slots.ts';
import type { Recommendation } from '#core/review/rubric.ts';
import type { SubmittedMaterial } from '../material-facts/nomination-materials.ts';
import type { ReviewRow } from './transition-review.ts';

export function presentDraft(row: ReviewRow | undefined) {
  if (!row)
    // Nothing saved yet: version 0, so the first save sends no version.
    return {
      state: 'draft' as const,
      scores: {},
      comment: '',
      recommendation: null,
      proposeSpecial: false,
      total: null,
      contentHash: null,
      submittedAt: null,
      version: 0,
    };
  return {
    state: row.state,
    scores: (row.scores ?? {}) as Record<string, number>,
    comment: row.comment,
    recommendation: row.recommendation as Recommendation | null,
    proposeSpecial: row.proposeSpecial,
    total: row.total === null ? null : Number(row.total),
    contentHash: row.contentHash,
    submittedAt: row.submittedAt ? new Date(row.submittedAt).toISOString() : null,
    version: row.version,
  };
}

export const reviewFileUrl = (roundId: string, nominationId: string, materialId: string) =>
  `/api/reviews/${roundId}/${nominationId}/files/${materialId}`;

/**
 * The name a file is shown and downloaded under. A unit often names its files after itself (长春市教育局-
 * 张三.jpg), so a round that hides the unit shows the slot's name instead, numbered within the slot.
 */
export function shownFileName(
  files: readonly SubmittedMaterial[],
  file: SubmittedMaterial,
  blind: boolean,
): string {
  if (!blind) return file.fileName;
  const same = files.filter((f) => f.setKey === file.setKey && f.slotId === file.slotId);
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(file.fileName)?.[0] ?? '';
  const number = same.length > 1 ? String(same.indexOf(file) + 1) : '';
  return `${file.slotLabel}${number}${extension.toLowerCase()}`;
}

/** The files frozen at submission, in slot order, each with its kind from the slot it was uploaded to. */
export function presentFiles(
  roundId: string,
  n: { id: string; category: 'star' | 'project'; special: boolean },
  materials: MaterialSets,
  files: readonly SubmittedMaterial[],
  blind: boolean,
) {
  return files.map((f) => {
    const slot = findNominationSlot(materials, n, f.setKey, f.slotId);
    return {
      materialId: f.materialId,
      slotLabel: f.slotLabel,
      fileName: shownFileName(files, f, blind),
      kind: slot?.kind ?? ('other' as const),
      contentUrl: reviewFileUrl(roundId, n.id, f.materialId),
      previewUrl: null,
    };
  });
}

/** The frozen file list of a submitted nomination's snapshot (freeze-submission.ts). */
export function snapshotFiles(snapshot: Record<string, unknown> | null): SubmittedMaterial[] {
  const files = snapshot?.materials;
  return Array.isArray(files) ? (files as SubmittedMaterial[]) : [];
}
