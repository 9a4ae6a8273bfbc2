/**
 * Two instances behind nginx (issue #16 item 1): two real `tuijie serve` processes (role `all`) on ONE
 * database and ONE files folder, with the `tuijie nginx-config` nginx balancing across both. Proves that
 * nothing a user relies on lives in one process's memory or on one machine's disk:
 * - a session made through instance A works on B (read and write), and signing out through B ends it on A;
 * - the quota holds across instances: more concurrent submits than the unit has places, split between A
 *   and B, admit exactly the places left and refuse the rest with QUOTA_EXCEEDED;
 * - a tus upload started through A (first half) resumes through B (the rest), stored byte for byte; a
 *   PATCH stalled on A is cancelled when its client asks B where the upload stands (the upload lock is
 *   PostgreSQL's, not one process's), so the two never write the same upload;
 * - a package asked for through A and B at once is one package, built once (one job, one `package.built`),
 *   and downloads through B with the SHA-256 its row records;
 * - nginx sends requests to both (each process's own request counter, /metrics), and goes on answering
 *   through the other when one stops, without a failed request;
 * - a third instance on the same database with another (empty) files folder refuses to start (exit 1).
 * Heavy (three server starts, LibreOffice, nginx): every wait polls generously, nothing asserts a duration.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import { freePort } from '#server/platform/free-port.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import { photoOfAtLeast, tusMetadata } from '#test/support/materials.ts';
import { findNginx, type NginxProcess, startPrintedNginx } from '#test/support/nginx.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';
import { showcaseCopiesMade } from '#test/support/showcase-copies.ts';
import {
  api,
  type HttpSession,
  loginOverHttp,
  signInOverHttp,
} from '../modules/materials/killable-server.ts';
import { startTusUpload } from '../modules/materials/tus-client.ts';
import {
  draftStar,
  expectStoredAsSent,
  offsetThrough,
  openJilinRound,
  type Round,
  sha256,
  tusHeaders,
  until,
  videoBegunThrough,
} from './instances-support.ts';

const root = path.resolve(import.meta.dirname, '../../..');
if (!findNginx() && process.env.CI) throw new Error('未找到 nginx：CI 中须安装（apt-get install nginx）');

// Each process's /metrics (its own request counter) answers this token; set before the processes start.
const METRICS_TOKEN = `two-instances-${randomUUID()}`;

let database: TestDatabase;
let filesDir: string;
let nginxDir: string;
let a: ServerProcess;
let b: ServerProcess;
let bStopped = false;
let nginx: NginxProcess | undefined;
let front: string;
let unit: HttpSession;
let campaign: Round;
let unitId: string;

/** A whole file through tus in one PATCH (create, send), through `base`; returns the material's id. */
async function uploadWhole(base: string, metadata: Record<string, string>, data: Buffer): Promise<string> {
  const headers = { cookie: unit.cookie, 'x-csrf-token': unit.csrfToken, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: { ...headers, 'upload-length': String(data.length), 'upload-metadata': tusMetadata(metadata) },
  });
  if (created.status !== 201) throw new Error(`upload create failed: ${await created.text()}`);
  const patched = await fetch(`${base}${created.headers.get('location')}`, {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(data),
  });
  if (patched.status !== 204) throw new Error(`upload failed: ${await patched.text()}`);
  return patched.headers.get('material-id')!;
}

/** A stored material's bytes, by its key. */
const fromFolder = (key: string) => readFile(path.join(filesDir, key));

/** Real photos in every required slot of a nomination, uploaded through `base`. */
async function supplyPhotos(base: string, nominationId: string): Promise<void> {
  const listed = await api(base, unit, 'GET', `/api/nominations/${nominationId}/materials`);
  const slots = (await listed.json()).slots as {
    setKey: string;
    slot: { id: string; kind: string; required: boolean; count: { min: number }; minBytes?: number };
  }[];
  for (const { setKey, slot } of slots) {
    if (!slot.required) continue;
    if (slot.kind !== 'photo') throw new Error(`unexpected required slot ${slot.id} (${slot.kind})`);
    for (let i = 0; i < slot.count.min; i++) {
      await uploadWhole(
        base,
        { nominationId, setKey, slotId: slot.id, filename: `${slot.id}-${i + 1}.jpg` },
        await photoOfAtLeast(slot.minBytes ?? 0),
      );
    }
  }
}

