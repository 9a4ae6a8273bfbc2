/**
 * Material rows made beside HTTP through the test app's context: a file put into storage and its row
 * created by createMaterial with its check job in one transaction, as the upload does; then the workers
 * watched.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import { createMaterial } from '#server/modules/materials/transition-material.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import type { TestApp } from '#test/support/app.ts';
import { heldJobs } from '#test/support/held-jobs.ts';

export interface AddedMaterial {
  id: string;
  storageKey: string;
  sha256: string;
}

/**
 * What becomes of the check job: `sent` runs it now; `held` sends it not before 2100, so the row
 * stays 检查中 until the test sends the check itself; `lost` drops it before the commit, as a crash or a
 * cleared queue would, leaving a row pending without any job.
 */
export type CheckJob = 'sent' | 'held' | 'lost';

/** Stores `file` (a path or its bytes) and creates its `pending` row with its check job, in one transaction. */
export async function addMaterial(
  { context }: TestApp,
  material: {
    nominationId: string;
    setKey: MaterialSetKey;
    slotId: string;
    file: string | Buffer;
    fileName?: string;
  },
  checkJob: CheckJob = 'sent',
): Promise<AddedMaterial> {
  const storageKey = `test-uploads/${randomUUID()}`;
  const body =
    typeof material.file === 'string' ? createReadStream(material.file) : Readable.from([material.file]);
  const stored = await context.storage.write(storageKey, body);
  const fileName =
    material.fileName ?? (typeof material.file === 'string' ? path.basename(material.file) : 'file.bin');
  const jobs = checkJob === 'held' ? heldJobs(context.jobs) : context.jobs;
  const id = await context.db.transaction().execute(async (trx) => {
    const id = await createMaterial(trx, jobs, {
      origin: 'uploaded',
      values: {
        nominationId: material.nominationId,
        setKey: material.setKey,
        slotId: material.slotId,
        storageKey,
        fileName,
        bytes: stored.bytes,
        sha256: stored.sha256,
        uploadedBy: null,
      },
    });
    if (checkJob === 'lost') {
      await sql`DELETE FROM pgboss.job WHERE name = ${QUEUES.materialCheck} AND data->>'materialId' = ${id}`.execute(
        trx,
      );
    }
    return id;
  });
  return { id, storageKey, sha256: stored.sha256 };
}

export function materialRow({ database }: TestApp, id: string) {
  return database.db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Waits (as long as the machine needs, up to `timeout`) until the row has left `pending`/`converting`. */
export async function settled(t: TestApp, id: string, timeout = 300_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const row = await materialRow(t, id);
    if (row.state === 'passed' || row.state === 'failed') return row;
    if (Date.now() > until) throw new Error(`material ${id} still ${row.state} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const errorCodes = (findings: unknown) =>
  (findings as { code: string; severity: string }[]).filter((f) => f.severity === 'error').map((f) => f.code);
