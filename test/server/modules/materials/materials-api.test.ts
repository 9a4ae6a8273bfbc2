/**
 * The material API around uploads: the list with statuses and actions, content with range requests,
 * delete, choose between an original and its converted copy, waivers by the organiser only (audited),
 * and the submit rule: refused while a required slot is missing, pending or failed; allowed after a pass
 * or a waiver, with the chosen files frozen into the snapshot.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asClause } from '#core/findings.ts';
import { createMaterial } from '#server/modules/materials/transition-material.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { as, loginAs, type Session } from '#test/support/app.ts';
import {
  loginAs as loginAccount,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  sessionOf,
} from '#test/support/factories/index.ts';
import { checkedMaterials, photoOfAtLeast, uploadThroughTus } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { addMaterial, settled } from './job-support.ts';
import { createMaterialApp, type MaterialTestApp, secondUnitSession } from './material-app.ts';

let t: MaterialTestApp;
let unit: Session;
let otherUnit: Session;
let organiser: Session;
let campaignId: string;
let rules: Parameters<typeof completeStar>[0];

beforeAll(async () => {
  t = await createMaterialApp();
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  otherUnit = await secondUnitSession(t, organiser);
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, unit, '吉林省教育厅'));
});
afterAll(() => t?.close());

const call = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers = {}) =>
  t.app.inject({ method, url, headers: { ...as(s), ...headers }, payload });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/**
 * A draft the organiser is asked to look at: a draft is otherwise the unit's own, and waiving a file
 * that cannot pass before submitting is what the unit asks the organiser for.
 */
const newStar = async (n: number) => {
  const { id } = await draftWith(t, unit, campaignId, completeStar(rules, n), 'star', { materials: false });
  const asked = await call(unit, 'POST', `/api/nominations/${id}/review-request`, { requested: true });
  if (asked.statusCode !== 200) throw new Error(asked.body);
  return id as string;
};
async function upload(nominationId: string, slotId: string, data: Buffer, filename = `${slotId}.jpg`) {
  const result = await uploadThroughTus(t, unit, { nominationId, setKey: 'star', slotId, filename, data });
  if (!result.materialId) throw new Error(result.patched?.body ?? result.created.body);
  return result.materialId;
}
const materials = (s: Session, id: string) => call(s, 'GET', `/api/nominations/${id}/materials`);

describe('the material list', () => {
  it('shows each slot’s status and files with the caller’s actions, and nothing to another unit', async () => {
    const id = await newStar(1);
    const empty = (await materials(unit, id)).json();
    expect(empty.slots.map((s: { slot: { id: string }; status: string }) => [s.slot.id, s.status])).toEqual([
      ['idPhoto', 'missing'],
      ['activityPhoto', 'missing'],
      ['video', 'missing'],
    ]);
    expect(empty.actions).toEqual(['upload']);
    expect(empty.slots[0].actions).toEqual(['upload']);
    expect(empty.findings.map((f: { code: string }) => f.code)).toEqual([
      'MATERIAL_MISSING',
      'MATERIAL_MISSING',
    ]);

    const photo = await photoOfAtLeast(0);
    const materialId = await upload(id, 'idPhoto', photo, '张三 证件照.jpg');
    // Pending until the check job has judged it, then passed (a real 300 dpi JPEG).
    expect(['pending', 'passed']).toContain((await materials(unit, id)).json().slots[0].status);
    await checkedMaterials(t, id);
    const listed = (await materials(unit, id)).json();
    expect(listed.slots[0]).toMatchObject({ status: 'passed', actions: [] });
    expect(listed.slots[0].files[0].probed).toMatchObject({ kind: 'image', format: 'jpeg' });
    expect(listed.slots[0].files).toEqual([
      expect.objectContaining({
        id: materialId,
        fileName: '张三 证件照.jpg',
        bytes: photo.length,
        sha256: sha256(photo),
        state: 'passed',
        status: 'passed',
        chosen: true,
        convertedFrom: null,
        progress: null,
        contentUrl: `/api/materials/${materialId}/content`,
        actions: ['delete'],
      }),
    ]);
    expect((await materials(otherUnit, id)).statusCode).toBe(404);
    expect((await call(otherUnit, 'GET', `/api/materials/${materialId}/content`)).statusCode).toBe(404);
    // The organiser sees every file of the campaign, and may waive but not delete.
    const seen = (await materials(organiser, id)).json();
    expect(seen.actions).toEqual([]);
    expect(seen.slots[0].files[0].actions).toEqual([]);
    // The preview job (another module) makes a thumbnail; the list then links to it.
    await expect
      .poll(async () => (await materials(organiser, id)).json().slots[0].files[0].previewUrl)
      .toBe(`/api/materials/${materialId}/preview`);
  });
});

