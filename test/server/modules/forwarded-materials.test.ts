/**
 * Issue #10, item 3: a province's winners reach the national round with their files. The copies share
 * the stored bytes (same SHA-256, nothing written twice on disk), are judged again by the check job
 * against the national campaign's own specs, and whatever has no place there (a slot the national
 * round lacks, files above its count) is reported, never dropped. Deleting either side's file leaves
 * the other's bytes in place.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { releaseStoredObjects } from '#server/modules/materials/stored-objects.ts';
import { manualClock } from '#server/platform/clock.ts';
import { noisyJpeg } from '#test/fixtures/media/generate.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { lastMoveOf } from '#test/support/database.ts';
import { moveCampaignAs, sessionActor } from '#test/support/factories/index.ts';
import { checkedMaterials, uploadThroughTus } from '#test/support/materials.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let cace: Session;
let jilinCampaign: string;
let nationalCampaign: string;
let rules: CampaignRules;
let star: string;
let project: string;
let forwardedBody: {
  forwarded: { id: string; title: string; materials: { files: number; findings: Finding[] } }[];
};
let filesBefore: string[];

interface Finding {
  code: string;
  severity: string;
  field: string;
  message: string;
}
interface Row {
  id: string;
  nominationId: string;
  setKey: string;
  slotId: string;
  storageKey: string;
  previewKey: string | null;
  fileName: string;
  sha256: string;
  bytes: string;
  state: string;
  findings: unknown;
}

const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });

function rowsOf(nominationId: string): Promise<Row[]> {
  return t.database.db
    .selectFrom('materials')
    .select([
      'id',
      'nominationId',
      'setKey',
      'slotId',
      'storageKey',
      'previewKey',
      'fileName',
      'sha256',
      'bytes',
      'state',
      'findings',
    ])
    .where('nominationId', '=', nominationId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Every stored file under the files folder (tus info files aside), relative, sorted. */
async function storedFiles(dir = t.filesDir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The public site's published pages (public-site/) are not stored files.
    if (entry.isDirectory() && full !== path.join(t.filesDir, 'public-site'))
      out.push(...(await storedFiles(full)));
    else if (!entry.name.endsWith('.json')) out.push(path.relative(t.filesDir, full));
  }
  return out.sort();
}

const exists = (key: string) =>
  stat(path.join(t.filesDir, key)).then(
    () => true,
    () => false,
  );

async function upload(nominationId: string, setKey: string, slotId: string, filename: string, data: Buffer) {
  const result = await uploadThroughTus(t, changchun, { nominationId, setKey, slotId, filename, data });
  if (!result.materialId) throw new Error(`upload failed: ${result.created.body} ${result.patched?.body}`);
}

