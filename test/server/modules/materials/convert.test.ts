/**
 * Conversion of a failed video: POST /api/materials/:id/convert makes a `converting` copy in the same
 * slot, the job converts it with ffmpeg (progress on the row, rising to 100), and the copy is checked by
 * the same rules: a 30 fps 640×360 film becomes a 1280×720 25 fps H.264 MP4 with its sound that
 * passes, and is then chosen for submission in place of the failed original. The original stays byte
 * for byte. A film whose every error conversion mends is converted without being asked; one it cannot
 * mend (too short) is not. Refusals say why in Chinese and change nothing.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ffmpegAvailability, film, noisyJpeg, tempFolder } from '#test/fixtures/media/generate.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { type AddedMaterial, addMaterial, errorCodes, materialRow, settled } from './job-support.ts';

vi.setConfig({ testTimeout: 600_000 });
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-convert-');
const file = (name: string) => join(folder.dir, name);
let t: TestApp;
let owner: Session;
let star: string;
let secondStar: string;
let original: AddedMaterial;

/** Runs `work` with no ffmpeg on PATH, as on a server without it (ffprobe comes from npm). */
async function withoutFfmpeg<T>(work: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = folder.dir;
  try {
    return await work();
  } finally {
    process.env.PATH = path;
  }
}

const copiesOf = (id: string) =>
  t.context.db.selectFrom('materials').selectAll().where('convertedFrom', '=', id).execute();

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
  secondStar = (await draftWith(t, owner, campaign.id, completeStar(rules, 2))).id;
  if (!ffmpeg) return;
  film(file('phone.mp4'), { seconds: 250, fps: 30, size: '640x360', pattern: 'smptebars', audio: true });
  film(file('short.mp4'), { seconds: 2, fps: 30 });
  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  // Checked where ffmpeg is missing, so the platform cannot convert it on its own: the unit asks below.
  const row = await withoutFfmpeg(async () => {
    original = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'video',
      file: file('phone.mp4'),
    });
    return settled(t, original.id);
  });
  expect(errorCodes(row.findings)).toEqual(['VIDEO_RESOLUTION', 'VIDEO_FPS']);
  expect(await copiesOf(original.id)).toEqual([]);
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
      expect(response.json().message).toContain('平台未安装视频转换组件（ffmpeg）');
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

    // The passing copy is submitted now; the original stays as it was, no longer chosen.
    expect(done.chosen).toBe(true);
    const untouched = await materialRow(t, original.id);
    expect(untouched).toMatchObject({ state: 'failed', chosen: false, sha256: original.sha256 });
    expect(await storedSha256(original.storageKey)).toBe(original.sha256);
    const chosenBy = await t.context.db
      .selectFrom('auditLog')
      .select(['entityId', 'actorId'])
      .where('action', '=', 'material.chosen')
      .execute();
    expect(chosenBy).toEqual([{ entityId: copy.id, actorId: null }]);
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
    const checked = await settled(t, short.id);
    // Too short: no conversion mends that, so none was started.
    expect(errorCodes(checked.findings)).toContain('VIDEO_DURATION');
    expect(await copiesOf(short.id)).toEqual([]);
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

describe.skipIf(!ffmpeg)('converting on its own', () => {
  it('converts a film whose every error conversion mends, and submits the passing copy', async () => {
    const phone = await addMaterial(t, {
      nominationId: secondStar,
      setKey: 'star',
      slotId: 'video',
      file: file('phone.mp4'),
    });
    const checked = await settled(t, phone.id);
    expect(errorCodes(checked.findings)).toEqual(['VIDEO_RESOLUTION', 'VIDEO_FPS']);
    const [copy] = await copiesOf(phone.id);
    expect(copy).toMatchObject({ fileName: 'phone（转换）.mp4', chosen: false });
    const started = await t.context.db
      .selectFrom('auditLog')
      .select(['actorId', 'after'])
      .where('action', '=', 'material.converted_automatically')
      .where('entityId', '=', copy!.id)
      .execute();
    expect(started).toEqual([
      {
        actorId: null,
        after: expect.objectContaining({ convertedFrom: phone.id, nominationId: secondStar }),
      },
    ]);
    const done = await settled(t, copy!.id, 590_000);
    expect(done).toMatchObject({ state: 'passed', chosen: true });
    expect(await materialRow(t, phone.id)).toMatchObject({ state: 'failed', chosen: false });
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/nominations/${secondStar}/materials`,
      headers: as(owner),
    });
    const video = listed.json().slots.find((s: { slot: { id: string } }) => s.slot.id === 'video');
    expect(video.status).toBe('passed');
    expect(listed.json().conversionAvailable).toBe(true);
    // The original's own convert button is gone while its copy exists.
    const originalCard = video.files.find((f: { id: string }) => f.id === phone.id);
    expect(originalCard.actions).not.toContain('convert');
  });
});
