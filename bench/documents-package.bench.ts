/**
 * The whole submission package of a round, through the real builder (the one the background job and
 * `tuijie export` use): N submitted star nominations over the campaign's reporting units, each with
 * its two photos in storage, to one ZIP of 推介表 DOCX, 推介登记表 XLSX, the photos and 清单.csv, with
 * every entry hashed. Without videos. Goal (issue #5): 500 nominations under 30 s without PDF, peak
 * memory under 500 MB; the run builds 100 first, then 500, and prints how time grows (about 5× is linear).
 * Then (issue #16, item 7) the same 500 with the PDF of every 推介表 under 60 s, printed beside
 * `soffice --convert-to pdf` of the same 500 DOCX files, LibreOffice's own best; and once more, as a
 * second package of the same submitted forms is built, from the PDFs kept then.
 *
 *   npm run bench -- documents-package [--photo-kb 300] [--no-pdf]
 *
 * An embedded PostgreSQL in a throwaway folder holds the data; photos are noisy JPEGs of about
 * --photo-kb each (real ones are 1–5 MB: the ZIP then only copies more bytes, at disk speed).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { openRuntime } from '#cli/runtime.ts';
import { buildPackage } from '#server/modules/documents/build-package.ts';
import { loadConfig } from '#server/platform/config.ts';
import { findSoffice, MAX_FILES_PER_RUN } from '#server/platform/documents/convert-to-pdf.ts';
import { hashingPassThrough } from '#server/platform/storage/hash-stream.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { noisyJpeg } from '#test/fixtures/media/generate.ts';
import { completeStar } from '#test/support/nominations.ts';

const GOAL_MS = 30_000;
const GOAL_PDF_MS = 60_000;
const GOAL_MB = 500;
const { values: args } = parseArgs({
  options: { 'photo-kb': { type: 'string', default: '300' }, 'no-pdf': { type: 'boolean', default: false } },
});
const photoKb = Number(args['photo-kb']);

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-bench-package-'));
// As root, the embedded PostgreSQL runs as `postgres`, which must reach its folder.
await chmod(dir, 0o755);
const runtime = await openRuntime(
  loadConfig({ ...process.env, DATABASE_URL: '', TUIJIE_VAR_DIR: path.join(dir, 'var'), LOG_LEVEL: 'error' }),
);
const { db, storage } = runtime;

try {
  await seedDemo(db, { nominations: false, now: new Date() });
  const campaign = await db
    .selectFrom('campaigns as c')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .select(['c.id', 'c.rules', 'c.organiserId'])
    .where('o.name', '=', '吉林省教育厅')
    .where('c.status', '=', 'open')
    .executeTakeFirstOrThrow();
  const rules = campaign.rules as Parameters<typeof completeStar>[0];
  const units = await db
    .selectFrom('organisations')
    .select('id')
    .where('parentId', '=', campaign.organiserId)
    .execute();
  // A few distinct photos, stored once per nomination under its own key, as uploads are.
  const side = Math.round(Math.sqrt((photoKb * 1024) / 2.5));
  const photos = await Promise.all([1, 2, 3].map(() => noisyJpeg(side, side)));
  const ranks = new Map<string, number>();

  async function addNominations(from: number, to: number) {
    for (let i = from; i < to; i++) {
      const unitId = units[i % units.length]!.id;
      const rank = (ranks.get(unitId) ?? 0) + 1;
      ranks.set(unitId, rank);
      const story = `第${i}位推介对象坚持学习，创办社区读书会，带动邻里参与终身学习活动。`.repeat(48);
      const form = JSON.stringify(completeStar(rules, i % 1000, { name: `学习之星${i}号`, story }));
      const { id } = await db
        .insertInto('nominations')
        .values({
          campaignId: campaign.id,
          unitId,
          category: 'star',
          state: 'submitted',
          rank,
          title: `学习之星${i}号`,
          form,
          snapshot: form,
          contentHash: 'b'.repeat(64),
          submittedAt: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [slotId, photo] of [
        ['idPhoto', photos[i % 3]!],
        ['activityPhoto', photos[(i + 1) % 3]!],
      ] as const) {
        const key = `materials/${id}/${slotId}`;
        const stored = await storage.write(key, Readable.from([photo]));
        await db
          .insertInto('materials')
          .values({
            nominationId: id,
            setKey: 'star',
            slotId,
            storageKey: key,
            fileName: `${slotId}.jpg`,
            bytes: stored.bytes,
            sha256: stored.sha256,
            state: 'passed',
            probed: JSON.stringify({ kind: 'image', format: 'jpeg' }),
          })
          .execute();
      }
    }
  }

  async function round(n: number, pdf = false) {
    const out = path.join(dir, `package-${n}${pdf ? '-pdf' : ''}.zip`);
    const started = performance.now();
    const built = await buildPackage(
      { db, storage },
      { campaignId: campaign.id, unitId: null },
      {
        pdf,
        now: new Date(),
        sink: async (zip) => {
          const hashing = hashingPassThrough();
          await pipeline(zip, hashing.stream, createWriteStream(out));
          return hashing.result();
        },
      },
    );
    return { ms: performance.now() - started, mb: built.bytes / 1e6, files: built.files, out };
  }

  await addNominations(0, 20);
  await round(20); // warm-up: module loading and JIT are not what is measured
  await addNominations(20, 100);
  const small = await round(100);
  await addNominations(100, 500);
  const beforeLarge = process.memoryUsage().rss / 1024 / 1024;
  const large = await round(500);
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const peakMb = peakRss / 1024 / 1024;

  const line = (n: number, r: typeof small) =>
    `${n} 份推介的提交包：${r.ms.toFixed(0)} ms（${r.files} 个文件，ZIP ${r.mb.toFixed(1)} MB，每份推介 ${(r.ms / n).toFixed(1)} ms）`;
  console.log(`照片约 ${photoKb} KB／张，每份推介 2 张；不含视频与 PDF`);
  console.log(line(100, small));
  console.log(line(500, large));
  console.log(`500 / 100 用时之比：${(large.ms / small.ms).toFixed(2)}（线性约为 5）`);
  console.log(
    `内存峰值（RSS，本进程）：${peakMb.toFixed(0)} MB（构建 500 份之前为 ${beforeLarge.toFixed(0)} MB）`,
  );
  console.log(
    `目标：500 份 < ${GOAL_MS / 1000} s ${large.ms < GOAL_MS ? '达到' : '未达到'}；内存 < ${GOAL_MB} MB ${peakMb < GOAL_MB ? '达到' : '未达到'}`,
  );
  if (large.ms >= GOAL_MS || peakMb >= GOAL_MB) process.exitCode = 1;

  if (!args['no-pdf']) {
    if (!findSoffice()) throw new Error('未安装 LibreOffice（soffice），无法测量 PDF：请安装或加 --no-pdf');
    const withPdf = await round(500, true);
    const again = await round(500, true);
    const reference = await batchSoffice(withPdf.out);
    const pdfs = (await JSZip.loadAsync(await readFile(withPdf.out))).file(/\.pdf$/).length;
    if (pdfs < 500) throw new Error(`提交包中只有 ${pdfs} 个 PDF，应为 500 个`);
    console.log(`${line(500, withPdf)}，含 ${pdfs} 份 PDF 版推介表`);
    console.log(
      `同一批 DOCX 直接交给 soffice --convert-to pdf（每次 ${MAX_FILES_PER_RUN} 份）：${reference.toFixed(0)} ms`,
    );
    console.log(`提交包（含 PDF）用时 / soffice 直接转换：${(withPdf.ms / reference).toFixed(2)}`);
    console.log(`再次生成（已提交的推介表 PDF 已保存）：${again.ms.toFixed(0)} ms`);
    console.log(
      `目标：含 PDF 的 500 份 ≤ ${GOAL_PDF_MS / 1000} s ${withPdf.ms <= GOAL_PDF_MS ? '达到' : '未达到'}`,
    );
    if (withPdf.ms > GOAL_PDF_MS) process.exitCode = 1;
  }
} finally {
  clearInterval(sample);
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}

/**
 * The package's DOCX forms through LibreOffice alone, in as few runs as it takes (it converts only the
 * first 245 or so files of one run): what converting them costs at best. Every PDF is checked to be there.
 */
async function batchSoffice(zipPath: string): Promise<number> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tuijie-bench-soffice-'));
  try {
    const files = zip.file(/\.docx$/);
    const sources = files.map((_, i) => path.join(folder, `form${i}.docx`));
    await Promise.all(files.map(async (f, i) => writeFile(sources[i]!, await f.async('nodebuffer'))));
    const started = performance.now();
    for (let from = 0; from < sources.length; from += MAX_FILES_PER_RUN) {
      execFileSync(
        findSoffice()!,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(folder, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          folder,
          ...sources.slice(from, from + MAX_FILES_PER_RUN),
        ],
        { stdio: 'ignore' },
      );
    }
    const ms = performance.now() - started;
    const made = sources.filter((s) => existsSync(s.replace(/\.docx$/, '.pdf'))).length;
    if (made !== sources.length) throw new Error(`soffice 只生成了 ${made} / ${sources.length} 份 PDF`);
    return ms;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
