/**
 * Submission packages end to end: real material files in storage, the export-package job through
 * pg-boss, the ZIP unpacked with jszip and every entry hashed against 清单.csv; resumable download;
 * who may build and download which package; the command line writing the same entries.
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { parseManifestCsv } from '#core/documents/index.ts';
import { error, type Finding } from '#core/findings.ts';
import { buildPackage } from '#server/modules/documents/build-package.ts';
import { createPackage } from '#server/modules/documents/transition-package.ts';
import { createMaterial } from '#server/modules/materials/transition-material.ts';
import { findSoffice, pdfConverter } from '#server/platform/documents/convert-to-pdf.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import { film, flatImage, tempFolder } from '#test/fixtures/media/generate.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { sessionActor } from '#test/support/factories/index.ts';
import { heldJobs } from '#test/support/held-jobs.ts';
import { campaignOf, completeStar } from '#test/support/nominations.ts';

const run = promisify(execFile);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let t: TestApp;
let changchun: Session;
let jilin: Session;
let jilinCity: Session;
let campaignId: string;
let changchunId: string;
let jilinCityId: string;
let rules: CampaignRules;
const media = tempFolder();
const files: Record<string, Buffer> = {};

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
  t.app.inject({ method, url, headers: { ...as(s), ...headers }, ...(payload ? { payload } : {}) });

/**
 * Stores bytes as an upload would, measures them with the real probe, and creates the material row
 * already judged with `findings` (none: passed), as the seed creates its files: the package takes
 * whatever verdict a file has, and these pictures are made for their bytes, not to pass the checks.
 */
async function material(
  nominationId: string,
  slotId: string,
  body: Buffer,
  fileName: string,
  findings: Finding[] = [],
) {
  const key = `materials/${nominationId}/${randomUUID()}`;
  const stored = await t.context.storage.write(key, Readable.from([body]));
  const probed = await t.context.storage.withLocalFile(key, (file) =>
    probeMaterial(file, { maxBytes: 100 * 1024 * 1024 }),
  );
  await t.database.db.transaction().execute((trx) =>
    createMaterial(trx, undefined, {
      origin: 'seeded',
      values: {
        nominationId,
        setKey: 'star',
        slotId,
        storageKey: key,
        fileName,
        bytes: stored.bytes,
        sha256: stored.sha256,
        uploadedBy: null,
      },
      verdict: { findings, probed },
    }),
  );
}

