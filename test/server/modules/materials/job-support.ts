/**
 * Material rows made beside HTTP through the test app's context: a file put into storage, its row
 * inserted and `material-check` sent in one transaction, as the upload does; then the workers watched.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import type { TestApp } from '#test/support/app.ts';

export interface AddedMaterial {
  id: string;
  storageKey: string;
  sha256: string;
}

/** Stores `file` and inserts its `pending` row with its check job, in one transaction. */
export async function addMaterial(
  { context }: TestApp,
  material: { nominationId: string; setKey: MaterialSetKey; slotId: string; file: string; fileName?: string },
): Promise<AddedMaterial> {
  const storageKey = `test-uploads/${randomUUID()}`;
  const stored = await context.storage.write(storageKey, createReadStream(material.file));
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('materials')
      .values({
        nominationId: material.nominationId,
        setKey: material.setKey,
        slotId: material.slotId,
        storageKey,
        fileName: material.fileName ?? path.basename(material.file),
        bytes: stored.bytes,
        sha256: stored.sha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await context.jobs.send(QUEUES.materialCheck, { materialId: row.id }, { trx });
    return row.id;
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
