/**
 * The one writer of a package's state, against real PostgreSQL: creation with its job and audit, each
 * move guarded by core's table, the write and its audit row in one transaction, a refused move changing
 * nothing. No workers run here: the test alone moves the package.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackage, transitionPackage } from '#server/modules/documents/transition-package.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
let jobs: Jobs;
let actor: Actor;
let campaignId: string;
const at = new Date('2027-03-01T09:30:00+08:00');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { nominations: false, now: new Date() });
  jobs = await startJobs(database.url);
  const account = await database.db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select(['a.id', 'a.displayName', 'o.id as organisationId', 'o.path'])
    .where('a.username', '=', 'changchun')
    .executeTakeFirstOrThrow();
  actor = {
    accountId: account.id,
    username: 'changchun',
    displayName: account.displayName,
    organisationId: account.organisationId,
    organisationPath: account.path,
    roles: ['unit_submitter'],
    sessionId: '',
    mustChangePassword: false,
    ip: '',
  };
  campaignId = (
    await database.db
      .selectFrom('campaigns')
      .select('id')
      .where('level', '=', 'provincial')
      .executeTakeFirstOrThrow()
  ).id;
}, 60_000);

afterAll(async () => {
  await jobs.stop();
  await database.drop();
});

const row = (id: string) =>
  database.db.selectFrom('exportPackages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audit = (id: string) =>
  database.db
    .selectFrom('auditLog')
    .select(['action', 'before', 'after'])
    .where('entityId', '=', id)
    .orderBy('id')
    .execute();

async function requested(): Promise<string> {
  return database.db
    .transaction()
    .execute((trx) => createPackage(trx, jobs, actor, { campaignId, unitId: actor.organisationId }));
}

describe('transitionPackage', () => {
  it('creates the package queued, with its build job and its audit row', async () => {
    const id = await requested();
    expect(await row(id)).toMatchObject({ state: 'queued', requestedBy: actor.accountId });
    expect((await audit(id)).map((a) => a.action)).toEqual(['package.requested']);
    const job = await sql<{
      name: string;
    }>`SELECT name FROM pgboss.job WHERE data->>'packageId' = ${id}`.execute(database.db);
    expect(job.rows).toEqual([{ name: QUEUES.exportPackage }]);
  });

  it('writes ready with its facts and the audit row of what it holds, at the time given', async () => {
    const id = await requested();
    expect(await transitionPackage(database.db, id, { to: 'building' }, at)).toEqual({ moved: true });
    const built = {
      storageKey: `packages/${id}.zip`,
      files: 7,
      missing: 1,
      bytes: 4096,
      sha256: 'ab'.repeat(32),
    };
    expect(await transitionPackage(database.db, id, { to: 'ready', built }, at)).toEqual({ moved: true });
    expect(await row(id)).toMatchObject({
      state: 'ready',
      done: 7,
      total: 7,
      storageKey: built.storageKey,
      sha256: built.sha256,
      finishedAt: at,
    });
    const entries = await audit(id);
    expect(entries.map((a) => a.action)).toEqual(['package.requested', 'package.building', 'package.built']);
    expect(entries[2]).toMatchObject({
      before: { packageState: 'building' },
      after: { packageState: 'ready', label: '提交包生成完成', files: 7, missing: 1, sha256: built.sha256 },
    });
  });

  it('refuses what the table refuses and changes nothing: no row change, no audit row', async () => {
    const id = await requested();
    const ready = await transitionPackage(
      database.db,
      id,
      { to: 'ready', built: { storageKey: 'x', files: 1, missing: 0, bytes: 1, sha256: 'x' } },
      at,
    );
    expect(ready).toEqual({ moved: false, reason: '提交包还在排队，尚未开始生成，不能改为“已生成”。' });
    await transitionPackage(database.db, id, { to: 'building' }, at);
    await transitionPackage(database.db, id, { to: 'failed', error: '生成提交包时出错。' }, at);
    const before = await row(id);
    const again = await transitionPackage(database.db, id, { to: 'building' }, at);
    expect(again).toEqual({ moved: false, reason: '提交包生成失败后不再继续，请重新生成一个提交包。' });
    expect(await row(id)).toEqual(before);
    expect((await audit(id)).map((a) => a.action)).toEqual([
      'package.requested',
      'package.building',
      'package.failed',
    ]);
  });

  it('writes nothing when its audit row cannot be written: state and audit stand or fall together', async () => {
    const id = await requested();
    await transitionPackage(database.db, id, { to: 'building' }, at);
    // The audit log refuses this one row for a moment, as a full disk or a broken constraint would.
    await refuseAuditOf('package.built', true);
    const built = { storageKey: 'k', files: 2, missing: 0, bytes: 9, sha256: 'cd'.repeat(32) };
    await expect(transitionPackage(database.db, id, { to: 'ready', built }, at)).rejects.toThrow();
    await refuseAuditOf('package.built', false);
    expect(await row(id)).toMatchObject({ state: 'building', storageKey: null, finishedAt: null });
  });
});

async function refuseAuditOf(action: string, on: boolean) {
  await (on
    ? sql`ALTER TABLE audit_log ADD CONSTRAINT audit_refuses CHECK (action <> ${sql.lit(action)}) NOT VALID`
    : sql`ALTER TABLE audit_log DROP CONSTRAINT audit_refuses`
  ).execute(database.db);
}
