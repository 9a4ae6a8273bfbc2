/**
 * A package whose every build try ended with its process (killed mid-build, out of memory): pg-boss gives
 * the job up and hands it to the give-up queue, whose worker fails the package with the reason, instead of
 * leaving it at 生成中 for good. The dying process is a pg-boss client here that claims the job, moves the
 * package to building as the real worker does first, and fails the job, as the queue's supervisor fails a
 * job whose worker fell silent. The app runs as a web process (no workers) until the worker process starts.
 */
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocumentWorkers } from '#server/modules/documents/package-worker.ts';
import { transitionPackage } from '#server/modules/documents/transition-package.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf } from '#test/support/nominations.ts';

let t: TestApp;
let unit: Session;
let dying: PgBoss;

beforeAll(async () => {
  t = await createTestApp({ role: 'web' });
  unit = await loginAs(t, 'changchun');
  dying = new PgBoss({
    connectionString: t.database.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  await dying.start();
}, 120_000);
afterAll(async () => {
  await dying?.stop({ graceful: false });
  await t?.close();
});

const packageOf = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/packages/${id}`, headers: as(unit) })).json();

/** Claims the package's job and dies with it: the package is at 生成中, the job failed. */
async function dieWhileBuilding(packageId: string): Promise<void> {
  for (const until = Date.now() + 30_000; ; ) {
    const [job] = await dying.fetch(QUEUES.exportPackage);
    if (job) {
      await transitionPackage(t.database.db, packageId, { to: 'building' }, new Date());
      await dying.fail(QUEUES.exportPackage, job.id, { message: 'worker process killed' });
      return;
    }
    // A retry waits its delay (5 s) before it can be claimed again.
    if (Date.now() > until) throw new Error('the package job never came back for another try');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a package build given up by the queue', () => {
  it('fails with a reason the unit can act on, instead of staying at 生成中', async () => {
    const { campaign } = await campaignOf(t, unit, '吉林省教育厅');
    const requested = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/packages`,
      headers: as(unit),
      payload: {},
    });
    expect(requested.statusCode, requested.body).toBe(202);
    const { id } = requested.json();
    // The first try and both retries (retryLimit 2) each end with their process.
    for (let attempt = 0; attempt < 3; attempt++) await dieWhileBuilding(id);
    expect(await packageOf(id)).toMatchObject({ state: 'building' });

    await registerDocumentWorkers(t.context);
    let p = await packageOf(id);
    for (const until = Date.now() + 30_000; p.state === 'building' && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 200));
      p = await packageOf(id);
    }
    expect(p).toMatchObject({
      state: 'failed',
      downloadUrl: null,
      error:
        '生成提交包时平台多次中断，未能完成（可能是文件过多过大或平台内存不足）。请重新生成；如仍失败，请联系平台管理员。',
    });
    const audited = await t.database.db
      .selectFrom('auditLog')
      .select(['actorId', 'after'])
      .where('entityId', '=', id)
      .where('action', '=', 'package.failed')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorId).toBeNull();
  }, 120_000);
});
