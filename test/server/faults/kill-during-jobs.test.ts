/**
 * Issue #15 item 12: the server killed without warning (SIGKILL, as in a power cut or an OOM kill) while
 * it builds a submission package or converts a video, then started again on the same database and
 * files. The package and the converted copy must then be made to the end (or fail with a Chinese
 * reason), never be served half-written, and what the killed process left behind (its partial ZIP,
 * its LibreOffice and ffmpeg folders) must be cleaned away.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import { film, tempFolder } from '#test/fixtures/media/generate.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import {
  api,
  type HttpSession,
  type KillableServer,
  loginOverHttp,
  printedPasswords,
  startKillableServer,
} from '../modules/materials/killable-server.ts';
import { startTusUpload } from '../modules/materials/tus-client.ts';
import { filesUnder, platformTempDirs, sha256, waitFor } from './fault-support.ts';

interface PackageView {
  id: string;
  state: string;
  sha256: string | null;
  error: string | null;
}

describe('SIGKILL while a job runs, then a restart on the same database and files', () => {
  let database: TestDatabase;
  let varDir: string;
  let port: number;
  let server: KillableServer | undefined;
  let organiser: HttpSession;
  let campaignId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-faults-'));
    await chmod(varDir, 0o755);
    port = await freePort();
    server = await startKillableServer(database.url, varDir, port);
    organiser = await loginOverHttp(
      server.url,
      'jilin-admin',
      printedPasswords(server.output()).get('jilin-admin')!,
    );
    const campaigns = (await (await api(server.url, organiser, 'GET', '/api/campaigns')).json()).items;
    campaignId = campaigns.find(
      (c: { organiserName: string; status: string }) =>
        c.organiserName === '吉林省教育厅' && c.status === 'open',
    ).id;
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await rm(varDir, { recursive: true, force: true });
  });

  const packageOf = async (id: string): Promise<PackageView> =>
    (await api(server!.url, organiser, 'GET', `/api/packages/${id}`)).json();

  it('a package being built is rebuilt after the restart; nothing half-written is served or left', {
    timeout: 600_000,
  }, async () => {
    // The whole campaign's package: every nomination's form goes through LibreOffice, seconds of work.
    const requested = await api(server!.url, organiser, 'POST', `/api/campaigns/${campaignId}/packages`, {});
    expect(requested.status).toBe(202);
    const { id } = await requested.json();
    const packagesDir = path.join(varDir, 'files', 'packages');
    const partials = () => filesUnder(packagesDir).filter((f) => f.endsWith('.part'));
    const scratchOf = (pid: number) => platformTempDirs().filter((d) => d.includes(`-${pid}-`));
    // Killed while the ZIP is half written and LibreOffice is at work in the server's scratch folder.
    await waitFor(
      'the package is being written and its forms converted',
      async () =>
        (await packageOf(id)).state === 'building' &&
        partials().length > 0 &&
        scratchOf(server!.pid).length > 0
          ? true
          : undefined,
      180_000,
      20,
    );

    // At once: the demo's package takes seconds, and any request first could let it finish.
    const killed = server!.pid;
    await server!.kill();
    const atKill = await database.db
      .selectFrom('exportPackages')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // The kill came mid-build (else this test proves nothing), and left its partial ZIP and scratch folder.
    expect(atKill.state).toBe('building');
    expect(partials()).not.toEqual([]);
    expect(scratchOf(killed)).not.toEqual([]);

    server = await startKillableServer(database.url, varDir, port);
    // The killed process's scratch folders are gone as soon as the new one has started.
    expect(scratchOf(killed)).toEqual([]);
    expect(partials()).toEqual([]);
    // Until it is built again (the queue first waits for the killed worker's heartbeat to lapse), a download
    // is refused in Chinese, never answered with part of a file.
    const early = await api(server!.url, organiser, 'GET', `/api/packages/${id}/download`);
    expect(early.status).toBe(409);
    expect((await early.json()).message).toContain('还在生成中');

    // Its job is taken up again once the queue sees the killed worker is gone, and built to the end.
    const finished = await waitFor('the package is finished again', async () => {
      const p = await packageOf(id);
      return p.state === 'ready' || p.state === 'failed' ? p : undefined;
    });
    expect(finished.error).toBeNull();
    expect(finished.state).toBe('ready');
    const download = await api(server!.url, organiser, 'GET', `/api/packages/${id}/download`);
    expect(download.status).toBe(200);
    const body = Buffer.from(await download.arrayBuffer());
    expect(sha256(body)).toBe(finished.sha256);
    expect(body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(partials()).toEqual([]);
  });

  it('a video being converted is converted again after the restart; its copy is never served half-made', {
    timeout: 900_000,
  }, async () => {
    const folder = tempFolder('tuijie-faults-film-');
    try {
      const unit = await loginOverHttp(
        server!.url,
        'changchun',
        printedPasswords(server!.output()).get('changchun')!,
      );
      const created = await api(server!.url, unit, 'POST', '/api/nominations', {
        campaignId,
        category: 'star',
      });
      const nominationId = (await created.json()).nomination.id;
      // A phone's film (30 fps, 640×360) fails the 1280×720 25 fps spec only on what conversion mends, so
      // the platform converts it by itself after the check; four minutes of it keep ffmpeg busy a while.
      const data = await readFile(
        film(path.join(folder.dir, 'phone.mp4'), {
          seconds: 250,
          fps: 30,
          size: '640x360',
          pattern: 'smptebars',
          audio: true,
        }),
      );
      const metadata = { nominationId, setKey: 'star', slotId: 'video', filename: '学习之星宣传片.mp4' };
      await startTusUpload(server!.url, unit, data, metadata).done;

      const copyRow = () =>
        database.db
          .selectFrom('materials')
          .select(['id', 'state', 'progress', 'sha256', 'storageKey', 'findings'])
          .where('nominationId', '=', nominationId)
          .where('convertedFrom', 'is not', null)
          .executeTakeFirst();
      const scratchOf = (pid: number) => platformTempDirs().filter((d) => d.includes(`-${pid}-`));
      const copy = await waitFor(
        'ffmpeg is converting the copy',
        async () => {
          const row = await copyRow();
          return row?.state === 'converting' && (row.progress ?? 0) > 0 && scratchOf(server!.pid).length > 0
            ? row
            : undefined;
        },
        180_000,
        20,
      );

      // While it is made, its content is refused in Chinese: no half-made film is served.
      const early = await api(server!.url, unit, 'GET', `/api/materials/${copy.id}/content`);
      expect(early.status).toBe(409);
      expect((await early.json()).message).toContain('正在转换');

      const killed = server!.pid;
      await server!.kill();
      expect((await copyRow())?.state).toBe('converting');
      expect(scratchOf(killed)).not.toEqual([]);

      server = await startKillableServer(database.url, varDir, port);
      expect(scratchOf(killed)).toEqual([]);
      // The queue takes the job up again (heartbeat lost, then a retry); ffmpeg starts over from the first
      // frame, which on two loaded cores takes minutes for this film.
      let last: Awaited<ReturnType<typeof copyRow>>;
      const done = await waitFor(
        'the copy is converted again and checked',
        async () => {
          last = await copyRow();
          // Converted (`pending`), then checked like any upload.
          return last && last.state !== 'converting' && last.state !== 'pending' ? last : undefined;
        },
        540_000,
        500,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; the copy: ${JSON.stringify(last)}`);
      });
      expect(done.state).toBe('passed');
      const content = await api(server!.url, unit, 'GET', `/api/materials/${copy.id}/content`);
      expect(content.status).toBe(200);
      const body = Buffer.from(await content.arrayBuffer());
      expect(sha256(body)).toBe(done.sha256);
      expect(filesUnder(path.join(varDir, 'files')).filter((f) => f.endsWith('.part'))).toEqual([]);
    } finally {
      folder.remove();
    }
  });
});
