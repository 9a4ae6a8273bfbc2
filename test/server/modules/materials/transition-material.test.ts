/**
 * The one writer of a material's state, against real PostgreSQL: creation in the origin's state with the
 * job it waits for, each move guarded by core's table, the write, its audit row and its follow-up jobs in
 * the caller's transaction, a refused move changing nothing. No workers run here: the test alone moves files.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { error } from '#core/findings.ts';
import type { Probed } from '#core/materials/probed.ts';
import { createMaterial, transitionMaterial } from '#server/modules/materials/transition-material.ts';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
let jobs: Jobs;
let nominationId: string;
const at = new Date('2027-03-01T09:30:00+08:00');
const photo: Probed = {
  kind: 'image',
  format: 'jpeg',
  bytes: 6_000_000,
  width: 1200,
  height: 1600,
  density: { x: 300, y: 300, unit: 'dpi', source: 'jfif' },
} as unknown as Probed;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { now: new Date() });
  jobs = await startJobs(database.url);
  // The demo's draft star (陈明): still editable, so no verdict is frozen out.
  nominationId = (
    await database.db
      .selectFrom('nominations')
      .select('id')
      .where('state', '=', 'draft')
      .where('category', '=', 'star')
      .executeTakeFirstOrThrow()
  ).id;
}, 60_000);

afterAll(async () => {
  await jobs.stop();
  await database.drop();
});

const row = (id: string) =>
  database.db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audit = (id: string) =>
  database.db
    .selectFrom('auditLog')
    .select(['action', 'actorId', 'before', 'after'])
    .where('entityId', '=', id)
    .orderBy('id')
    .execute();
const jobsFor = async (id: string) =>
  (
    await sql<{
      name: string;
    }>`SELECT name FROM pgboss.job WHERE data->>'materialId' = ${id} ORDER BY created_on`.execute(database.db)
  ).rows.map((r) => r.name);

function uploaded(fileName = '证件照.jpg') {
  return database.db.transaction().execute((trx) =>
    createMaterial(trx, jobs, {
      origin: 'uploaded',
      values: {
        nominationId,
        setKey: 'star',
        slotId: 'idPhoto',
        storageKey: `test/${fileName}`,
        fileName,
        bytes: 10,
        sha256: 'ab'.repeat(32),
        uploadedBy: null,
      },
    }),
  );
}

describe('createMaterial', () => {
  it('starts an upload pending, with its check job in the same transaction', async () => {
    const id = await uploaded();
    expect(await row(id)).toMatchObject({ state: 'pending', findings: [], probed: null });
    expect(await jobsFor(id)).toEqual([QUEUES.materialCheck]);
  });

  it('starts a forwarded file without a place at its verdict, with no job to wait for', async () => {
    const finding = error('FORWARD_NO_SLOT', 'slot', '上级活动没有此材料项。');
    const id = await database.db.transaction().execute((trx) =>
      createMaterial(trx, jobs, {
        origin: 'forwarded',
        values: {
          nominationId,
          setKey: 'star',
          slotId: 'idPhoto',
          storageKey: 'test/f.jpg',
          fileName: 'f.jpg',
          bytes: 1,
          sha256: 'cd'.repeat(32),
          uploadedBy: null,
        },
        verdict: { findings: [finding], probed: photo },
      }),
    );
    expect(await row(id)).toMatchObject({ state: 'failed', findings: [finding], probed: photo });
    expect(await jobsFor(id)).toEqual([]);
  });
});

describe('transitionMaterial', () => {
  it('writes the verdict, audits it as the platform and asks for the preview, at the time given', async () => {
    const id = await uploaded();
    const result = await database.db
      .transaction()
      .execute((trx) =>
        transitionMaterial(trx, jobs, id, { to: 'passed', verdict: { findings: [], probed: photo } }, at),
      );
    expect(result).toEqual({ moved: true });
    expect(await row(id)).toMatchObject({ state: 'passed', probed: photo, updatedAt: at });
    expect(await audit(id)).toEqual([
      {
        action: 'material.transitioned',
        actorId: null,
        before: { materialState: 'pending' },
        after: { materialState: 'passed', label: '检查通过', nominationId, fileName: '证件照.jpg' },
      },
    ]);
    expect(await jobsFor(id)).toEqual([QUEUES.materialCheck, QUEUES.materialPreview]);
  });

  it('refuses what the table refuses and changes nothing: no row change, no audit row, no job', async () => {
    const id = await uploaded('回到检查中.jpg');
    await database.db
      .transaction()
      .execute((trx) => transitionMaterial(trx, jobs, id, { to: 'failed', verdict: { findings: [] } }, at));
    const before = await row(id);
    const auditBefore = await audit(id);
    const jobsBefore = await jobsFor(id);
    const result = await database.db
      .transaction()
      .execute((trx) =>
        transitionMaterial(trx, jobs, id, { to: 'pending', stored: { bytes: 1, sha256: 'x' } }, at),
      );
    expect(result).toEqual({
      moved: false,
      reason: '文件“回到检查中.jpg”已有检查结果（未通过），不能改回检查中；如要重新检查，请删除后重新上传。',
    });
    expect(await row(id)).toEqual(before);
    expect(await audit(id)).toEqual(auditBefore);
    expect(await jobsFor(id)).toEqual(jobsBefore);
  });

  it('says so for a file that is gone, instead of throwing (a job that runs after a delete)', async () => {
    const result = await database.db
      .transaction()
      .execute((trx) =>
        transitionMaterial(
          trx,
          jobs,
          '00000000-0000-4000-8000-000000000000',
          { to: 'passed', verdict: { findings: [] } },
          at,
        ),
      );
    expect(result).toEqual({ moved: false, reason: '找不到该文件，可能已被删除。' });
  });

  it('leaves nothing behind when the caller’s transaction rolls back: state, audit and job together', async () => {
    const id = await uploaded('回滚.jpg');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await transitionMaterial(
          trx,
          jobs,
          id,
          { to: 'passed', verdict: { findings: [], probed: photo } },
          at,
        );
        throw new Error('the caller fails after the move');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await row(id)).toMatchObject({ state: 'pending', probed: null });
    expect(await audit(id)).toEqual([]);
    expect(await jobsFor(id)).toEqual([QUEUES.materialCheck]);
  });

  it('sends a finished conversion to the check, with its stored size and hash', async () => {
    const original = await uploaded('原视频.mov');
    const copy = await database.db.transaction().execute((trx) =>
      createMaterial(trx, jobs, {
        origin: 'converted',
        values: {
          nominationId,
          setKey: 'star',
          slotId: 'idPhoto',
          storageKey: 'converted/x.mp4',
          fileName: '原视频（转换）.mp4',
          bytes: 0,
          sha256: '',
          convertedFrom: original,
          chosen: false,
          uploadedBy: null,
        },
      }),
    );
    expect(await row(copy)).toMatchObject({ state: 'converting', progress: 0, chosen: false });
    expect(await jobsFor(copy)).toEqual([QUEUES.materialConvert]);
    const passedEarly = await database.db
      .transaction()
      .execute((trx) => transitionMaterial(trx, jobs, copy, { to: 'passed', verdict: { findings: [] } }, at));
    expect(passedEarly).toMatchObject({ moved: false, reason: expect.stringContaining('正在转换') });
    const stored = { bytes: 2048, sha256: 'ef'.repeat(32) };
    await database.db
      .transaction()
      .execute((trx) => transitionMaterial(trx, jobs, copy, { to: 'pending', stored }, at));
    expect(await row(copy)).toMatchObject({ state: 'pending', progress: 100, sha256: stored.sha256 });
    expect(await jobsFor(copy)).toEqual([QUEUES.materialConvert, QUEUES.materialCheck]);
  });
});
