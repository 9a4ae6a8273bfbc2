/**
 * Previews: after its check, a photo gets a JPEG thumbnail (at most 480 px, turned upright by EXIF)
 * and a video a poster frame; GET /api/materials/:id/preview serves them to the nomination's unit and
 * the campaign's organisers only. A file without a preview says why; a preview that cannot be made
 * leaves the material's verdict alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runMaterialPreview } from '#server/modules/materials/preview-worker.ts';
import {
  claimSize,
  ffmpegAvailability,
  film,
  flatImage,
  noisyJpeg,
  tempFolder,
} from '#test/fixtures/media/generate.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { addMaterial, materialRow, settled } from './job-support.ts';

vi.setConfig({ testTimeout: 180_000 });
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-preview-');
const file = (name: string) => join(folder.dir, name);
let t: TestApp;
let owner: Session;
let star: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t, 'jilin-admin');
  const { campaign, rules } = await campaignOf(t, owner, '中国成人教育协会');
  star = (await draftWith(t, owner, campaign.id, completeStar(rules, 1))).id;
  // The organiser looks at this draft because its unit asked it to (a draft is otherwise the unit's own).
  await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${star}/review-request`,
    headers: as(owner),
    payload: { requested: true },
  });
  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  // Stored 600×400 with EXIF orientation 6: a camera held upright, to be shown 400×600.
  writeFileSync(
    file('turned.jpg'),
    await flatImage(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
  );
  writeFileSync(
    file('clear.png'),
    await sharp({
      create: { width: 800, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer(),
  );
  writeFileSync(file('small.jpg'), await flatImage(200, 100).jpeg().toBuffer());
  writeFileSync(file('bomb.jpg'), claimSize(await flatImage(64, 64).jpeg().toBuffer(), 60_000, 60_000));
  if (ffmpeg) film(file('film.mp4'), { seconds: 3 });
}, 120_000);
afterAll(async () => {
  await t.close();
  folder.remove();
});

async function withPreview(name: string, slotId = 'photo') {
  const added = await addMaterial(t, { nominationId: star, setKey: 'star', slotId, file: file(name) });
  await settled(t, added.id);
  await expect
    .poll(async () => (await materialRow(t, added.id)).previewKey, { timeout: 120_000 })
    .toBeTruthy();
  return added;
}

const preview = (session: Session | null, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/materials/${id}/preview`, headers: session ? as(session) : {} });

async function imageOf(session: Session, id: string) {
  const response = await preview(session, id);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('image/jpeg');
  return sharp(response.rawPayload).metadata();
}

describe('photo thumbnails', () => {
  it('shrinks a 3000×2000 photo to 480×320 JPEG, stored under previews/', async () => {
    const { id } = await withPreview('star.jpg');
    expect((await materialRow(t, id)).previewKey).toBe(`previews/${id}.jpg`);
    expect(await imageOf(owner, id)).toMatchObject({ format: 'jpeg', width: 480, height: 320 });
  });

  it('turns a photo upright by its EXIF orientation, puts transparency on white, never enlarges', async () => {
    const turned = await withPreview('turned.jpg');
    expect(await imageOf(owner, turned.id)).toMatchObject({ width: 320, height: 480 });
    const clear = await withPreview('clear.png');
    const png = await preview(owner, clear.id);
    const { data } = await sharp(png.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]].every((v) => v! > 240)).toBe(true);
    expect(await imageOf(owner, (await withPreview('small.jpg')).id)).toMatchObject({
      width: 200,
      height: 100,
    });
  });
});

describe.skipIf(!ffmpeg)('video poster frames', () => {
  it('takes a 480×270 JPEG frame from a 1280×720 film', async () => {
    const { id } = await withPreview('film.mp4', 'video');
    expect(await imageOf(owner, id)).toMatchObject({ format: 'jpeg', width: 480, height: 270 });
  });
});

describe('who sees a preview', () => {
  it('shows it to the campaign organiser, not to another unit or anyone logged out', async () => {
    const { id } = await withPreview('star.jpg');
    expect((await imageOf(await loginAs(t, 'cace-admin'), id)).format).toBe('jpeg');
    const other = await preview(await loginAs(t, 'changchun'), id);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toContain('材料不存在或您无权查看');
    expect((await preview(null, id)).statusCode).toBe(401);
  });
});

describe('without a preview', () => {
  it('says why for a file that could not be read, whose verdict is unchanged', async () => {
    const added = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'photo',
      file: file('bomb.jpg'),
    });
    expect((await settled(t, added.id)).state).toBe('failed');
    const response = await preview(owner, added.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('无法读取的文件不生成预览图');
  });

  it('leaves the material as it was when its bytes cannot be turned into a preview', async () => {
    // Its own preview job must have finished first: one still running would write its key after ours.
    const added = await withPreview('star.jpg');
    const before = await materialRow(t, added.id);
    await t.context.db
      .updateTable('materials')
      .set({ previewKey: null })
      .where('id', '=', added.id)
      .execute();
    await t.context.storage.remove(added.storageKey);
    await expect(runMaterialPreview(t.context, added.id)).resolves.toBeUndefined();
    const after = await materialRow(t, added.id);
    expect({ state: after.state, previewKey: after.previewKey }).toEqual({
      state: before.state,
      previewKey: null,
    });
  });
});