describe('content', () => {
  let id: string;
  let data: Buffer;
  beforeAll(async () => {
    data = randomBytes(100_000);
    id = await upload(await newStar(2), 'idPhoto', data, '学习之星·证件照.jpg');
  });

  it('streams the whole original with its type and Chinese name', async () => {
    const whole = await call(unit, 'GET', `/api/materials/${id}/content`);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(data)).toBe(true);
    expect(whole.headers).toMatchObject({
      'accept-ranges': 'bytes',
      'content-type': 'image/jpeg',
      'content-length': '100000',
      'content-disposition': `inline; filename="material.jpg"; filename*=UTF-8''${encodeURIComponent('学习之星·证件照.jpg')}`,
    });
  });

  it('answers ranges with 206 and Content-Range', async () => {
    const part = await call(unit, 'GET', `/api/materials/${id}/content`, undefined, {
      range: 'bytes=1000-1999',
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1000-1999/100000');
    expect(part.headers['content-length']).toBe('1000');
    expect(part.rawPayload.equals(data.subarray(1000, 2000))).toBe(true);
    const tail = await call(organiser, 'GET', `/api/materials/${id}/content`, undefined, {
      range: 'bytes=-10',
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(data.subarray(99_990))).toBe(true);
    const open = await call(unit, 'GET', `/api/materials/${id}/content`, undefined, {
      range: 'bytes=99999-',
    });
    expect(open.headers['content-range']).toBe('bytes 99999-99999/100000');
  });

  it('refuses unsatisfiable ranges with 416', async () => {
    for (const range of ['bytes=100000-', 'bytes=5-2', 'bytes=x-y']) {
      const refused = await call(unit, 'GET', `/api/materials/${id}/content`, undefined, { range });
      expect(refused.statusCode, range).toBe(416);
      expect(refused.headers['content-range']).toBe('bytes */100000');
    }
  });
});

describe('delete and choose', () => {
  it('deletes a file and its stored bytes, audited; only while editable', async () => {
    // A nomination submitted with its files, by a unit and to an organiser of its own.
    const owner = await newOrganiser(t);
    const ownUnit = await newUnit(t, owner);
    const submitted = await newNomination(t, {
      campaign: await newCampaign(t, owner),
      unit: ownUnit,
      state: 'submitted',
    });
    const submitter = await sessionOf(t, ownUnit.submitter);
    const { id, storageKey: key } = await t.database.db
      .selectFrom('materials')
      .select(['id', 'storageKey'])
      .where('nominationId', '=', submitted.id)
      .where('slotId', '=', 'idPhoto')
      .executeTakeFirstOrThrow();
    expect(await t.storedFiles()).toContain(key);
    const checker = await loginAccount(t.app, owner.admin);
    expect((await call(checker, 'DELETE', `/api/materials/${id}`)).statusCode).toBe(403);
    const frozen = await call(submitter, 'DELETE', `/api/materials/${id}`);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().message).toMatch(/材料已冻结/);
    const returned = await call(checker, 'POST', `/api/nominations/${submitted.id}/transitions`, {
      to: 'returned',
      reason: '请更换证件照。',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await call(submitter, 'DELETE', `/api/materials/${id}`)).statusCode).toBe(204);
    expect(await t.storedFiles()).not.toContain(key);
    expect((await t.storedFiles()).filter((f) => f.includes(key.split('/').pop()!))).toEqual([]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'before'])
      .where('entityId', '=', id)
      .orderBy('at')
      .execute();
    // The check's verdict comes between them, audited as the platform's (material.transitioned).
    expect(audit.map((a) => a.action).filter((a) => a !== 'material.transitioned')).toEqual([
      'material.uploaded',
      'material.deleted',
    ]);
    expect((await call(submitter, 'GET', `/api/materials/${id}/content`)).statusCode).toBe(404);
  });

  it('chooses between an original and its converted copy', async () => {
    const nominationId = await newStar(4);
    const original = await upload(nominationId, 'video', randomBytes(10), '原片.mp4');
    // A converted copy, chosen in place of its original (as after-check.ts does once a copy passes).
    const copy = await t.database.db.transaction().execute((trx) =>
      createMaterial(trx, t.context.jobs, {
        origin: 'converted',
        values: {
          nominationId,
          setKey: 'star',
          slotId: 'video',
          storageKey: 'converted/copy.mp4',
          fileName: '原片-转换.mp4',
          bytes: 10,
          sha256: 'f'.repeat(64),
          convertedFrom: original,
          chosen: true,
          uploadedBy: null,
        },
      }),
    );
    await t.database.db.updateTable('materials').set({ chosen: false }).where('id', '=', original).execute();
    const back = await call(unit, 'POST', `/api/materials/${original}/choose`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().material).toMatchObject({ id: original, chosen: true });
    const files = (await materials(unit, nominationId)).json().slots[2].files;
    expect(
      files.map((f: { id: string; chosen: boolean; convertedFrom: string | null }) => [
        f.id,
        f.chosen,
        f.convertedFrom,
      ]),
    ).toEqual([
      [original, true, null],
      [copy, false, original],
    ]);
    expect(files[1].actions).toEqual(['delete', 'choose']);
    expect((await call(organiser, 'POST', `/api/materials/${copy}/choose`)).statusCode).toBe(403);
  });
});

