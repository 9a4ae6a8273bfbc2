import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  expectResponses,
  launchBrowser,
  loginThroughPage,
  pageApi,
} from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { completeStar } from '../support/nominations.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();
const popplerAvailable = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
const webDist = path.resolve(process.env.TUIJIE_WEB_DIST ?? 'web/dist');

/** A name with an ethnic-name middle dot and a CJK Extension B character (U+20000), as issue #5 asks. */
const NAME = '阿依古丽·买买提𠀀';
const LAST_SENTENCE = '这是主要事迹的最后一句话，纸上必须完整印出𪚥。';
/** About 4,800 characters: several A4 pages inside one table row, which must break, not be cut. */
const STORY = `${Array.from(
  { length: 120 },
  (_, i) => `第${i + 1}段：她坚持在社区学习中心学习，组织读书会，带动邻里共学。`,
).join('\n')}\n${LAST_SENTENCE}`;

/**
 * The print view of the official forms, in a real browser against the real server: a unit's nomination
 * with a story of several pages and rare characters is printed to PDF by Chromium (page.pdf, A4); the
 * PDF's text (poppler's pdftotext) holds the Chinese name and the story's last sentence once per paper
 * copy, each copy starting on a new page. The unit's 推介登记表 prints in landscape; the download buttons
 * hand over the DOCX and PDF; the submission package shows its progress up to the download link.
 * Screenshots at 1280 and 375 px go to a temporary folder printed at the end.
 */
