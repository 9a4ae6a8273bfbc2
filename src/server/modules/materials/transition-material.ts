/**
 * The one place a material's state is written (house rule 1): a file's creation in the state its origin
 * starts in, and every move of core's material table (a check's verdict, a conversion finishing or
 * failing, a check that never finished). Each is guarded, written, audited and followed by its jobs in the
 * caller's transaction. A refused move changes nothing and says why: the jobs that move files run twice
 * after a crash, and a second run must neither throw (and be retried) nor undo anything.
 */

import type { Finding } from '#core/findings.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { Probed } from '#core/materials/probed.ts';
import {
  awaitedJob,
  findMaterialTransition,
  initialMaterialState,
  type MaterialOrigin,
  type MaterialState,
  materialTransitionProblem,
} from '#core/materials/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { type Jobs, QUEUES } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { afterVerdict } from './after-check.ts';
import { findJobMaterial, slotOfRow } from './job-queries.ts';

export interface NewMaterialValues {
  /** Given when the caller names the row before it exists (a converted copy's storage key holds it). */
  id?: string;
  nominationId: string;
  setKey: MaterialSetKey;
  slotId: string;
  /** The tus upload it came from; null for a file the platform made or copied. */
  uploadId?: string | null;
  storageKey: string;
  fileName: string;
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  convertedFrom?: string | null;
  copiedFrom?: string | null;
  previewKey?: string | null;
  chosen?: boolean;
  /** A forwarded file keeps its upload's time, so the copy lists files in the unit's order. */
  createdAt?: Date;
}

export interface Verdict {
  findings: Finding[];
  /** undefined: what was probed before stays (a conversion or a check that failed without probing). */
  probed?: Probed | null;
}

export interface MaterialCreation {
  origin: MaterialOrigin;
  values: NewMaterialValues;
  /** Only a forwarded file without a place and a demo file are born with their verdict (core decides). */
  verdict?: Verdict;
  /** The entry for the audit log; none for a file whose creation the caller audits as part of a larger act. */
  audit?: { actor: Actor | null; action: string; scopePath: string; after: Record<string, unknown> };
}

const FOLLOW_UP_QUEUE = { check: QUEUES.materialCheck, convert: QUEUES.materialConvert } as const;

/**
 * Inserts a file in its first state and sends the job that state waits for, in `trx`. `jobs` may be
 * left out only for files born with their verdict (the demo seed runs before any job queue exists).
 */
export async function createMaterial(
  trx: Trx,
  jobs: Jobs | undefined,
  creation: MaterialCreation,
): Promise<string> {
  const state = initialMaterialState(creation.origin, creation.verdict);
  const { verdict, values } = creation;
  const { id } = await trx
    .insertInto('materials')
    .values({
      ...values,
      uploadId: values.uploadId ?? null,
      state,
      ...(state === 'converting' ? { progress: 0 } : {}),
      ...(verdict
        ? {
            findings: JSON.stringify(verdict.findings),
            probed: verdict.probed ? JSON.stringify(verdict.probed) : null,
          }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const job = awaitedJob(state);
  if (job) {
    if (!jobs) throw new Error(`a ${creation.origin} file waits for its ${job} job: jobs are needed`);
    await jobs.send(FOLLOW_UP_QUEUE[job], { materialId: id }, { trx });
  }
  if (creation.audit) {
    const { actor, action, scopePath, after } = creation.audit;
    await recordAudit(trx, actor, { action, entityType: 'material', entityId: id, scopePath, after });
  }
  return id;
}

/** What each move writes beside the state. */
export type MaterialMove =
  | { to: 'passed' | 'failed'; verdict: Verdict }
  | { to: 'pending'; stored: { bytes: number; sha256: string } };

export type MaterialMoveResult = { moved: true } | { moved: false; reason: string };

function fieldsOf(move: MaterialMove) {
  if (move.to === 'pending') return { ...move.stored, progress: 100 };
  const { findings, probed } = move.verdict;
  return {
    findings: JSON.stringify(findings),
    ...(probed === undefined ? {} : { probed: probed === null ? null : JSON.stringify(probed) }),
  };
}

/**
 * Moves a file, as the platform (the check and conversion jobs; audited as 系统). Follow-ups: a stored
 * conversion is sent to the check; a verdict asks for the preview the file lacks, and the first verdict
 * may start a conversion or choose a converted copy (after-check.ts).
 */
export async function transitionMaterial(
  trx: Trx,
  jobs: Jobs,
  id: string,
  move: MaterialMove,
  now: Date,
): Promise<MaterialMoveResult> {
  const row = await findJobMaterial(trx, id, { lock: true });
  if (!row) return { moved: false, reason: '找不到该文件，可能已被删除。' };
  const from: MaterialState = row.state;
  const problem = materialTransitionProblem(row.fileName, from, move.to);
  if (problem) return { moved: false, reason: problem };
  const transition = findMaterialTransition(from, move.to)!;
  await trx
    .updateTable('materials')
    .set({ state: move.to, ...fieldsOf(move), updatedAt: now })
    .where('id', '=', id)
    .execute();
  const errors = 'verdict' in move ? move.verdict.findings.filter((f) => f.severity === 'error') : [];
  await recordAudit(trx, null, {
    action: 'material.transitioned',
    entityType: 'material',
    entityId: id,
    scopePath: row.unitPath,
    before: { materialState: from },
    after: {
      materialState: move.to,
      label: transition.label,
      nominationId: row.nominationId,
      fileName: row.fileName,
      ...(errors.length > 0 ? { findings: errors.map((f) => f.message) } : {}),
    },
  });
  if (move.to === 'pending') {
    await jobs.send(QUEUES.materialCheck, { materialId: id }, { trx });
    return { moved: true };
  }
  const probed = move.verdict.probed === undefined ? row.probed : move.verdict.probed;
  if ((probed?.kind === 'image' || probed?.kind === 'video') && !row.previewKey) {
    await jobs.send(QUEUES.materialPreview, { materialId: id }, { trx });
  }
  await afterVerdict(
    trx,
    jobs,
    row,
    slotOfRow(row),
    {
      state: move.to,
      findings: move.verdict.findings,
      probed,
    },
    now,
  );
  return { moved: true };
}