describe('waivers and the submit rule', () => {
  it('refuses submit while a required slot is missing, pending or failed; allows it after a pass or a waiver', async () => {
    const nominationId = await newStar(5);
    const submit = () => call(unit, 'POST', `/api/nominations/${nominationId}/submit`);
    const missing = await submit();
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'INCOMPLETE' });
    expect(missing.json().message).toMatch(/请上传「2寸免冠彩色证件照」/);

    // The ID photo is not a picture at all (the check job fails it); the activity photo is a real JPEG.
    // The ID photo's check is held back, so it is still 检查中 when the unit first tries to submit.
    const { id: idPhoto } = await addMaterial(
      t,
      { nominationId, setKey: 'star', slotId: 'idPhoto', file: randomBytes(100), fileName: '证件照.jpg' },
      'held',
    );
    const jpeg = await photoOfAtLeast(0);
    const activity = await upload(nominationId, 'activityPhoto', jpeg, '活动.jpg');
    expect((await settled(t, activity)).state).toBe('passed');
    const pending = await submit();
    expect(pending.statusCode).toBe(422);
    expect(pending.json().message).toMatch(/“证件照.jpg”正在检查/);

    await t.context.jobs.send(QUEUES.materialCheck, { materialId: idPhoto });
    const checked = await checkedMaterials(t, nominationId);
    const failure = (
      checked.find((m) => m.id === idPhoto)!.findings as { code: string; message: string }[]
    )[0]!;
    expect(Object.fromEntries(checked.map((m) => [m.id, m.state]))).toEqual({
      [idPhoto]: 'failed',
      [activity]: 'passed',
    });

    const failed = await submit();
    expect(failed.statusCode).toBe(422);
    expect(failed.json().message).toContain(`“证件照.jpg”未通过检查（${asClause(failure.message)}）`);
    expect(failed.json().message).not.toMatch(/。[；。]/u);
    expect((await materials(unit, nominationId)).json().slots[0]).toMatchObject({ status: 'failed' });

    // A unit cannot waive; the organiser can, with a reason, audited.
    const byUnit = await call(unit, 'POST', `/api/materials/${idPhoto}/waive`, {
      code: failure.code,
      reason: '唯一一张',
    });
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().message).toMatch(/只有本活动的组织单位可以豁免/);
    const noReason = await call(organiser, 'POST', `/api/materials/${idPhoto}/waive`, {
      code: failure.code,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const unknown = await call(organiser, 'POST', `/api/materials/${idPhoto}/waive`, {
      code: 'VIDEO_FPS',
      reason: '并无此问题',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/检查结果中没有所选的问题/);
    const waived = await call(organiser, 'POST', `/api/materials/${idPhoto}/waive`, {
      code: failure.code,
      reason: '老人仅有这一张旧照片的扫描件，经核实可用',
    });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json().material).toMatchObject({
      status: 'waived',
      waivers: [
        expect.objectContaining({
          code: failure.code,
          reason: '老人仅有这一张旧照片的扫描件，经核实可用',
        }),
      ],
    });
    expect(
      (
        await call(organiser, 'POST', `/api/materials/${idPhoto}/waive`, {
          code: failure.code,
          reason: '再次',
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'after'])
      .where('entityId', '=', idPhoto)
      .where('action', '=', 'material.waived')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actorName: '吉林省教育厅职成处',
        after: expect.objectContaining({ code: failure.code }),
      }),
    ]);
    expect((await materials(unit, nominationId)).json().slots[0]).toMatchObject({ status: 'waived' });

    const ok = await submit();
    expect(ok.statusCode, ok.body).toBe(200);
    const snapshot = (
      await t.database.db
        .selectFrom('nominations')
        .select('snapshot')
        .where('id', '=', nominationId)
        .executeTakeFirstOrThrow()
    ).snapshot as { materials: object[]; name: string };
    expect(snapshot.name).toBe('学习之星5号');
    const rows = await t.database.db
      .selectFrom('materials')
      .select(['id', 'sha256'])
      .where('nominationId', '=', nominationId)
      .execute();
    const shaOf = (id: string) => rows.find((r) => r.id === id)!.sha256;
    expect(snapshot.materials).toEqual([
      {
        setKey: 'star',
        slotId: 'idPhoto',
        slotLabel: '2寸免冠彩色证件照',
        materialId: idPhoto,
        fileName: '证件照.jpg',
        bytes: 100,
        sha256: shaOf(idPhoto),
      },
      {
        setKey: 'star',
        slotId: 'activityPhoto',
        slotLabel: '精彩学习活动照片',
        materialId: activity,
        fileName: '活动.jpg',
        bytes: jpeg.length,
        sha256: shaOf(activity),
      },
    ]);
    // Submitted: the material is frozen for the unit.
    expect((await materials(unit, nominationId)).json()).toMatchObject({ actions: [] });
    expect((await call(unit, 'DELETE', `/api/materials/${activity}`)).statusCode).toBe(409);
  });
});
