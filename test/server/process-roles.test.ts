/**
 * `tuijie serve --role` (issue #16 item 2): a web process and a worker process on one database and one
 * files folder. A package requested through the web process waits while no worker runs, and is built by
 * the worker process once it starts; the worker answers health but not the web app or the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';
import { api, type HttpSession, loginOverHttp } from './modules/materials/killable-server.ts';

let database: TestDatabase;
let filesDir: string;
let web: ServerProcess;
let worker: ServerProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-roles-'));
  web = await startServerProcess(database.url, { role: 'web', filesDir });
}, 150_000);

afterAll(async () => {
  await worker?.stop();
  await web?.stop();
  await database?.drop();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

async function packageState(unit: HttpSession, id: string): Promise<{ state: string; error: string | null }> {
  return (await api(web.url, unit, 'GET', `/api/packages/${id}`)).json();
}

describe('process roles', () => {
  it('refuses an unknown role with a clear message', async () => {
    const { execFile } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(process.execPath, ['src/cli/main.ts', 'serve', '--role', 'cook'], (error, _out, stderr) =>
        resolve({ code: error ? (error as { code: number }).code : 0, stderr }),
      ),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('进程角色「cook」无效');
  });

  it('queues a package through the web process; only the worker process builds it', async () => {
    const unit = await loginOverHttp(web.url, 'changchun', web.passwords.get('changchun')!);
    const campaigns = (await (await api(web.url, unit, 'GET', '/api/campaigns')).json()).items;
    const campaign = campaigns.find(
      (c: { organiserName: string; status: string }) =>
        c.organiserName === '吉林省教育厅' && c.status === 'open',
    );
    const requested = await api(web.url, unit, 'POST', `/api/campaigns/${campaign.id}/packages`, {});
    expect(requested.status).toBe(202);
    const { id } = await requested.json();
    // The web process works no jobs: the package waits.
    await new Promise((r) => setTimeout(r, 4000));
    expect(await packageState(unit, id)).toMatchObject({ state: 'queued' });

    worker = await startServerProcess(database.url, { role: 'worker', filesDir });
    expect(worker.output()).toContain('后台任务进程');
    const until = Date.now() + 120_000;
    let p = await packageState(unit, id);
    while (p.state !== 'ready' && p.state !== 'failed' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 300));
      p = await packageState(unit, id);
    }
    expect(p, p.error ?? '').toMatchObject({ state: 'ready' });
    // Built by the worker into the shared files, downloaded through the web process.
    const zip = await api(web.url, unit, 'GET', `/api/packages/${id}/download`);
    expect(zip.status).toBe(200);
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 200_000);

  it('serves health from the worker process, but neither the API nor the web app', async () => {
    expect((await fetch(`${worker!.url}/api/health/ready`)).status).toBe(200);
    expect((await fetch(`${worker!.url}/api/health/live`)).status).toBe(200);
    expect((await fetch(`${worker!.url}/api/campaigns`)).status).toBe(404);
    expect((await fetch(`${worker!.url}/api/auth/login`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${worker!.url}/`)).status).toBe(404);
    expect((await fetch(`${web.url}/api/health/ready`)).status).toBe(200);
  });
});
