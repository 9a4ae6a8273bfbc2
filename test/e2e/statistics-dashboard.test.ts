import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { browserAvailability, launchBrowser, loginThroughPage, pageApi } from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * Issue 14, items 3 and 4 in a browser: the Jilin organiser opens 统计分析 on the demo's round, filters to
 * 吉林省, reads a chart's table, exports the Excel (its figures are the page's) and makes the yearly
 * report as Word, whose PDF reads as the report; at 1280 and 375 px, with the accessibility check.
 */
describe.skipIf(!available)('browser: the statistics dashboards', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const shots = path.resolve('.tmp');

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    await mkdir(shots, { recursive: true });
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await loginThroughPage(
      page,
      server.url,
      'jilin-admin',
      server.passwords.get('jilin-admin')!,
      'JilinStats2026',
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('opens the dashboards, filters to 吉林省 and shows each chart with its table', {
    timeout: 120_000,
  }, async () => {
    await page.goto(`${server.url}/statistics`);
    await page.getByRole('heading', { name: '统计分析' }).waitFor();
    await page.getByLabel('省份').click();
    await page.keyboard.type('吉林');
    await page.getByTitle('吉林省', { exact: true }).click();
    const table = page.getByRole('table', { name: '各省（区、市）推介与入选情况' });
    await table.getByRole('cell', { name: '吉林省' }).waitFor();
    const api = await pageApi(page, 'GET', `/api/statistics?year=${new Date().getFullYear()}&province=22`);
    const jilin = api.charts.find((c: { key: string }) => c.key === 'province').rows[0];
    expect(jilin.label).toBe('吉林省');
    expect(jilin.values[0]).toBeGreaterThan(0);
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: '吉林省' }).getByRole('cell').allTextContents())
      .toEqual(['吉林省', ...jilin.values.map(String)]);
    await page.screenshot({ path: path.join(shots, 'e2e-statistics-1280.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page, '统计分析');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: path.join(shots, 'e2e-statistics-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('exports the Excel with the page’s figures', { timeout: 60_000 }, async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/吉林省推介工作统计\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('各省（区、市）推介与入选情况')!;
    const api = await pageApi(page, 'GET', `/api/statistics?year=${new Date().getFullYear()}&province=22`);
    const jilin = api.charts.find((c: { key: string }) => c.key === 'province').rows[0];
    expect(sheet.getRow(3).values).toEqual([undefined, '吉林省', ...jilin.values]);
  });

  it('makes the yearly report as Word, which reads as the report in PDF', { timeout: 180_000 }, async () => {
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: /生成年度报告/ }).click();
    await page.getByRole('status').filter({ hasText: '正在生成报告' }).waitFor();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/统计报告\.docx$/);
    if (!findSoffice()) return;
    const pdf = await convertToPdf(await readFile((await file.path())!), 'report.docx');
    const pdfPath = path.join(shots, 'e2e-statistics-report.pdf');
    await writeFile(pdfPath, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', [pdfPath, '-']);
    const text = stdout.replace(/\s/g, '');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('各省（区、市）推介与入选情况');
    expect(text).toContain('三、入选名单');
  });
});
