/**
 * The material rows as the background jobs read and write them: a row with its campaign's material
 * rules (to find its slot), and the few writes each job makes. Every write names the state it expects,
 * so a job that runs twice, or after the row was deleted or its conversion restarted, changes nothing.
 */
import { sql } from 'kysely';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { MaterialState } from '#core/materials/states.ts';
import type { NominationState } from '#core/nomination/states.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';

export interface JobMaterial {
  id: string;
  nominationId: string;
  setKey: MaterialSetKey;
  slotId: string;
  storageKey: string;
  fileName: string;
  bytes: number;
  state: MaterialState;
  probed: Probed | null;
  convertedFrom: string | null;
  previewKey: string | null;
  chosen: boolean;
  uploadedBy: string | null;
  /** The nomination's state and its unit's path: what follows a verdict depends on them. */
  nominationState: NominationState;
  unitPath: string;
  materials: CampaignRules['materials'];
}

export async function findJobMaterial(db: Db | Trx, id: string): Promise<JobMaterial | undefined> {
  const row = await db
    .selectFrom('materials as m')
    .innerJoin('nominations as n', 'n.id', 'm.nominationId')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select([
      'm.id',
      'm.nominationId',
      'm.setKey',
      'm.slotId',
      'm.storageKey',
      'm.fileName',
      'm.bytes',
      'm.state',
      'm.probed',
      'm.convertedFrom',
      'm.previewKey',
      'm.chosen',
      'm.uploadedBy',
      'n.state as nominationState',
      'u.path as unitPath',
      'c.rules',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { rules, ...rest } = row;
  return {
    ...rest,
    bytes: Number(row.bytes),
    probed: row.probed as Probed | null,
    materials: (rules as CampaignRules).materials,
  };
}

const CHECKABLE_STATES = ['pending', 'passed', 'failed'] as const;

/** The check's verdict; false when the row is gone or is a conversion still running. */
export async function writeCheckResult(
  trx: Trx,
  id: string,
  result: { probed: Probed | null; findings: Finding[]; state: 'passed' | 'failed' },
): Promise<boolean> {
  const updated = await trx
    .updateTable('materials')
    .set({
      probed: result.probed === null ? null : JSON.stringify(result.probed),
      findings: JSON.stringify(result.findings),
      state: result.state,
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .where('state', 'in', CHECKABLE_STATES)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function setPreviewKey(db: Db, id: string, previewKey: string): Promise<boolean> {
  const updated = await db
    .updateTable('materials')
    .set({ previewKey })
    .where('id', '=', id)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function setConversionProgress(db: Db, id: string, progress: number): Promise<void> {
  await db
    .updateTable('materials')
    .set({ progress, updatedAt: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'converting')
    .execute();
}

/** The converted bytes are stored: the copy now waits for the same check as any upload. */
export async function finishConversion(
  trx: Trx,
  id: string,
  stored: { bytes: number; sha256: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('materials')
    .set({ ...stored, state: 'pending', progress: 100, updatedAt: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'converting')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function failConversion(db: Db, id: string, finding: Finding): Promise<void> {
  await db
    .updateTable('materials')
    .set({ state: 'failed', findings: JSON.stringify([finding]), updatedAt: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'converting')
    .execute();
}

export interface NewConvertedCopy {
  id: string;
  original: { id: string; nominationId: string; setKey: MaterialSetKey; slotId: string; fileName: string };
  storageKey: string;
  fileName: string;
  uploadedBy: string | null;
}

export async function insertConvertedCopy(trx: Trx, copy: NewConvertedCopy): Promise<void> {
  await trx
    .insertInto('materials')
    .values({
      id: copy.id,
      nominationId: copy.original.nominationId,
      setKey: copy.original.setKey,
      slotId: copy.original.slotId,
      uploadId: null,
      storageKey: copy.storageKey,
      fileName: copy.fileName,
      bytes: 0,
      sha256: '',
      state: 'converting',
      convertedFrom: copy.original.id,
      progress: 0,
      chosen: false,
      uploadedBy: copy.uploadedBy,
    })
    .execute();
}

/** Copies of `originalId` that are converting or converted and not failed. */
export async function liveCopiesOf(db: Db | Trx, originalId: string) {
  return db
    .selectFrom('materials')
    .select(['id', 'state'])
    .where('convertedFrom', '=', originalId)
    .where('state', '!=', 'failed')
    .execute();
}

export interface StrandedMaterial {
  id: string;
  state: 'pending' | 'converting';
  /** A job for it is queued or running: leave it. */
  live: boolean;
  /** Its last job failed every retry (the process died with it each time): no new job will come. */
  exhausted: boolean;
}

/**
 * Rows waiting for a job (checks: `pending`; conversions: `converting`) with what pg-boss holds for
 * them. After a crash or a lost job such a row would wait forever; the workers look at these at start.
 */
export async function strandedMaterials(db: Db): Promise<StrandedMaterial[]> {
  const result = await sql<StrandedMaterial>`
    SELECT m.id, m.state,
      EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = q.name AND j.data->>'materialId' = m.id::text
        AND j.state IN ('created', 'retry', 'active')) AS live,
      EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = q.name AND j.data->>'materialId' = m.id::text
        AND j.state = 'failed') AS exhausted
    FROM materials m
    CROSS JOIN LATERAL (SELECT CASE m.state WHEN 'pending' THEN ${QUEUES.materialCheck}
      ELSE ${QUEUES.materialConvert} END AS name) q
    WHERE m.state IN ('pending', 'converting')`.execute(db);
  return result.rows;
}

/** A row no job will finish: failed with the reason, so it never stays pending. */
export async function failStranded(db: Db, id: string, finding: Finding): Promise<void> {
  await db
    .updateTable('materials')
    .set({ state: 'failed', findings: JSON.stringify([finding]), updatedAt: new Date() })
    .where('id', '=', id)
    .where('state', 'in', ['pending', 'converting'])
    .execute();
}
