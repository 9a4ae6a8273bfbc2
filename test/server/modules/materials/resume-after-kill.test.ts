/**
 * The hardest promise: kill the server mid-upload (SIGKILL, nothing flushed or closed in order),
 * start it again on the same database and files, resume, and the stored file's SHA-256 equals the original's.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import {
  type HttpSession,
  type KillableServer,
  killableServerPlace,
  loginOverHttp,
  newStarDraftVideoSlot,
  printedPasswords,
} from './killable-server.ts';
import { startTusUpload, uploadUrlOf } from './tus-client.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('resume after the server was killed mid-upload', () => {
  const place = killableServerPlace('tuijie-kill-');
  let port: number;
  let server: KillableServer;

  beforeAll(async () => {
    port = await freePort();
  });

  it('resumes from what the killed server had stored, and the SHA-256 matches', {
    timeout: 180_000,
  }, async () => {
    server = await place.start(port);
    const unit: HttpSession = await loginOverHttp(
      server.url,
      'changchun',
      printedPasswords(server.output()).get('changchun')!,
    );
    const data = randomBytes(96 * 1024 * 1024);
    const metadata = await newStarDraftVideoSlot(server.url, unit);
    let killing: Promise<void> | undefined;
    const first = startTusUpload(server.url, unit, data, metadata, {
      onProgress: (sent, total) => {
        if (!killing && sent > total * 0.3) killing = server!.kill();
      },
    });
    const uploadUrl = await uploadUrlOf(first.upload);
    await expect(first.done).rejects.toThrow();
    await killing;
    expect(server.output()).not.toContain('tus upload failed');

    server = await place.start(port);
    // The session lives in PostgreSQL: the same cookie still works after the restart.
    const head = await fetch(uploadUrl, {
      method: 'HEAD',
      headers: { cookie: unit.cookie, 'tus-resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(data.length);

    let resumedFrom = -1;
    const resumed = startTusUpload(server.url, unit, data, metadata, {
      uploadUrl,
      onProgress: (sent) => {
        if (resumedFrom < 0) resumedFrom = sent;
      },
    });
    expect(await resumed.done).toBe(uploadUrl);
    expect(resumedFrom).toBeGreaterThanOrEqual(offset);

    const row = await place.database.db
      .selectFrom('materials')
      .select(['sha256', 'bytes', 'storageKey', 'state'])
      .where('nominationId', '=', metadata.nominationId)
      .executeTakeFirstOrThrow();
    // The row exists with the original's hash; the check job may already have judged the (random) bytes.
    expect(row.sha256).toBe(sha256(data));
    expect(['pending', 'failed']).toContain(row.state);
    expect(Number(row.bytes)).toBe(data.length);
    const stored = await readFile(path.join(place.varDir, 'files', row.storageKey));
    expect(sha256(stored)).toBe(sha256(data));
  });
});