async function submittedStar(session: Session, n: number, form: Record<string, unknown>, photos: boolean) {
  const created = await call(session, 'POST', '/api/nominations', { campaignId, category: 'star' });
  const { nomination } = created.json();
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/nominations/${nomination.id}`,
    headers: as(session),
    payload: { form: completeStar(rules, n, form), version: nomination.version },
  });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  if (photos) {
    await material(nomination.id, 'idPhoto', files.jpeg!, 'IMG_0001.JPG');
    await material(nomination.id, 'activityPhoto', files.png!, '活动.jpg');
  }
  const submitted = await call(session, 'POST', `/api/nominations/${nomination.id}/submit`);
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
  return nomination.id as string;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  jilinCity = await secondUnitSession(t, jilin);
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  const orgId = async (name: string) =>
    (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  changchunId = await orgId('长春市教育局');
  jilinCityId = await orgId('吉林市教育局');
  files.jpeg = await flatImage(600, 800).jpeg().toBuffer();
  files.png = await flatImage(640, 480).png().toBuffer();
  files.video = await readFile(film(path.join(media.dir, 'v.mp4'), { seconds: 1 }));

  ids.ethnic = await submittedStar(changchun, 1, { name: '阿依古丽·买买提' }, true);
  ids.rare = await submittedStar(changchun, 2, { name: '王𠀀𪚥', story: '𠀀'.repeat(3000) }, true);
  ids.noPhoto = await submittedStar(changchun, 3, { name: '李四', awards: '' }, true);
  // The ID photo vanished after submission (an old row, a deleted file): the package must say so.
  await t.database.db
    .deleteFrom('materials')
    .where('nominationId', '=', ids.noPhoto)
    .where('slotId', '=', 'idPhoto')
    .execute();
  await material(ids.rare, 'video', files.video, '我的视频.MP4', [
    error('VIDEO_TOO_SHORT', 'file', '视频只有1秒，应为4–5分钟'),
  ]);
  ids.other = await submittedStar(jilinCity, 4, { name: '赵六' }, true);
}, 180_000);
afterAll(async () => {
  await t.close();
  media.remove();
});

async function ready(session: Session, id: string) {
  for (;;) {
    const p = (await call(session, 'GET', `/api/packages/${id}`)).json();
    if (p.state === 'ready' || p.state === 'failed') return p;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function built(session: Session, unitId?: string, { reused = false } = {}) {
  const requested = await call(
    session,
    'POST',
    `/api/campaigns/${campaignId}/packages`,
    unitId ? { unitId } : {},
  );
  expect(requested.statusCode, requested.body).toBe(202);
  expect(requested.json()).toMatchObject(
    reused ? { state: 'ready' } : { state: 'queued', done: 0, downloadUrl: null },
  );
  const p = await ready(session, requested.json().id);
  expect(p, p.error).toMatchObject({ state: 'ready', error: null });
  return p;
}

async function unpack(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const manifest = parseManifestCsv(await zip.file('清单.csv')!.async('string'));
  return { zip, names, manifest };
}

let unitPackage: { id: string; bytes: number; sha256: string; total: number };
let unitZip: Buffer;

describe('a unit’s package', () => {
  beforeAll(async () => {
    unitPackage = await built(changchun);
    const response = await call(changchun, 'GET', `/api/packages/${unitPackage.id}/download`);
    expect(response.statusCode, response.body).toBe(200);
    unitZip = response.rawPayload;
  }, 180_000);

  it('downloads under a Chinese file name, with the size and SHA-256 the row reports', async () => {
    expect(unitZip.length).toBe(unitPackage.bytes);
    expect(sha256(unitZip)).toBe(unitPackage.sha256);
    expect(unitPackage.total).toBeGreaterThan(0);
    const response = await call(changchun, 'GET', `/api/packages/${unitPackage.id}/download`);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${rules.year}年推介材料提交包-长春市教育局.zip`)}`,
    );
    expect(response.headers['accept-ranges']).toBe('bytes');
  });

  it('holds every file 清单.csv lists, each with the SHA-256 it states', async () => {
    const { zip, names, manifest } = await unpack(unitZip);
    const listed = manifest.filter((row) => row.size !== null);
    expect(listed.map((r) => r.path).sort()).toEqual(names.filter((n) => n !== '清单.csv').sort());
    for (const row of listed) {
      const data = await zip.file(row.path)!.async('nodebuffer');
      expect(data.length, row.path).toBe(row.size);
      expect(sha256(data), row.path).toBe(row.sha256);
    }
    const raw = await zip.file('清单.csv')!.async('nodebuffer');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('lays out folders in 排序 order with Chinese names, material byte for byte, extension by content', async () => {
    const { zip, names } = await unpack(unitZip);
    const pdf = findSoffice() !== undefined;
    expect(names).toEqual(
      expect.arrayContaining([
        '百姓学习之星推介登记表.xlsx',
        '百姓学习之星/01_阿依古丽·买买提/推介表.docx',
        '百姓学习之星/01_阿依古丽·买买提/证件照.jpg',
        '百姓学习之星/01_阿依古丽·买买提/活动照片.png',
        '百姓学习之星/02_王𠀀𪚥/视频.mp4',
        '百姓学习之星/03_李四/推介表.docx',
        ...(pdf ? ['百姓学习之星/02_王𠀀𪚥/推介表.pdf'] : []),
      ]),
    );
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(pdf);
    expect(names.some((n) => n.includes('赵六'))).toBe(false);
    expect(await zip.file('百姓学习之星/01_阿依古丽·买买提/证件照.jpg')!.async('nodebuffer')).toEqual(
      files.jpeg,
    );
    expect(await zip.file('百姓学习之星/02_王𠀀𪚥/视频.mp4')!.async('nodebuffer')).toEqual(files.video);
    const form = await zip.file('百姓学习之星/02_王𠀀𪚥/推介表.docx')!.async('nodebuffer');
    const xml = await (await JSZip.loadAsync(form)).file('word/document.xml')!.async('string');
    expect(xml).toContain('王𠀀𪚥');
    expect(xml).toContain('𠀀'.repeat(100));
  });

  it('lists the missing photo and the failed video instead of dropping them', async () => {
    const { manifest } = await unpack(unitZip);
    const row = (p: string) => manifest.find((r) => r.path === p);
    expect(row('百姓学习之星/03_李四/证件照')).toMatchObject({
      size: null,
      result: expect.stringMatching(/^缺失：.*2寸免冠彩色证件照/),
    });
    expect(row('百姓学习之星/02_王𠀀𪚥/视频.mp4')?.result).toBe('未通过：视频只有1秒，应为4–5分钟');
    expect(row('百姓学习之星/01_阿依古丽·买买提/证件照.jpg')?.result).toBe('通过');
    if (!findSoffice()) expect(row('推介表.pdf')?.result).toMatch(/^未生成：.*LibreOffice/);
  });

  it('holds the registration table in 排序 order', async () => {
    const { zip } = await unpack(unitZip);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.file('百姓学习之星推介登记表.xlsx')!.async('nodebuffer')) as never);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getRows(5, sheet.rowCount - 4)!.map((r) => [r.getCell(1).value, r.getCell(2).value]);
    expect(rows).toEqual([
      [1, '阿依古丽·买买提'],
      [2, '王𠀀𪚥'],
      [3, '李四'],
    ]);
  });

  it('audits the request, the build and the download', async () => {
    const actions = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName'])
      .where('entityId', '=', unitPackage.id)
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'package.requested', actorName: '长春市教育局填报员' },
        { action: 'package.built', actorName: null },
        { action: 'package.downloaded', actorName: '长春市教育局填报员' },
      ]),
    );
  });
});

describe.skipIf(!findSoffice())('the PDFs of submitted forms', () => {
  it('are made once: a download reads the PDF the package made, and a second package converts none', async () => {
    const { zip } = await unpack(unitZip);
    const inPackage = await zip.file('百姓学习之星/01_阿依古丽·买买提/推介表.pdf')!.async('nodebuffer');
    expect(inPackage.subarray(0, 5).toString()).toBe('%PDF-');
    const runs = pdfConverter.stats.runs;

    const downloaded = await call(changchun, 'GET', `/api/nominations/${ids.ethnic}/form.pdf`);
    expect(downloaded.statusCode, downloaded.body).toBe(200);
    expect(downloaded.rawPayload).toEqual(inPackage);

    let body = Buffer.alloc(0);
    await buildPackage(
      t.context,
      { campaignId, unitId: changchunId },
      {
        now: new Date(),
        sink: async (output) => {
          body = await buffer(output);
          return { bytes: body.length, sha256: sha256(body) };
        },
      },
    );
    const second = await unpack(body);
    const pdfs = Object.keys(second.zip.files).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    for (const name of pdfs)
      expect(await second.zip.file(name)!.async('nodebuffer'), name).toEqual(
        await zip.file(name)!.async('nodebuffer'),
      );
    expect(pdfConverter.stats.runs).toBe(runs);
  });
});

describe('resumable download', () => {
  const url = () => `/api/packages/${unitPackage.id}/download`;

  it('answers ranges with 206 and Content-Range, and the parts make the whole', async () => {
    const first = await call(changchun, 'GET', url(), undefined, { range: 'bytes=0-99' });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${unitZip.length}`);
    expect(first.rawPayload).toEqual(unitZip.subarray(0, 100));
    const rest = await call(changchun, 'GET', url(), undefined, {
      range: 'bytes=100-',
      'if-range': first.headers.etag as string,
    });
    expect(rest.statusCode).toBe(206);
    expect(Number(rest.headers['content-length'])).toBe(unitZip.length - 100);
    expect(Buffer.concat([first.rawPayload, rest.rawPayload])).toEqual(unitZip);
    const tail = await call(changchun, 'GET', url(), undefined, { range: 'bytes=-10' });
    expect(tail.rawPayload).toEqual(unitZip.subarray(-10));
  });

  it('refuses a range past the end with 416, and sends the whole file when If-Range is stale', async () => {
    const beyond = await call(changchun, 'GET', url(), undefined, { range: `bytes=${unitZip.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${unitZip.length}`);
    expect(beyond.json().message).toContain('范围');
    const stale = await call(changchun, 'GET', url(), undefined, { range: 'bytes=0-9', 'if-range': '"old"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBe(unitZip.length);
  });
});

describe('who may build and download', () => {
  it('refuses a unit another unit’s package, and hides its packages', async () => {
    const refused = await call(changchun, 'POST', `/api/campaigns/${campaignId}/packages`, {
      unitId: jilinCityId,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('本单位');
    expect((await call(jilinCity, 'GET', `/api/packages/${unitPackage.id}`)).statusCode).toBe(404);
    expect((await call(jilinCity, 'GET', `/api/packages/${unitPackage.id}/download`)).statusCode).toBe(404);
    const mine = (await call(jilinCity, 'GET', `/api/campaigns/${campaignId}/packages`)).json();
    expect(mine.items).toEqual([]);
  });

  it('lets the organiser build one unit’s package, which that unit may download too', async () => {
    // Nothing changed since the unit built its own: the same inputs, so the same package, not a new build.
    const p = await built(jilin, changchunId, { reused: true });
    expect(p.id).toBe(unitPackage.id);
    expect(p.unitName).toBe('长春市教育局');
    expect((await call(changchun, 'GET', `/api/packages/${p.id}/download`)).statusCode).toBe(200);
    const bad = await call(jilin, 'POST', `/api/campaigns/${campaignId}/packages`, { unitId: randomUUID() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('报送单位');
  });

  it('gives the organiser the whole campaign, a folder per unit', async () => {
    const p = await built(jilin);
    const response = await call(jilin, 'GET', `/api/packages/${p.id}/download`);
    const { names, manifest } = await unpack(response.rawPayload);
    expect(names).toEqual(
      expect.arrayContaining([
        '长春市教育局/百姓学习之星/01_阿依古丽·买买提/推介表.docx',
        '吉林市教育局/百姓学习之星/01_赵六/证件照.jpg',
        '吉林市教育局/百姓学习之星推介登记表.xlsx',
      ]),
    );
    expect(manifest.filter((r) => r.size !== null)).toHaveLength(names.length - 1);
  });
});

describe('tuijie export', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['src/cli/main.ts', 'export', ...args], {
      env: { ...process.env, DATABASE_URL: t.database.url, TUIJIE_FILES_DIR: t.filesDir, LOG_LEVEL: 'error' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );

  it('writes the same entries as the server, and prints size and SHA-256', async () => {
    const out = path.join(media.dir, '长春 提交包.zip');
    const result = await cli(['--campaign', campaignId, '--unit', changchunId, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const body = await readFile(out);
    expect(result.stdout).toContain(`SHA-256：${sha256(body)}`);
    expect(result.stdout).toContain(`${(await stat(out)).size} 字节`);
    expect(result.stderr).toContain('导出进度');
    const [cliZip, serverZip] = [await unpack(body), await unpack(unitZip)];
    expect(cliZip.names.sort()).toEqual(serverZip.names.sort());
    for (const row of cliZip.manifest.filter((r) => r.size !== null)) {
      const data = await cliZip.zip.file(row.path)!.async('nodebuffer');
      expect(sha256(data), row.path).toBe(row.sha256);
    }
    await rm(out);
  }, 180_000);

  it('says in Chinese, with exit code 2, when the campaign or unit is unknown or the path unwritable', async () => {
    const out = path.join(media.dir, 'x.zip');
    const campaign = await cli(['--campaign', randomUUID(), '--out', out]);
    expect(campaign.code).toBe(2);
    expect(campaign.stderr).toContain('找不到编号为');
    const unit = await cli(['--campaign', campaignId, '--unit', randomUUID(), '--out', out]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('不是');
    const folder = await cli(['--campaign', campaignId, '--out', path.join(media.dir, 'nowhere', 'x.zip')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('无法写入');
    const missing = await cli(['--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--campaign');
    await expect(stat(out)).rejects.toThrow();
  }, 120_000);
});

describe('a package that cannot be built', () => {
  it('ends failed with a Chinese reason, and nothing to download', async () => {
    const { runPackageJob } = await import('#server/modules/documents/package-worker.ts');
    const { createDiskStorage } = await import('#server/platform/storage/disk-storage.ts');
    // A requested package whose job is held back: the build below is the only one.
    const actor = await sessionActor(t, changchun);
    const id = await t.database.db
      .transaction()
      .execute((trx) =>
        createPackage(trx, heldJobs(t.context.jobs), actor, { campaignId, unitId: changchunId }),
      );
    // A storage whose folder cannot exist (below a regular file): every write fails, as a full or
    // read-only disk would make it.
    const broken = createDiskStorage(path.join(media.dir, 'v.mp4', 'files'));
    await runPackageJob({ db: t.database.db, storage: broken, clock: t.context.clock }, id);
    const p = (await call(changchun, 'GET', `/api/packages/${id}`)).json();
    expect(p).toMatchObject({
      state: 'failed',
      downloadUrl: null,
      error: expect.stringMatching(/^生成提交包/),
    });
    const download = await call(changchun, 'GET', `/api/packages/${id}/download`);
    expect(download.statusCode).toBe(409);
    expect(download.json().message).toContain('提交包生成失败');
  });
});
