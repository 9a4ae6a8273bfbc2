/**
 * The `material-check` job on real files: each fixture goes into storage with a `pending` row and its
 * job, as an upload leaves it, and ends `passed` or `failed` with the findings `tuijie check` gives.
 * Bad files (renamed, cut, empty, a pixel bomb, bytes gone from storage) fail with a reason and the
 * process carries on; a re-run changes nothing; rows a crash left waiting are picked up at start.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import { rescueStrandedMaterials } from '#server/modules/materials/workers.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import {
  claimSize,
  cut,
  ffmpegAvailability,
  film,
  flatImage,
  noisyJpeg,
  tempFolder,
} from '#test/fixtures/media/generate.ts';
import { createTestApp, loginAs, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';
import { addMaterial, errorCodes, materialRow, settled } from './job-support.ts';

// Checks run in the background; on a busy two-core machine a video's check waits its turn.
vi.setConfig({ testTimeout: 180_000 });
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-check-job-');
const file = (name: string) => join(folder.dir, name);
let t: TestApp;
let star: string;
let project: string;

beforeAll(async () => {
  t = await createTestApp();
  const jilin = await loginAs(t, 'jilin-admin');
  const { campaign, rules } = await campaignOf(t, jilin, '中国成人教育协会');
  star = (await draftWith(t, jilin, campaign.id, completeStar(rules, 1))).id;
  project = (await draftWith(t, jilin, campaign.id, completeProject(rules, 2, '2024-03-01'), 'project')).id;

  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  const small = await flatImage(600, 400).jpeg().withMetadata({ density: 72 }).toBuffer();
  writeFileSync(file('small-72.jpg'), small);
  writeFileSync(file('bomb.jpg'), claimSize(small, 60_000, 60_000));
  writeFileSync(file('png.jpg'), await flatImage(600, 400).png().toBuffer());
  writeFileSync(file('empty.jpg'), Buffer.alloc(0));
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('工作总结')] }] }));
  writeFileSync(file('summary.docx'), docx);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('总结').addRow(['工作总结']);
  writeFileSync(file('summary-xlsx.docx'), Buffer.from(await workbook.xlsx.writeBuffer()));
  if (ffmpeg) {
    film(file('good.mp4'), { seconds: 250, pattern: 'smptebars', audio: true });
    film(file('fps30.mp4'), { fps: 30 });
    film(file('mov.mp4'), { format: 'mov' });
    cut(film(file('whole.mp4'), { seconds: 3 }), 0.5, file('truncated.mp4'));
  }
}, 180_000);
afterAll(async () => {
  await t.close();
  folder.remove();
});

async function check(setKey: MaterialSetKey, slotId: string, name: string, nominationId = star) {
  const added = await addMaterial(t, { nominationId, setKey, slotId, file: file(name) });
  return { added, row: await settled(t, added.id) };
}

describe('material-check on photos', () => {
  it('passes a 6 MB 300 dpi JPEG ID photo, the attestations as warnings', async () => {
    const { row } = await check('star', 'idPhoto', 'star.jpg');
    expect(row.state).toBe('passed');
    expect(row.probed).toMatchObject({ kind: 'image', format: 'jpeg', width: 3000, dpi: { x: 300 } });
    expect(errorCodes(row.findings)).toEqual([]);
    expect((row.findings as { code: string }[]).map((f) => f.code)).toContain('ATTESTATION_NEEDED');
  });

  it.each([
    ['small-72.jpg', ['PHOTO_TOO_SMALL', 'PHOTO_DPI_LOW']],
    ['png.jpg', ['PHOTO_FORMAT', 'PHOTO_TOO_SMALL']],
    ['empty.jpg', ['FILE_EMPTY']],
    ['bomb.jpg', ['FILE_TOO_MANY_PIXELS']],
  ])('fails %s with %j and a Chinese reason', async (name, codes) => {
    const { row } = await check('star', 'photo', name);
    expect(row.state).toBe('failed');
    expect(errorCodes(row.findings).sort()).toEqual([...codes].sort());
    for (const finding of row.findings as { message: string }[])
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe.skipIf(!ffmpeg)('material-check on videos', () => {
  it('passes a 4分10秒 H.264 1280×720 25 fps MP4', async () => {
    const { row } = await check('star', 'video', 'good.mp4');
    expect(row.probed).toMatchObject({
      kind: 'video',
      container: 'mp4',
      width: 1280,
      fps: 25,
      audioCodec: 'aac',
    });
    expect(errorCodes(row.findings)).toEqual([]);
    expect(row.state).toBe('passed');
  });

  it.each([
    ['fps30.mp4', ['VIDEO_FPS', 'VIDEO_DURATION']],
    ['mov.mp4', ['VIDEO_CONTAINER', 'VIDEO_DURATION']],
    ['truncated.mp4', ['FILE_TRUNCATED']],
  ])('fails %s with %j', async (name, codes) => {
    const { row } = await check('star', 'video', name);
    expect(row.state).toBe('failed');
    expect(errorCodes(row.findings)).toEqual(codes);
  });

  it('says 30 fps against 25 fps and what to do', async () => {
    const { row } = await check('star', 'video', 'fps30.mp4');
    expect((row.findings as { message: string }[])[0]!.message).toContain('视频帧率为 30 fps，要求 25 fps');
  });
});

describe('material-check on the work summary', () => {
  it('passes a DOCX and fails an Excel workbook named .docx', async () => {
    const good = await check('project', 'workSummary', 'summary.docx', project);
    expect(good.row).toMatchObject({ state: 'passed', probed: { kind: 'document', format: 'docx' } });
    const bad = await check('project', 'workSummary', 'summary-xlsx.docx', project);
    expect(bad.row.state).toBe('failed');
    expect(errorCodes(bad.row.findings)).toEqual(['DOCUMENT_FORMAT']);
  });

  it('fails a photo put in the document slot', async () => {
    const { row } = await check('project', 'workSummary', 'star.jpg', project);
    expect(errorCodes(row.findings)).toEqual(['MATERIAL_KIND_MISMATCH']);
  });
});

describe('robustness', () => {
  it('fails a row whose bytes are gone from storage, and one whose slot the campaign no longer has', async () => {
    const { added } = await check('star', 'idPhoto', 'star.jpg');
    await t.context.storage.remove(added.storageKey);
    // The check runs again (as after a crash): the table lets a judged file be judged again.
    await t.context.jobs.send(QUEUES.materialCheck, { materialId: added.id });
    await expect
      .poll(async () => errorCodes((await materialRow(t, added.id)).findings))
      .toEqual(['FILE_NOT_FOUND']);

    const stray = await addMaterial(t, {
      nominationId: star,
      setKey: 'star',
      slotId: 'poster',
      file: file('star.jpg'),
    });
    const row = await settled(t, stray.id);
    expect(errorCodes(row.findings)).toEqual(['MATERIAL_SLOT_UNKNOWN']);
  });

  it('gives the same result when the job runs again', async () => {
    const { added, row } = await check('star', 'photo', 'small-72.jpg');
    await t.context.jobs.send(QUEUES.materialCheck, { materialId: added.id });
    await t.context.jobs.send(QUEUES.materialCheck, { materialId: 'not-a-uuid' });
    const later = await t.context.db.selectFrom('materials').selectAll().where('id', '=', added.id);
    await expect
      .poll(async () => (await later.executeTakeFirstOrThrow()).updatedAt.getTime())
      .toBeGreaterThan(row.updatedAt.getTime());
    const again = await later.executeTakeFirstOrThrow();
    expect({ state: again.state, probed: again.probed, findings: again.findings }).toEqual({
      state: row.state,
      probed: row.probed,
      findings: row.findings,
    });
  });

  it('picks up a row left pending without a job, and fails one whose job failed for good', async () => {
    const stranded = () =>
      addMaterial(
        t,
        { nominationId: star, setKey: 'star', slotId: 'idPhoto', file: file('star.jpg') },
        'lost',
      );
    const lost = await stranded();
    await rescueStrandedMaterials(t.context);
    expect((await settled(t, lost.id)).state).toBe('passed');

    const exhausted = await stranded();
    await sql`INSERT INTO pgboss.job (name, data, state) VALUES (${QUEUES.materialCheck}, ${JSON.stringify({ materialId: exhausted.id })}::jsonb, 'failed')`.execute(
      t.context.db,
    );
    await rescueStrandedMaterials(t.context);
    const row = await materialRow(t, exhausted.id);
    expect(row.state).toBe('failed');
    expect(errorCodes(row.findings)).toEqual(['MATERIAL_CHECK_CRASHED']);
  });

  it('applies the campaign’s own per-file cap from its rules as they stand', async () => {
    const setPhotoCap = (value: number | null) =>
      sql`UPDATE campaigns c SET rules = jsonb_set(c.rules, '{materials,star,slots,1,maxBytes}', ${JSON.stringify(value)}::jsonb)
        FROM nominations n WHERE n.id = ${star} AND c.id = n.campaign_id`.execute(t.context.db);
    await setPhotoCap(1024 * 1024);
    try {
      const { row } = await check('star', 'photo', 'star.jpg');
      expect(errorCodes(row.findings)).toEqual(['FILE_TOO_LARGE']);
      expect((row.findings as { message: string }[])[0]!.message).toContain('超过上限 1 MB');
    } finally {
      await sql`UPDATE campaigns c SET rules = c.rules #- '{materials,star,slots,1,maxBytes}'
        FROM nominations n WHERE n.id = ${star} AND c.id = n.campaign_id`.execute(t.context.db);
    }
  });

  it('is still serving after every bad file', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const { row } = await check('star', 'photo', 'star.jpg');
    expect(row.state).toBe('passed');
  });
});
