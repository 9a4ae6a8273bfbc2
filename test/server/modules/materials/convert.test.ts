/**
 * Conversion of a failed video: POST /api/materials/:id/convert makes a `converting` copy in the same
 * slot, the job converts it with ffmpeg (progress on the row, rising to 100), and the copy is checked by
 * the same rules: a 30 fps 640×360 film becomes a 1280×720 25 fps H.264 MP4 with its sound that
 * passes. The original stays byte for byte. Refusals say why in Chinese and change nothing.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ffmpegAvailability, film, noisyJpeg, tempFolder } from '../../../fixtures/media/generate.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '../../../support/app.ts';
import { campaignOf, completeStar, draftWith } from '../../../support/nominations.ts';
import { type AddedMaterial, addMaterial, errorCodes, materialRow, settled } from './job-support.ts';

vi.setConfig({ testTimeout: 600_000 });
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-convert-');
const file = (name: string) => join(folder.dir, name);
let t: TestApp;
let owner: Session;
let star: string;
let original: AddedMaterial;

const convert = (session: Session, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/materials/${id}/convert`, headers: as(session) });
const countRows = async () =>
  Number(
    (
      await t.context.db
        .selectFrom('materials')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function storedSha256(key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await t.context.storage.read(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

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
  if (!ffmpeg) return;
  film(file('phone.mp4'), { seconds: 250, fps: 30, size: '640x360', pattern: 'smptebars', audio: true });
  film(file('short.mp4'), { seconds: 2, fps: 30 });
  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  original = await addMaterial(t, {
    nominationId: star,
    setKey: 'star',
    slotId: 'video',
    file: file('phone.mp4'),
  });
  const row = await settled(t, original.id);
  expect(errorCodes(row.findings)).toEqual(['VIDEO_RESOLUTION', 'VIDEO_FPS']);
}, 300_000);
afterAll(async () => {
  await t.close();
  folder.remove();
});

describe.skipIf(!ffmpeg)('converting a failed video', () => {
  it('explains what is missing where ffmpeg is not installed, and adds nothing', async () => {
    const before = await countRows();
    const path = process.env.PATH;
    process.env.PATH = folder.dir;
    try {
      const response = await convert(owner, original.id);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'FFMPEG_MISSING' });
      expect(response.json().message).toContain('服务器未安装 ffmpeg');
      expect(response.json().message).toContain('apt-get install ffmpeg');
    } finally {
      process.env.PATH = path;
    }
    expect(await countRows()).toBe(before);
  });

  it('makes a 1280×720 25 fps H.264 copy with its sound that passes, progress rising to 100, original untouched', async () => {
    const requested = await convert(owner, original.id);
    expect(requested.statusCode, requested.body).toBe(202);
    const copy = requested.json().material;
    expect(copy).toMatchObject({
      convertedFrom: original.id,
      state: 'converting',
      progress: 0,
      chosen: false,
      setKey: 'star',
      slotId: 'video',
      fileName: 'phone（转换）.mp4',
    });
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const row = await materialRow(t, copy.id);
          if (row.progress !== null && seen.at(-1) !== row.progress) seen.push(row.progress);
          return row.state;
        },
        { timeout: 590_000, interval: 100 },
      )
      .toMatch(/^(passed|failed)$/);
    const done = await materialRow(t, copy.id);
    expect(errorCodes(done.findings)).toEqual([]);
    expect(done.state).toBe('passed');
    expect(done.probed).toMatchObject({
      kind: 'video',
      container: 'mp4',
      videoCodec: 'h264',
      width: 1280,
      height: 720,
      fps: 25,
      audioCodec: 'aac',
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen.at(-1)).toBe(100);
    expect(done.storageKey).toBe(`converted/${copy.id}.mp4`);
    expect(await storedSha256(done.storageKey)).toBe(done.sha256);
    expect(Number(done.bytes)).toBe(await t.context.storage.size(done.storageKey));

    const untouched = await materialRow(t, original.id);
    expect(untouched).toMatchObject({ state: 'failed', chosen: true, sha256: original.sha256 });
    expect(await storedSha256(original.storageKey)).toBe(original.sha256);
    const audit = await t.context.db
      .selectFrom('auditLog')
      .select(['entityId', 'after'])
      .where('action', '=', 'material.conversion_requested')
      .execute();
    expect(audit).toEqual([
      { entityId: copy.id, after: expect.objectContaining({ convertedFrom: original.id }) },
    ]);
  });

  it('refuses a second copy of the same video, a copy, a passed file and a photo, in Chinese', async () => {
    const before = await countRows();
    const again = await convert(owner, original.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已有转换中或转换好的副本');
    const copyId = (
      await t.context.db
        .selectFrom('materials')
        .select('id')
        .where('convertedFrom', '=', original.id)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await convert(owner, copyId)).json().message).toContain('这已是转换后的副本');
    const photo = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'photo',
      file: file('star.jpg'),
    });
    await settled(t, photo.id);
    expect((await convert(owner, photo.id)).json().message).toContain('只有视频可以转换');
    expect(await countRows()).toBe(before + 1);
  });

  it('lets only the nomination’s own unit ask', async () => {
    const short = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'video',
      file: file('short.mp4'),
    });
    await settled(t, short.id);
    expect((await convert(await loginAs(t, 'cace-admin'), short.id)).statusCode).toBe(403);
    expect((await convert(await loginAs(t, 'changchun'), short.id)).statusCode).toBe(404);
  });

  it('marks the copy failed with the reason when the conversion fails, the original kept', async () => {
    const short = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'video',
      file: file('short.mp4'),
    });
    await settled(t, short.id);
    // The original's bytes are damaged after its check: ffmpeg cannot read them.
    await t.context.storage.write(
      short.storageKey,
      (await import('node:stream')).Readable.from([Buffer.from('not a film')]),
    );
    const requested = await convert(owner, short.id);
    expect(requested.statusCode).toBe(202);
    const copy = await settled(t, requested.json().material.id);
    expect(copy.state).toBe('failed');
    expect(errorCodes(copy.findings)).toEqual(['VIDEO_CONVERSION_FAILED']);
    expect((copy.findings as { message: string }[])[0]!.message).toContain('视频转换失败');
    expect(await text(await t.context.storage.read(short.storageKey))).toBe('not a film');
    expect((await materialRow(t, short.id)).state).toBe('failed');
  });
});