describe.skipIf(!available || !popplerAvailable)('print view and documents', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let shots: string;
  let page: Page;
  let nominationId: string;
  let campaignId: string;
  let copies: number;

  beforeAll(async () => {
    if (!existsSync(path.join(webDist, 'index.html')))
      throw new Error(`${webDist} 不存在：请先运行 npm run build:web（或用 TUIJIE_WEB_DIST 指向构建目录）`);
    shots = await mkdtemp(path.join(os.tmpdir(), 'tuijie-print-'));
    database = await createDemoDatabase();
    process.env.TUIJIE_WEB_DIST = webDist;
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await loginThroughPage(
      page,
      server.url,
      'changchun',
      server.passwords.get('changchun')!,
      'UnitLearning2026',
    );
    // The unit's submitted star in the open Jilin campaign, saved and submitted as the editor does.
    const campaigns = (await pageApi(page, 'GET', '/api/campaigns')).items as {
      id: string;
      organiserName: string;
      status: string;
    }[];
    campaignId = campaigns.find((c) => c.organiserName.includes('吉林') && c.status === 'open')!.id;
    const rules = (await pageApi(page, 'GET', `/api/campaigns/${campaignId}`)).rules as CampaignRules;
    copies = rules.forms.find((f) => f.id === 'star.form')!.paperCopies;
    const created = (await pageApi(page, 'POST', '/api/nominations', { campaignId, category: 'star' }))
      .nomination;
    nominationId = created.id;
    const form = completeStar(rules, 907, {
      name: NAME,
      story: STORY,
      awards: '',
      unitOpinion: '同意推介。该同志事迹突出，带动作用明显。',
    });
    await pageApi(page, 'PUT', `/api/nominations/${nominationId}`, { form, version: created.version });
    // The two photos the campaign requires, uploaded with tus as the browser does, then checked.
    for (const slotId of ['idPhoto', 'activityPhoto']) await uploadPhoto(page, nominationId, slotId);
    for (;;) {
      const { slots } = await pageApi(page, 'GET', `/api/nominations/${nominationId}/materials`);
      if (!slots.some((s: { status: string }) => s.status === 'pending')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await pageApi(page, 'POST', `/api/nominations/${nominationId}/submit`, {});
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    if (shots) console.log(`打印视图截图：${shots}`);
  });

  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await expectNoSeriousA11yViolations(p, name);
  };

  it('prints the 推介表 on A4 in the campaign’s copies, the long story whole, each copy on a new page', {
    timeout: 120_000,
  }, async () => {
    await page.goto(`${server.url}/nominations/${nominationId}/print`);
    await expect.poll(() => page.locator('section.print-copy').count()).toBe(copies);
    await expect.poll(() => page.getByText(LAST_SENTENCE).count()).toBe(copies);
    await shot(page, 'form-1280');

    const pdf = await page.pdf({ format: 'A4' });
    const { pages, text } = await pdfText(pdf, 'form.pdf');
    const joined = squash(text);
    expect(occurrences(joined, squash(NAME))).toBe(copies);
    expect(occurrences(joined, squash(LAST_SENTENCE))).toBe(copies);
    expect(joined).toContain('第120段：她坚持在社区学习中心学习');
    expect(joined).toContain('负责人签字');
    expect(joined).toContain('推荐单位盖章');

    // Every copy is the same number of whole pages, and the story takes more than one.
    const sheets = text.split('\f').filter((p) => p.trim() !== '');
    expect(sheets.length).toBe(pages);
    expect(pages % copies).toBe(0);
    expect(pages / copies).toBeGreaterThanOrEqual(2);
    // Each copy starts on a page of its own: 附件1 and the title on pages 1, 1 + n, 1 + 2n.
    const perCopy = pages / copies;
    const starts = sheets.flatMap((p, i) => (squash(p).includes('附件1') ? [i] : []));
    expect(starts).toEqual(Array.from({ length: copies }, (_, i) => i * perCopy));
    for (const i of starts) expect(squash(sheets[i]!)).toContain('百姓学习之星推介表');
    // Each copy ends with the content hash that ties the paper to the submitted record.
    expect(occurrences(joined, '内容校验码')).toBe(copies);
  });

  it('prints a project’s form from its layout: sub-headed measures, and no work summary (a document of its own)', async () => {
    const projects = (
      await pageApi(page, 'GET', `/api/nominations?campaignId=${campaignId}&category=project`)
    ).items as { id: string }[];
    const project = (await pageApi(page, 'GET', `/api/nominations/${projects[0]!.id}`)).nomination;
    await page.goto(`${server.url}/nominations/${project.id}/print`);
    await expect.poll(() => page.locator('section.print-copy').count()).toBe(copies);
    const { text } = await pdfText(await page.pdf({ format: 'A4' }), 'project.pdf');
    const joined = squash(text);
    expect(occurrences(joined, '终身学习品牌项目推介表')).toBe(copies);
    for (const part of ['学习场所：', '经费保障：', '队伍建设：', squash(project.form.measures.team)])
      expect(occurrences(joined, part)).toBe(copies);
    // The notices ask for the 工作总结 as material beside the 推介表, not on it: asked for once.
    const sentence = squash(project.form.workSummary).split('。')[0]!;
    expect(sentence.length).toBeGreaterThan(10);
    expect(occurrences(joined, sentence)).toBe(0);
    expect(joined).not.toContain('工作总结');
  });

  it('reads on a 375 px phone: the toolbar fits, the A4 sheet scrolls sideways', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 760 });
    await phone.goto(`${server.url}/nominations/${nominationId}/print`);
    const print = phone.getByRole('button', { name: /打\s*印/ });
    await print.waitFor();
    const box = (await print.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const widths = await phone.evaluate(() => {
      const desk = document.querySelector('.print-desk')!;
      return { page: document.documentElement.scrollWidth, desk: desk.scrollWidth, seen: desk.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.desk).toBeGreaterThan(widths.seen);
    await phone.screenshot({ path: path.join(shots, 'form-375.png') });
    await phone.close();
  });

  it('prints the unit’s 推介登记表 in 排序 order, landscape, before its forms', {
    timeout: 120_000,
  }, async () => {
    await page.goto(`${server.url}/campaigns/${campaignId}/print?category=star&what=registration`);
    // One table per paper copy; the first copy's rows.
    const table = page.locator('section.print-copy').first().locator('.print-table.registration tbody tr');
    await expect.poll(() => table.count()).toBeGreaterThan(0);
    expect(await page.locator('section.print-copy').count()).toBe(copies);
    const rows = await table.allInnerTexts();
    const ranks = rows.map((row) => Number(/^\s*(\d+)/.exec(row)?.[1]));
    expect(ranks).toEqual(rows.map((_, i) => i + 1));
    expect(rows.some((row) => squash(row).includes(squash(NAME)))).toBe(true);
    await shot(page, 'registration-1280');

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { text, pageSize } = await pdfText(pdf, 'registration.pdf');
    expect(squash(text)).toContain('百姓学习之星推介登记表');
    expect(squash(text)).toContain('报送单位（盖章）：长春市教育局');
    // A4 landscape: 842 × 595 points.
    expect(pageSize).toMatch(/^84[12](\.\d+)? x 59[45]/);

    // The table and then every form: the table's pages landscape, the forms' portrait.
    await page.goto(`${server.url}/campaigns/${campaignId}/print?category=star`);
    await expect.poll(() => page.locator('section.print-copy.landscape').count()).toBe(copies);
    const all = await pdfText(await page.pdf({ preferCSSPageSize: true }), 'unit-materials.pdf');
    const sizes = execFileSync(
      'pdfinfo',
      ['-f', '1', '-l', String(all.pages), path.join(shots, 'unit-materials.pdf')],
      {
        encoding: 'utf8',
      },
    );
    const orientations = [...sizes.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) =>
      Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait',
    );
    expect(orientations.slice(0, copies)).toEqual(Array(copies).fill('landscape'));
    expect(orientations.at(-1)).toBe('portrait');
    expect(occurrences(squash(all.text), squash(LAST_SENTENCE))).toBe(copies);

    await page.setViewportSize({ width: 375, height: 760 });
    await page.reload();
    await expect.poll(() => page.getByText(LAST_SENTENCE).count()).toBe(copies);
    await page.screenshot({ path: path.join(shots, 'unit-materials-375.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('hands over the 推介表 as Word and as PDF (or says why not) from the nomination page', {
    timeout: 120_000,
  }, async () => {
    await page.goto(`${server.url}/nominations/${nominationId}`);
    const docx = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 Word/ }).click();
    expect((await docx).suggestedFilename()).toBe(`百姓学习之星推介表-${NAME}.docx`);

    if (findSoffice()) {
      const pdf = page.waitForEvent('download', { timeout: 90_000 });
      await page.getByRole('button', { name: /下载 PDF/ }).click();
      expect((await pdf).suggestedFilename()).toBe(`百姓学习之星推介表-${NAME}.pdf`);
    } else {
      await page.getByRole('button', { name: /下载 PDF/ }).click();
      await expect.poll(() => page.getByText(/未安装 LibreOffice/).count()).toBeGreaterThan(0);
    }
    await shot(page, 'nomination-documents-1280');
  });

  it('builds the unit’s submission package with progress up to the download link', {
    timeout: 180_000,
  }, async (test) => {
    const paths = Object.keys((await pageApi(page, 'GET', '/api/openapi.json')).paths ?? {});
    if (!paths.some((p) => p.endsWith('/packages'))) {
      console.warn('跳过材料包：服务器尚无 POST /api/campaigns/:id/packages');
      test.skip();
    }
    await page.goto(`${server.url}/campaigns/${campaignId}?tab=documents`);
    await page.getByRole('button', { name: /生成材料包/ }).click();
    await page.locator('.ant-progress').waitFor();
    const link = page.getByRole('link', { name: /下载材料包/ });
    const failed = page.getByText('材料包生成失败');
    await link.or(failed).waitFor({ timeout: 150_000 });
    if (await failed.isVisible())
      throw new Error(String(await page.locator('.ant-alert-error').textContent()));
    await shot(page, 'package-ready-1280');
    const href = (await link.getAttribute('href'))!;
    const zip = await page.request.get(new URL(href, server.url).toString());
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    const part = await page.request.get(new URL(href, server.url).toString(), {
      headers: { range: 'bytes=0-1' },
    });
    expect(part.status()).toBe(206);
  });

  it('gives the organiser the campaign-wide tables and any unit’s documents', {
    timeout: 120_000,
  }, async () => {
    const organiser = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const o = await organiser.newPage();
    await loginThroughPage(
      o,
      server.url,
      'jilin-admin',
      server.passwords.get('jilin-admin')!,
      'Organiser2026ok',
    );
    await o.goto(`${server.url}/campaigns/${campaignId}?tab=documents`);
    const quota = o.waitForEvent('download');
    await o.getByRole('button', { name: /名额使用情况/ }).click();
    expect((await quota).suggestedFilename()).toMatch(/名额使用情况.*\.xlsx$/);
    // No result list before the round has selected: the server's reason is shown, nothing is saved.
    // No winners yet: the refusal is what this step checks.
    expectResponses(o, {
      method: 'GET',
      path: /^\/api\/campaigns\/[^/]+\/tables\/results\.xlsx$/,
      status: 409,
    });
    await o.getByRole('button', { name: /入选名单/ }).click();
    await expect.poll(() => o.getByText(/尚无入选名单/).count()).toBeGreaterThan(0);
    await o.getByRole('combobox').click();
    await o.getByTitle('长春市教育局', { exact: true }).click();
    await o.keyboard.press('Escape');
    await expect.poll(() => o.getByText('推介登记表与推介表：长春市教育局').count()).toBe(1);
    await o.screenshot({ path: path.join(shots, 'organiser-documents-1280.png'), fullPage: true });
    await organiser.close();
  });

  async function pdfText(pdf: Buffer, name: string) {
    const file = path.join(shots, name);
    await writeFile(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const pageSize = /^Page size:\s+(.+)$/m.exec(info)![1]!;
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return { pages, pageSize, text };
  }
});

/** A real JPEG (1200 × 1600, 300 dpi) sent through the tus endpoint from inside the page. */
async function uploadPhoto(page: Page, nominationId: string, slotId: string) {
  const jpeg = await sharp({
    create: { width: 1200, height: 1600, channels: 3, background: { r: 200, g: 120, b: 90 } },
  })
    .withMetadata({ density: 300 })
    .jpeg({ quality: 95 })
    .toBuffer();
  const metadata = { nominationId, setKey: 'star', slotId, filename: `${slotId}.jpg` };
  const status = await page.evaluate(
    async ({ bytes, metadata }) => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      const tus = { 'tus-resumable': '1.0.0', 'x-csrf-token': csrfToken };
      const encoded = Object.entries(metadata)
        .map(([k, v]) => `${k} ${btoa(String.fromCharCode(...new TextEncoder().encode(v)))}`)
        .join(',');
      const created = await fetch('/api/uploads', {
        method: 'POST',
        headers: { ...tus, 'upload-length': String(bytes.length), 'upload-metadata': encoded },
      });
      if (created.status !== 201) return `POST ${created.status} ${await created.text()}`;
      const sent = await fetch(created.headers.get('location')!, {
        method: 'PATCH',
        headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(bytes),
      });
      return sent.status === 204 ? 'ok' : `PATCH ${sent.status} ${await sent.text()}`;
    },
    { bytes: [...jpeg], metadata },
  );
  expect(status).toBe('ok');
}

/** Text without the line breaks and spaces a PDF's layout puts into running text. */
const squash = (text: string) => text.replace(/\s+/g, '');

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