/** Waits until the preview job has made the thumbnails of a nomination's photos. */
async function previewsMade(nominationId: string) {
  for (;;) {
    const rows = await rowsOf(nominationId);
    const photos = rows.filter((r) => r.fileName.endsWith('.jpg'));
    if (photos.every((r) => r.previewKey !== null)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function copyOf(sourceId: string) {
  const copy = await t.database.db
    .selectFrom('nominations')
    .select(['id', 'snapshot'])
    .where('forwardedFrom', '=', sourceId)
    .executeTakeFirstOrThrow();
  return copy as { id: string; snapshot: { materials?: { sha256: string; slotId: string }[] } };
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
  ({
    campaign: { id: jilinCampaign },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  nationalCampaign = (await campaignOf(t, cace, '中国成人教育协会')).campaign.id;

  // A star with Jilin's two photos (small: Jilin sets no size, the nation asks ≥ 5 MB for a star's photos).
  star = (await draftWith(t, changchun, jilinCampaign, completeStar(rules, 810, { name: '孙老师' }))).id;
  // A special project: its photos are under the nation's 1 MB, and 6 special photos (Jilin 4–8, nation 3–5).
  const p = await draftWith(
    t,
    changchun,
    jilinCampaign,
    completeProject(rules, 811, todayInShanghai(t.context.clock.now())),
    'project',
  );
  project = p.id;
  for (const id of [star, project]) {
    const submitted = await post(changchun, `/api/nominations/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
  }
  // A special pick is marked in the submitted table; returned, the unit adds the special photos.
  expect((await post(changchun, `/api/nominations/${project}/special`, { special: true })).statusCode).toBe(
    200,
  );
  const returned = await post(jilin, `/api/nominations/${project}/review`, {
    decision: 'return',
    reason: '请补交特别推介的照片',
  });
  expect(returned.statusCode, returned.body).toBe(200);
  for (let i = 1; i <= 6; i++) {
    await upload(project, 'specialProject', 'photos', `特别推介照片${i}.jpg`, await noisyJpeg(500, 400, 300));
  }
  expect((await checkedMaterials(t, project)).every((m) => m.state === 'passed')).toBe(true);
  const resubmitted = await post(changchun, `/api/nominations/${project}/submit`);
  expect(resubmitted.statusCode, resubmitted.body).toBe(200);
  for (const id of [star, project]) {
    expect((await post(jilin, `/api/nominations/${id}/review`, { decision: 'accept' })).statusCode).toBe(200);
  }
  // Refused (nothing selected yet): the refusal says why, and no file row is made.
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('materials')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rowsBefore = await count();
  const early = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
    targetCampaignId: nationalCampaign,
  });
  expect(early.statusCode).toBe(409);
  expect(early.json().message).toBe('本活动还没有“入选”的推介可以报送');
  expect(await count()).toBe(rowsBefore);
  await post(jilin, `/api/campaigns/${jilinCampaign}/transitions`, { to: 'reviewing' });
  for (const id of [star, project])
    await post(jilin, `/api/nominations/${id}/transitions`, { to: 'shortlisted' });
  // 公示 and 审定 are their own use cases; the campaign is moved the way they move it.
  await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'announcing');
  await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'approved');
  // The 公示 period has passed on the app's clock: everyone signs in again.
  changchun = await relogin(t, 'changchun');
  jilin = await relogin(t, 'jilin-admin');
  cace = await relogin(t, 'cace-admin');
  // 审定 made both 入选 by itself.
  for (const id of [star, project])
    expect(await lastMoveOf(t.database, id)).toMatchObject({
      from: 'shortlisted',
      to: 'selected',
      label: '审定入选',
    });
  await previewsMade(star);
  await previewsMade(project);
  filesBefore = await storedFiles();

  const forwarded = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
    targetCampaignId: nationalCampaign,
  });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  forwardedBody = forwarded.json();
  for (const id of [star, project]) await checkedMaterials(t, (await copyOf(id)).id);
}, 180_000);
afterAll(() => t.close());

describe('forwarding carries the files', () => {
  it('each chosen file goes with its nomination, with the same SHA-256, its bytes stored once', async () => {
    for (const id of [star, project]) {
      const source = await rowsOf(id);
      const copy = await copyOf(id);
      const copied = await rowsOf(copy.id);
      expect(copied.map((r) => [r.fileName, r.sha256, r.bytes, r.storageKey])).toEqual(
        source.map((r) => [r.fileName, r.sha256, r.bytes, r.storageKey]),
      );
      // The copy's snapshot names its submitted files by hash, as a submit does.
      const placed = copied.filter((r) => r.slotId !== 'activityPhoto').map((r) => r.sha256);
      expect(copy.snapshot.materials?.map((m) => m.sha256)).toEqual(placed);
    }
    // Nothing was written: the copies read the province's stored bytes, previews included.
    expect(await storedFiles()).toEqual(filesBefore);

    const copyPhoto = (await rowsOf((await copyOf(star)).id)).find((r) => r.slotId === 'idPhoto')!;
    const content = await get(cace, `/api/materials/${copyPhoto.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(sha(content.rawPayload)).toBe(copyPhoto.sha256);
  });

  it('the national specs judge the copies: a photo that passed Jilin fails the nation’s size rule', async () => {
    const sourcePhoto = (await rowsOf(star)).find((r) => r.slotId === 'idPhoto')!;
    expect(sourcePhoto.state).toBe('passed');
    const copy = await copyOf(star);
    for (const session of [cace, jilin]) {
      const view = (await get(session, `/api/nominations/${copy.id}/materials`)).json();
      const slot = (id: string) => view.slots.find((s: { slot: { id: string } }) => s.slot.id === id);
      expect(slot('idPhoto').status).toBe('failed');
      expect(slot('idPhoto').files[0].findings.map((f: Finding) => f.code)).toContain('PHOTO_TOO_SMALL');
      expect(slot('idPhoto').files[0].forwarded).toBe(true);
      // The nation asks for a 个人照片 Jilin never had; Jilin's 精彩学习活动照片 has no place there.
      expect(slot('photo').status).toBe('missing');
      expect(view.findings.map((f: Finding) => `${f.code}:${f.field}`)).toContain(
        'MATERIAL_MISSING:materials.star.photo',
      );
      expect(view.otherFiles).toHaveLength(1);
      expect(view.otherFiles[0].findings[0]).toMatchObject({ code: 'FORWARDED_NO_SLOT' });
      expect(view.otherFiles[0].findings[0].message).toContain('「精彩学习活动照片」');
      expect(view.otherFiles[0].actions).not.toContain('waive');
    }

    const projectView = (await get(cace, `/api/nominations/${(await copyOf(project)).id}/materials`)).json();
    const photos = projectView.slots.find(
      (s: { setKey: string; slot: { id: string } }) => s.setKey === 'project' && s.slot.id === 'photos',
    );
    expect(photos.files.map((f: { findings: Finding[] }) => f.findings.map((x) => x.code))).toEqual([
      ['PHOTO_TOO_SMALL'],
      ['PHOTO_TOO_SMALL'],
      ['PHOTO_TOO_SMALL'],
    ]);
    // Six special photos where the nation allows five: all went, and the count is reported.
    const special = projectView.slots.find((s: { setKey: string }) => s.setKey === 'specialProject');
    expect(special.files).toHaveLength(6);
    expect(projectView.findings.map((f: Finding) => `${f.code}:${f.field}`)).toContain(
      'MATERIAL_COUNT_ABOVE_MAX:materials.specialProject.photos',
    );
  });

  it('the province is told at once what has no place in the national round', () => {
    const byTitle = Object.fromEntries(forwardedBody.forwarded.map((f) => [f.title, f.materials]));
    expect(byTitle.孙老师!.files).toBe(2);
    expect(byTitle.孙老师!.findings.map((f) => f.code)).toEqual([
      'FORWARD_MATERIAL_NO_SLOT',
      'FORWARD_MATERIAL_MISSING',
    ]);
    expect(byTitle.孙老师!.findings[0]!.message).toContain('「精彩学习活动照片」');
    expect(byTitle.孙老师!.findings[1]!.message).toContain('「个人照片」');
    const projectReport = forwardedBody.forwarded.find((f) => f.title !== '孙老师')!.materials;
    expect(projectReport.files).toBe(10);
    // The nation also asks a special pick for a film, which Jilin left optional.
    expect(projectReport.findings.map((f) => `${f.code}:${f.field}`)).toEqual([
      'FORWARD_MATERIAL_ABOVE_MAX:materials.specialProject.photos',
      'FORWARD_MATERIAL_MISSING:materials.specialProject.video',
    ]);
    expect(projectReport.findings[0]!.message).toContain('最多 5 个');
  });
});

describe('shared bytes are removed only with their last row', () => {
  it('deleting the copy’s file leaves the province’s, and the province’s leaves the copy’s', async () => {
    const copy = await copyOf(star);
    const source = await rowsOf(star);
    const copyRows = await rowsOf(copy.id);
    const inSlot = (rows: Row[], slotId: string) => rows.find((r) => r.slotId === slotId)!;
    const sourcePhoto = inSlot(source, 'idPhoto');

    // The nation returns the copy; the province, now its reporting unit there, deletes the photo.
    const returned = await post(cace, `/api/nominations/${copy.id}/review`, {
      decision: 'return',
      reason: '请按全国要求补交不小于5MB的证件照',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/materials/${inSlot(copyRows, 'idPhoto').id}`,
      headers: as(jilin),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await exists(sourcePhoto.storageKey)).toBe(true);
    const still = await get(jilin, `/api/materials/${sourcePhoto.id}/content`);
    expect(still.statusCode).toBe(200);
    expect(sha(still.rawPayload)).toBe(sourcePhoto.sha256);

    // No route deletes a forwarded source's file (it is frozen); a removal of its row, as any clean-up
    // would make, goes through the same release as a delete and must spare the copy's bytes.
    const sourceOther = inSlot(source, 'activityPhoto');
    const copyOther = inSlot(copyRows, 'activityPhoto');
    await t.database.db.deleteFrom('materials').where('id', '=', sourceOther.id).execute();
    await releaseStoredObjects(t.context, [sourceOther]);
    expect(await exists(sourceOther.storageKey)).toBe(true);
    const copied = await get(jilin, `/api/materials/${copyOther.id}/content`);
    expect(copied.statusCode).toBe(200);
    expect(sha(copied.rawPayload)).toBe(copyOther.sha256);

    // The last row's deletion takes the bytes, the preview and the upload's record along.
    const last = await t.app.inject({
      method: 'DELETE',
      url: `/api/materials/${copyOther.id}`,
      headers: as(jilin),
    });
    expect(last.statusCode, last.body).toBe(204);
    expect(await exists(copyOther.storageKey)).toBe(false);
    expect(await exists(`${copyOther.storageKey}.json`)).toBe(false);
    expect(await exists(copyOther.previewKey!)).toBe(false);
  });
});
