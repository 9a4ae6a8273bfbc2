/**
 * Bad input at /api/uploads: each refused with a Chinese message and a proper status before anything is
 * stored, and nothing changes in the database or in storage.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { as, loginAs, type Session } from '#test/support/app.ts';
import {
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  sessionOf,
} from '#test/support/factories/index.ts';
import { checkedMaterials, tusHeaders, tusMetadata, uploadThroughTus } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { createMaterialApp, type MaterialTestApp, secondUnitSession } from './material-app.ts';

let t: MaterialTestApp;
let unit: Session;
let otherUnit: Session;
let organiser: Session;
let nominationId: string;
let baseline: { files: string[]; rows: number; audit: number };

const MiB = 1024 * 1024;
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'like', 'material.%')
        .executeTakeFirstOrThrow()
    ).n,
  );
const snapshot = async () => ({
  files: await t.storedFiles(),
  rows: await t.materialCount(),
  audit: await auditCount(),
});

beforeAll(async () => {
  t = await createMaterialApp();
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  otherUnit = await secondUnitSession(t, organiser);
  const { campaign, rules } = await campaignOf(t, unit, '吉林省教育厅');
  nominationId = (await draftWith(t, unit, campaign.id, completeStar(rules, 1), 'star', { materials: false }))
    .id;
});
afterAll(() => t?.close());
beforeEach(async () => {
  baseline = await snapshot();
});

function create(
  session: Session | null,
  meta: Record<string, string>,
  length: number | null,
  extra: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: tusHeaders(session, {
      ...(length === null ? {} : { 'upload-length': String(length) }),
      'upload-metadata': tusMetadata(meta),
      ...extra,
    }),
  });
}
const meta = (patch: Record<string, string> = {}) => ({
  nominationId,
  setKey: 'star',
  slotId: 'idPhoto',
  filename: '证件照.jpg',
  ...patch,
});

async function expectRefused(
  response: { statusCode: number; body: string },
  status: number,
  code: string,
  message: string | RegExp,
) {
  expect(response.statusCode, response.body).toBe(status);
  const body = JSON.parse(response.body);
  expect(body.code).toBe(code);
  expect(body.message).toMatch(message);
  expect(await snapshot()).toEqual(baseline);
}

describe('uploads refused before a byte is stored', () => {
  it('a zero-byte file', async () => {
    await expectRefused(await create(unit, meta(), 0), 400, 'VALIDATION_FAILED', /为空（0 字节）/);
  });

  it('2 GB declared where the video cap is 500 MB', async () => {
    const response = await create(unit, meta({ slotId: 'video', filename: '片子.mp4' }), 2000 * 1000 * 1000);
    await expectRefused(
      response,
      413,
      'PAYLOAD_TOO_LARGE',
      /大小为 1907 MB，超过「视频资料」单个文件上限 500 MB/,
    );
  });

  it('beyond the absolute cap of any upload', async () => {
    const response = await create(unit, meta({ slotId: 'video', filename: '片子.mp4' }), 3 * 1024 * MiB);
    await expectRefused(response, 413, 'PAYLOAD_TOO_LARGE', /超过平台允许的最大大小/);
  });

  it('an upload without a declared length', async () => {
    await expectRefused(
      await create(unit, meta(), null, { 'upload-defer-length': '1' }),
      400,
      'VALIDATION_FAILED',
      /没有给出文件大小/,
    );
  });

  it.each([
    ['../../etc/passwd', /路径分隔符/],
    ['a\\b.jpg', /路径分隔符/],
    ['..jpg', /“\.\.”/],
    ['', /文件名为空/],
    ['NUL.txt', /“NUL\.txt”是 Windows 的保留名称/],
    ['con.jpg', /“con\.jpg”是 Windows 的保留名称/],
    ['\u202E\u200B . .', /文件名为空/],
  ])('path characters or a reserved name in the file name: %j', async (filename, message) => {
    await expectRefused(await create(unit, meta({ filename }), MiB), 400, 'VALIDATION_FAILED', message);
  });

  it('an unknown slot, or a set this nomination does not have', async () => {
    await expectRefused(
      await create(unit, meta({ slotId: 'nope' }), MiB),
      400,
      'VALIDATION_FAILED',
      /没有「nope」这一项材料/,
    );
    await expectRefused(
      await create(unit, meta({ setKey: 'specialStar', slotId: 'photos' }), MiB),
      400,
      'VALIDATION_FAILED',
      /没有/,
    );
    await expectRefused(
      await create(unit, meta({ setKey: '__proto__' }), MiB),
      400,
      'VALIDATION_FAILED',
      /没有/,
    );
  });

  it('metadata without a nomination', async () => {
    await expectRefused(
      await create(unit, { setKey: 'star', slotId: 'idPhoto', filename: 'a.jpg' }, MiB),
      400,
      'VALIDATION_FAILED',
      /推介编号/,
    );
  });

  it('another unit’s nomination, and an organiser (who does not upload, and to whom a draft does not exist)', async () => {
    await expectRefused(await create(otherUnit, meta(), MiB), 404, 'NOT_FOUND', /推介不存在或您无权查看/);
    await expectRefused(await create(organiser, meta(), MiB), 404, 'NOT_FOUND', /推介不存在或您无权查看/);
  });

  it('a missing CSRF token or no session at all', async () => {
    const noToken = {
      cookie: unit.cookie,
      'tus-resumable': '1.0.0',
      'upload-length': String(MiB),
      'upload-metadata': tusMetadata(meta()),
    };
    await expectRefused(
      await t.app.inject({ method: 'POST', url: '/api/uploads', headers: noToken }),
      403,
      'CSRF_FAILED',
      /安全令牌/,
    );
    await expectRefused(await create(null, meta(), MiB), 401, 'UNAUTHENTICATED', /登录/);
  });
});

describe('once the slot or the nomination changes', () => {
  it('refuses a full slot, naming the count', async () => {
    const first = await uploadThroughTus(t, unit, { ...meta(), data: Buffer.from('first photo') });
    expect(first.materialId).toBeDefined();
    // The check job audits its verdict on its own time: wait for it, or its row lands inside the refusal.
    await checkedMaterials(t, nominationId);
    baseline = await snapshot();
    await expectRefused(await create(unit, meta(), MiB), 409, 'SLOT_FULL', /最多 1 个文件，已经上传了 1 个/);
  });

  it('refuses HEAD and PATCH on another unit’s upload, and its deletion', async () => {
    const created = await create(unit, meta({ slotId: 'activityPhoto' }), 10);
    expect(created.statusCode, created.body).toBe(201);
    const url = String(created.headers.location);
    expect(url).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    baseline = await snapshot();
    const head = await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(otherUnit) });
    expect(head.statusCode).toBe(403);
    expect(head.headers['upload-offset']).toBeUndefined();
    const patch = await t.app.inject({
      method: 'PATCH',
      url,
      headers: tusHeaders(otherUnit, {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      }),
      payload: Buffer.from('0123456789'),
    });
    await expectRefused(patch, 403, 'FORBIDDEN', /不是本单位的上传/);
    const removal = await t.app.inject({ method: 'DELETE', url, headers: tusHeaders(otherUnit) });
    await expectRefused(removal, 403, 'FORBIDDEN', /不是本单位的上传/);
    // The owner still can.
    const own = await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(unit) });
    expect(own.headers['upload-offset']).toBe('0');
  });

  it('refuses ids the server did not make', async () => {
    for (const url of [
      '/api/uploads/..%2F..%2Fetc',
      '/api/uploads/0123',
      '/api/uploads/ABCDEF0123456789ABCDEF0123456789',
    ]) {
      expect((await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(unit) })).statusCode).toBe(404);
      const patch = await t.app.inject({
        method: 'PATCH',
        url,
        headers: tusHeaders(unit, {
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        }),
        payload: Buffer.from('x'),
      });
      await expectRefused(patch, 404, 'NOT_FOUND', /找不到这个上传/);
    }
  });

  it('refuses to create or continue an upload once the nomination is submitted', async () => {
    // A complete draft of a unit of its own, with an upload begun before its unit submits it.
    const organiserOfRound = await newOrganiser(t);
    const owner = await newUnit(t, organiserOfRound);
    const draft = await newNomination(t, {
      campaign: await newCampaign(t, organiserOfRound),
      unit: owner,
      materials: true,
    });
    const submitter = await sessionOf(t, owner.submitter);
    const video = (filename: string) => ({ ...meta({ slotId: 'video', filename }), nominationId: draft.id });
    const created = await create(submitter, video('活动.mp4'), 10);
    expect(created.statusCode, created.body).toBe(201);
    const url = String(created.headers.location);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/submit`,
      headers: as(submitter),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    baseline = await snapshot();
    await expectRefused(
      await create(submitter, video('a.mp4'), MiB),
      409,
      'NOMINATION_NOT_EDITABLE',
      /推介已提交，材料已冻结/,
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url,
      headers: tusHeaders(submitter, {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      }),
      payload: Buffer.from('0123456789'),
    });
    await expectRefused(patch, 409, 'NOMINATION_NOT_EDITABLE', /推介已提交/);
  }, 60_000);

  it('a material is deleted through the materials API, not by terminating its upload', async () => {
    const material = await t.database.db
      .selectFrom('materials')
      .select(['id', 'uploadId'])
      .where('nominationId', '=', nominationId)
      .executeTakeFirstOrThrow();
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/uploads/${material.uploadId}`,
      headers: tusHeaders(unit),
    });
    await expectRefused(removal, 409, 'UPLOAD_ALREADY_MATERIAL', /请在材料列表中删除/);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/materials/${material.id}`, headers: as(otherUnit) }))
        .statusCode,
    ).toBe(404);
    expect(await snapshot()).toEqual(baseline);
  });

  it('stores the name without bidi controls, zero-width spaces or trailing dots', async () => {
    const result = await uploadThroughTus(t, unit, {
      ...meta({ slotId: 'video', filename: '\u200B学习视频\u202E4pm.exe.mp4 . ' }),
      data: Buffer.from('not really a film'),
    });
    expect(result.materialId, result.created.body).toBeDefined();
    const row = await t.database.db
      .selectFrom('materials')
      .select('fileName')
      .where('id', '=', result.materialId!)
      .executeTakeFirstOrThrow();
    expect(row.fileName).toBe('学习视频4pm.exe.mp4');
  });
});