/** How many regular (not special) star places the unit holds in the round now. */
async function regularPlaces(): Promise<number> {
  const row = await database.db
    .selectFrom('nominations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaignId', '=', campaign.id)
    .where('unitId', '=', unitId)
    .where('category', '=', 'star')
    .where('special', '=', false)
    .where('state', 'in', [...QUOTA_STATES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many requests to `route` a process has answered with 200, by its own counter. */
async function answered(server: ServerProcess, route: string): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`metrics: ${response.status} ${await response.text()}`);
  const text = await response.text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('tuijie_http_request_duration_seconds_count{') &&
        l.includes(`route="${route}"`) &&
        l.includes('method="GET"') &&
        l.includes('status="200"'),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

beforeAll(async () => {
  // The processes inherit the test's environment (server-process.ts); this file's worker is its own.
  process.env.METRICS_TOKEN = METRICS_TOKEN;
  database = await createTestDatabase();
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-two-files-'));
  // The first seeds the demo and marks the folder; the second starts on what the first made.
  a = await startServerProcess(database.url, { role: 'all', filesDir });
  b = await startServerProcess(database.url, { role: 'all', filesDir });
  unit = await loginOverHttp(a.url, 'changchun', a.passwords.get('changchun')!);
  campaign = await openJilinRound(a.url, unit);
  unitId = (
    await database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '长春市教育局')
      .executeTakeFirstOrThrow()
  ).id;
}, 400_000);

afterAll(async () => {
  await nginx?.stop();
  if (!bStopped) await b?.stop();
  await a?.stop();
  await database?.drop();
  delete process.env.METRICS_TOKEN;
  for (const dir of [filesDir, nginxDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two instances on one database and one files folder', () => {
  it('takes a session made through A on B, and ends it on A when it is signed out through B', async () => {
    const me = await api(b.url, unit, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    // The same session (and so the same CSRF token) as A made.
    expect(await me.json()).toMatchObject({ me: { id: unit.accountId }, csrfToken: unit.csrfToken });
    // A write with A's CSRF token, through B.
    const created = await api(b.url, unit, 'POST', '/api/nominations', {
      campaignId: campaign.id,
      category: 'star',
    });
    expect(created.status, await created.clone().text()).toBe(201);

    const second = await signInOverHttp(a.url, 'changchun', `${a.passwords.get('changchun')}Changed9`);
    expect((await api(b.url, second, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await api(b.url, second, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await api(a.url, second, 'GET', '/api/auth/me')).status).toBe(401);
    // The other session of the same account goes on.
    expect((await api(a.url, unit, 'GET', '/api/auth/me')).status).toBe(200);
  }, 60_000);

  it('shows on B’s public pages what changed through A', async () => {
    const winner = await database.db
      .selectFrom('nominations as n')
      .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
      .select('n.id')
      .where('c.status', '=', 'published')
      .where('n.title', '=', '周玉梅')
      .executeTakeFirstOrThrow();
    // The demo's films and photos get their web copies first: each copy made is a change of B's own.
    await showcaseCopiesMade(database);
    const page = () => fetch(`${b.url}/showcase/winner/${winner.id}`).then((r) => r.text());
    // B has rendered the page (and keeps it) before the change.
    expect(await page()).not.toContain('跨实例读书分享会');
    const recorded = await api(a.url, unit, 'POST', `/api/winners/${winner.id}/activities`, {
      kind: 'community',
      form: '跨实例读书分享会',
      occurredOn: '2025-10-20',
      place: '长春市朝阳区桂林街道社区学校',
      host: '长春市教育局',
      audience: 80,
      report: '与居民分享坚持学习的经历。',
    });
    expect(recorded.status, await recorded.clone().text()).toBe(201);
    await until(page, (html) => html.includes('跨实例读书分享会'), 60);
  }, 90_000);

  it('resumes through B a tus upload begun through A, stored byte for byte', async () => {
    const half = 12 * 1024 * 1024;
    const { nominationId, data, metadata, location } = await videoBegunThrough(a.url, unit, campaign, {
      nominee: 700,
      bytes: 2 * half,
      sent: half,
    });
    // B knows where A stopped: the upload's state is in the shared folder, not in A.
    expect(await offsetThrough(b.url, unit, location)).toBe(half);

    let resumedFrom = -1;
    const resumed = startTusUpload(b.url, unit, data, metadata, {
      uploadUrl: `${b.url}${location}`,
      onProgress: (sent) => {
        if (resumedFrom < 0) resumedFrom = sent;
      },
    });
    expect(await resumed.done).toBe(`${b.url}${location}`);
    expect(resumedFrom).toBeGreaterThanOrEqual(half);

    await expectStoredAsSent(database.db, nominationId, data, fromFolder);
  }, 180_000);

  it('lets go of a PATCH stalled on A when its client resumes through B, which then finishes it', async () => {
    const MiB = 1024 * 1024;
    const { nominationId, data, metadata, location } = await videoBegunThrough(a.url, unit, campaign, {
      nominee: 701,
      bytes: 8 * MiB,
      sent: MiB,
      filename: '学习之星风采片.mp4',
    });
    const stored = path.join(filesDir, 'uploads', path.basename(location));

    // A PATCH through A whose line goes quiet after one more MiB: A holds the upload for it.
    const stalled = http.request(`${a.url}${location}`, {
      method: 'PATCH',
      headers: {
        ...tusHeaders(unit),
        'upload-offset': String(MiB),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(data.length - MiB),
      },
    });
    const ended = new Promise<string>((resolve) => {
      stalled.on('response', (r) => {
        r.resume();
        resolve(`answered ${r.statusCode}`);
      });
      stalled.on('error', () => resolve('closed'));
      stalled.on('close', () => resolve('closed'));
    });
    stalled.write(data.subarray(MiB, 2 * MiB));
    await until(
      async () => (await stat(stored)).size,
      (size) => size === 2 * MiB,
      30,
    );

    // The client gives up on that request and asks B where the upload stands: B's HEAD waits until A
    // has cancelled its request, so it tells the offset A really stored, and A writes nothing more.
    expect(await offsetThrough(b.url, unit, location)).toBe(2 * MiB);
    const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 30_000));
    expect(await Promise.race([ended, stillOpen])).not.toBe('still open');

    const resumed = startTusUpload(b.url, unit, data, metadata, { uploadUrl: `${b.url}${location}` });
    expect(await resumed.done).toBe(`${b.url}${location}`);
    // The old request's last bytes, sent late, change nothing.
    if (!stalled.destroyed) stalled.end(data.subarray(2 * MiB));
    await ended;
    await expectStoredAsSent(database.db, nominationId, data, fromFolder);
  }, 180_000);

  it('builds a package asked for through A and B at once only once, and sends it through B', async () => {
    const [throughA, throughB] = await Promise.all(
      [a.url, b.url].map((base) => api(base, unit, 'POST', `/api/campaigns/${campaign.id}/packages`, {})),
    );
    expect(throughA!.status).toBe(202);
    expect(throughB!.status).toBe(202);
    const { id } = await throughA!.json();
    expect((await throughB!.json()).id).toBe(id);

    const built = await until(
      async () => (await api(b.url, unit, 'GET', `/api/packages/${id}`)).json(),
      (p: { state: string; error: string | null; sha256: string | null }) =>
        p.state === 'ready' || p.state === 'failed',
      300,
    );
    expect(built, built.error ?? '').toMatchObject({ state: 'ready' });

    const jobs = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM pgboss.job
       WHERE name = ${QUEUES.exportPackage} AND data->>'packageId' = ${id}`.execute(database.db);
    expect(Number(jobs.rows[0]!.n)).toBe(1);
    const audits = await database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', id)
      .where('action', 'in', ['package.requested', 'package.building', 'package.built'])
      .execute();
    expect(audits.map((r) => r.action).sort()).toEqual([
      'package.building',
      'package.built',
      'package.requested',
    ]);

    const stored = await database.db
      .selectFrom('exportPackages')
      .select(['sha256', 'bytes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const zip = await api(b.url, unit, 'GET', `/api/packages/${id}/download`);
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBe(Number(stored.bytes));
    expect(sha256(bytes)).toBe(stored.sha256);
    expect(built.sha256).toBe(stored.sha256);
  }, 360_000);

  it('admits exactly the places left to concurrent submits split between A and B', async () => {
    const quota = campaign.rules.quotas.byUnitType.city_edu?.star;
    expect(campaign.rules.quotas.unitOverrides[unitId]).toBeUndefined();
    const left = quota!.max - (await regularPlaces());
    expect(left).toBeGreaterThan(0);
    const count = left + 6;

    // Drafts and their photos made through both instances, as colleagues behind nginx would.
    const drafts: string[] = [];
    for (let i = 0; i < count; i++) {
      const base = i % 2 === 0 ? a.url : b.url;
      const id = await draftStar(base, unit, campaign, 100 + i);
      await supplyPhotos(base, id);
      drafts.push(id);
    }
    // Both instances' workers check the photos; every one must pass for the real submit rule.
    const checked = await until(
      () =>
        database.db
          .selectFrom('materials')
          .select(['state', 'findings'])
          .where('nominationId', 'in', drafts)
          .execute(),
      (rows) => rows.every((r) => r.state !== 'pending' && r.state !== 'converting'),
    );
    expect(checked.filter((r) => r.state !== 'passed')).toEqual([]);

    const results = await Promise.all(
      drafts.map(async (id, i) => {
        const response = await api(
          i % 2 === 0 ? a.url : b.url,
          unit,
          'POST',
          `/api/nominations/${id}/submit`,
        );
        return { status: response.status, body: await response.json() };
      }),
    );
    const admitted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(admitted).toHaveLength(left);
    expect(refused.map((r) => r.body.code)).toEqual(Array(count - left).fill('QUOTA_EXCEEDED'));
    expect(await regularPlaces()).toBe(quota!.max);
  }, 600_000);

  it('refuses a third instance on the same database with another, empty files folder', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'tuijie-two-other-'));
    const varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-two-var-'));
    const port = await freePort();
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ['src/cli/main.ts', 'serve'],
          {
            cwd: root,
            env: {
              ...process.env,
              DATABASE_URL: database.url,
              TUIJIE_VAR_DIR: varDir,
              TUIJIE_FILES_DIR: other,
              PORT: String(port),
              LOG_LEVEL: 'warn',
            },
            timeout: 120_000,
          },
          (error, _out, stderr) =>
            resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
        ),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`文件目录 ${other} 不是本平台数据库所用的文件目录`);
      expect(await readdir(other)).toEqual([]);
      // The two running instances are untouched.
      for (const server of [a, b]) expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
    } finally {
      await rm(other, { recursive: true, force: true });
      await rm(varDir, { recursive: true, force: true });
    }
  }, 150_000);

  it.skipIf(!findNginx())(
    'spreads requests through nginx over both, and answers through A once B stops',
    async () => {
      nginxDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-two-nginx-'));
      ({ nginx, front } = await startPrintedNginx(nginxDir, {
        upstreams: [new URL(a.url).host, new URL(b.url).host],
        siteDir: path.join(filesDir, 'public-site'),
        probePath: '/api/health/live',
      }));

      const route = '/api/health/live';
      const before = [await answered(a, route), await answered(b, route)];
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await fetch(`${front}${route}`)).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const served = [(await answered(a, route)) - before[0]!, (await answered(b, route)) - before[1]!];
      // Round robin: both took a share, and together every request (nginx retried none).
      expect(served[0]).toBeGreaterThan(0);
      expect(served[1]).toBeGreaterThan(0);
      expect(served[0]! + served[1]!).toBe(40);

      // A signed-in user's requests through nginx land on either instance and work on both.
      for (let i = 0; i < 6; i++) expect((await api(front, unit, 'GET', '/api/auth/me')).status).toBe(200);

      bStopped = true;
      await b.stop();
      const fromA = await answered(a, route);
      const after: number[] = [];
      for (let i = 0; i < 20; i++) after.push((await fetch(`${front}${route}`)).status);
      for (let i = 0; i < 4; i++) after.push((await api(front, unit, 'GET', '/api/auth/me')).status);
      expect(after.every((s) => s === 200)).toBe(true);
      expect((await answered(a, route)) - fromA).toBe(20);
    },
    120_000,
  );
});
