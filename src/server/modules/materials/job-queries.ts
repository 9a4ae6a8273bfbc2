/**
 * The material rows as the background jobs read and write them: a row with its campaign's material
 * rules (to find its slot), and the few writes each job makes beside the state (which moves only through
 * transition-material.ts).
 */
import { sql } from 'kysely';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
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

/** The slot a row was uploaded to, from its campaign's current rules. */
export function slotOfRow(
  row: Pick<JobMaterial, 'materials' | 'setKey' | 'slotId'>,
): MaterialSlotSpec | undefined {
  const sets = row.materials as unknown as Record<string, { slots: MaterialSlotSpec[] } | undefined>;
  return Object.hasOwn(sets, row.setKey)
    ? sets[row.setKey]?.slots.find((s) => s.id === row.slotId)
    : undefined;
}

/** With `lock`, the material row stays locked until `trx` ends: a move reads and writes it alone. */
export async function findJobMaterial(
  db: Db | Trx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<JobMaterial | undefined> {
  const query = db
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
    .where('m.id', '=', id);
  const row = await (options.lock ? query.forUpdate('m') : query).executeTakeFirst();
  if (!row) return undefined;
  const { rules, ...rest } = row;
  return {
    ...rest,
    bytes: Number(row.bytes),
    probed: row.probed as Probed | null,
    materials: (rules as CampaignRules).materials,
  };
}

export async function setPreviewKey(db: Db, id: string, previewKey: string): Promise<boolean> {
  const updated = await db
    .updateTable('materials')
    .set({ previewKey })
    .where('id', '=', id)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function setConversionProgress(db: Db, id: string, progress: number, now: Date): Promise<void> {
  await db
    .updateTable('materials')
    .set({ progress, updatedAt: now })
    .where('id', '=', id)
    .where('state', '=', 'converting')
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
