/**
 * The one place a submission package's state is written (house rule 1): its creation in the initial
 * state with its build job, and every move of core's package table, each guarded, written and audited in
 * one transaction, so a package is never `ready` without the audit row that says what it holds.
 */
import {
  findPackageTransition,
  PACKAGE_INITIAL_STATE,
  type PackageState,
  packageTransitionProblem,
} from '#core/documents/package-states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { type Jobs, QUEUES } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';

/** What each move writes beside the state. */
export type PackageMove =
  | { to: 'building' }
  | {
      to: 'ready';
      built: {
        storageKey: string;
        files: number;
        missing: number;
        bytes: number;
        sha256: string;
        /** What it was built from; absent for a package built outside the request path. */
        inputsHash?: string;
      };
    }
  | { to: 'failed'; error: string }
  // The file stays named on the row until the sweep has deleted it (package-sweep.ts).
  | { to: 'expired'; reason: string };

export type PackageMoveResult = { moved: true } | { moved: false; reason: string };

const AUDIT_ACTION: Record<PackageMove['to'], string> = {
  building: 'package.building',
  ready: 'package.built',
  failed: 'package.failed',
  expired: 'package.expired',
};

/** A requested package: its row in the initial state, its build job and its audit row, in `trx`. */
export async function createPackage(
  trx: Trx,
  jobs: Jobs,
  actor: Actor,
  values: { campaignId: string; unitId: string | null; inputsHash?: string | null },
): Promise<string> {
  const { id } = await trx
    .insertInto('exportPackages')
    .values({ ...values, state: PACKAGE_INITIAL_STATE, requestedBy: actor.accountId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.send(QUEUES.exportPackage, { packageId: id }, { trx });
  await recordAudit(trx, actor, {
    action: 'package.requested',
    entityType: 'package',
    entityId: id,
    scopePath: actor.organisationPath,
    after: { campaignId: values.campaignId, unitId: values.unitId },
  });
  return id;
}

function fieldsOf(move: PackageMove, now: Date) {
  switch (move.to) {
    case 'building':
      // Starting over after a crash forgets the half-written try.
      return {
        done: 0,
        total: 0,
        error: null,
        storageKey: null,
        bytes: null,
        sha256: null,
        finishedAt: null,
      };
    case 'ready': {
      const { storageKey, files, bytes, sha256, inputsHash } = move.built;
      return {
        done: files,
        total: files,
        storageKey,
        bytes,
        sha256,
        inputsHash: inputsHash ?? null,
        error: null,
        finishedAt: now,
      };
    }
    case 'failed':
      return { error: move.error, finishedAt: now };
    case 'expired':
      return {};
  }
}

function auditAfter(move: PackageMove, label: string) {
  if (move.to === 'ready') {
    const { files, missing, bytes, sha256 } = move.built;
    return { packageState: move.to, label, files, missing, bytes, sha256 };
  }
  if (move.to === 'expired') return { packageState: move.to, label, reason: move.reason };
  return { packageState: move.to, label, ...(move.to === 'failed' ? { error: move.error } : {}) };
}

/**
 * Moves a package (the build job and the expiry sweep; the platform acts, audited as 系统). A move the
 * table refuses (the row is gone, finished already, or a failed package) changes nothing and says why:
 * a job that runs twice must not throw and be retried.
 */
export async function transitionPackage(
  db: Db,
  id: string,
  move: PackageMove,
  now: Date,
): Promise<PackageMoveResult> {
  return db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('exportPackages as p')
      .innerJoin('campaigns as c', 'c.id', 'p.campaignId')
      .innerJoin('organisations as o', 'o.id', 'c.organiserId')
      .select(['p.state', 'o.path as organiserPath'])
      .where('p.id', '=', id)
      .forUpdate('p')
      .executeTakeFirst();
    if (!p) return { moved: false, reason: '找不到该提交包，可能已被删除。' };
    const from = p.state as PackageState;
    const problem = packageTransitionProblem(from, move.to);
    if (problem) return { moved: false, reason: problem };
    const transition = findPackageTransition(from, move.to)!;
    await trx
      .updateTable('exportPackages')
      .set({ state: move.to, ...fieldsOf(move, now) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, null, {
      action: AUDIT_ACTION[move.to],
      entityType: 'package',
      entityId: id,
      scopePath: p.organiserPath,
      before: { packageState: from },
      after: auditAfter(move, transition.label),
    });
    return { moved: true };
  });
}
