/**
 * A 推介表 through LibreOffice to PDF shows Chinese, not empty boxes: the text layer holds the Chinese
 * strings (pdftotext), an embedded Noto CJK font carries them (pdffonts, through the fontconfig alias
 * of 宋体/仿宋/黑体), and the title's place on page 1, rasterised, has ink. Robust checks, not pixel
 * comparisons. Needs soffice and poppler-utils: skipped outside CI when missing, a failure in CI.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { defaultStarLayout, starFormValues } from '#core/documents/index.ts';
import { starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { convertToPdf, findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';

const run = promisify(execFile);

async function available(): Promise<boolean> {
  const tools = await run('sh', [
    '-c',
    'for t in pdftoppm pdftotext pdffonts; do command -v $t; done | wc -l',
  ]);
  if (findSoffice() && tools.stdout.trim() === '3') return true;
  const reason =
    '未找到 LibreOffice（soffice）或 poppler-utils：请执行 apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk';
  if (process.env.CI) throw new Error(`${reason}。CI 中 PDF 测试不能跳过。`);
  console.warn(`跳过 PDF 测试：${reason}`);
  return false;
}

const rules = getTemplate('national-2024')!;
const DPI = 60;
const RARE = '𠀀𪚥学习社';
let dir: string;
let pdf: string;
const ok = await available();

beforeAll(async () => {
  if (!ok) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-pdf-test-'));
  const story = '坚持终身学习三十年，在社区创办读书会，带动邻里共同学习。'.repeat(300);
  // Rare characters of CJK extension B (𠀀 U+20000, 𪚥 U+2A6A5) need HanaMin (apt fonts-hanazono).
  const values = starFormValues(starForm({ name: '阿依古丽·买买提', workUnit: RARE, story }), {
    maskPersonalData: false,
  });
  pdf = path.join(dir, 'form.pdf');
  await writeFile(
    pdf,
    await convertToPdf(await renderFormDocx(defaultStarLayout(rules), values), 'form.docx'),
  );
}, 120_000);
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe.skipIf(!ok)('推介表 PDF', () => {
  it('holds the Chinese text in its text layer, the long story flowing onto more pages', async () => {
    // Reading order, whitespace removed: a long name wraps inside its cell.
    const { stdout } = await run('pdftotext', [pdf, '-']);
    for (const text of [
      '附件1',
      '百姓学习之星推介表',
      '阿依古丽·买买提',
      '主要事迹',
      '推荐单位意见',
      '（推荐单位盖章）',
      RARE,
    ]) {
      expect(stdout.replace(/\s/g, '')).toContain(text);
    }
    const info = await run('pdfinfo', [pdf]);
    expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)![1])).toBeGreaterThan(1);
  });

  it('embeds a Noto CJK font for it', async () => {
    const { stdout } = await run('pdffonts', [pdf]);
    const cjk = stdout.split('\n').filter((line) => /Noto\S*CJK/i.test(line));
    expect(cjk.length, stdout).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; every CJK font is embedded.
    expect(
      cjk.every((line) => / yes +yes +yes /.test(line)),
      stdout,
    ).toBe(true);
  });

  it('embeds HanaMin for the rare characters no Noto CJK font has', async () => {
    const { stdout } = await run('pdffonts', [pdf]);
    const hana = stdout.split('\n').filter((line) => /HanaMin/i.test(line));
    expect(hana.length, `${stdout}\n未嵌入花園明朝：请执行 apt-get install fonts-hanazono`).toBeGreaterThan(
      0,
    );
    expect(
      hana.every((line) => / yes +yes +yes /.test(line)),
      stdout,
    ).toBe(true);
  });

  it('draws ink where the title is on page 1, and none in the blank margin beside it', async () => {
    await run('pdftoppm', [
      '-r',
      String(DPI),
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(dir, 'page'),
    ]);
    const bbox = (await run('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'])).stdout;
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">百姓学习之星推介表<\/word>/.exec(
        bbox,
      );
    expect(word, bbox.slice(0, 2000)).not.toBeNull();
    const [x0, y0, x1, y1] = word!.slice(1).map((v) => (Number(v) * DPI) / 72);
    const image = sharp(await readFile(path.join(dir, 'page.png'))).greyscale();
    const { width } = await image.metadata();
    const darkShare = async (left: number, top: number, w: number, h: number) => {
      const region = {
        left: Math.floor(left),
        top: Math.floor(top),
        width: Math.ceil(w),
        height: Math.ceil(h),
      };
      const pixels = await image.clone().extract(region).raw().toBuffer();
      return pixels.filter((p) => p < 128).length / pixels.length;
    };
    const title = await darkShare(x0!, y0!, x1! - x0!, y1! - y0!);
    const margin = await darkShare(2, y0!, Math.min(x0! / 2, width! / 10), y1! - y0!);
    expect(title).toBeGreaterThan(0.05);
    expect(margin).toBe(0);
    // The rare characters are drawn too (their own word: they come from another font), with ink.
    const rare =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">𠀀𪚥[^<]*<\/word>/.exec(bbox);
    expect(rare, bbox.slice(0, 2000)).not.toBeNull();
    const [r0, s0, r1, s1] = rare!.slice(1).map((v) => (Number(v) * DPI) / 72);
    expect(await darkShare(r0!, s0!, r1! - r0!, s1! - s0!)).toBeGreaterThan(0.05);
  });
});
