import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  chooseOption,
  launchBrowser,
  loginThroughPage,
  pageApi,
  settledDialog,
} from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { idNumber } from '../support/nominations.ts';
import { winnerSheet } from '../support/registry.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * Issue 10, items 7 and 8 in a browser: the Jilin organiser imports its provincial list (a file without
 * years, the year chosen in the dialog), corrects a record and deletes another, on a wide screen and a
 * phone; a unit typing the 身份证号 of a listed winner sees the registry's answer appear while typing,
 * without reloading, and it names no one.
 */
describe.skipIf(!available)('browser: the registry of previous winners', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    jilinPassword = server.passwords.get('jilin-admin')!;
    await mkdir(path.resolve('.tmp'), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  let jilinPassword = '';
  /** The Jilin list the unit's nominee is on, imported through the API when the first test did not. */
  async function ensureJilinList() {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await loginThroughPage(page, server.url, 'jilin-admin', jilinPassword, 'JilinOrganiser2026');
    jilinPassword = 'JilinOrganiser2026';
    const listed = await pageApi(page, 'GET', `/api/previous-winners?q=${idNumber(811)}`);
    if (listed.total === 0) {
      const sheet = await winnerSheet([
        [2025, '省级', '百姓学习之星', '白玉兰', '吉林省', '四平市某社区', idNumber(811), ''],
      ]);
      await page.evaluate(
        async (bytes) => {
          const { csrfToken } = await (await fetch('/api/auth/me')).json();
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bytes)]), '名单.xlsx');
          const response = await fetch('/api/previous-winners/import', {
            method: 'POST',
            headers: { 'x-csrf-token': csrfToken },
            body: form,
          });
          if (!response.ok) throw new Error(await response.text());
        },
        [...sheet],
      );
    }
    await context.close();
  }

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.resolve('.tmp', `e2e-winners-${name}.png`), fullPage: true });
    await expectNoSeriousA11yViolations(page, name);
  };

  it('the organiser imports, corrects and deletes records, at 1280 and 375 px', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughPage(page, server.url, 'jilin-admin', jilinPassword, 'JilinOrganiser2026');
      jilinPassword = 'JilinOrganiser2026';
      await page.goto(`${server.url}/winners`);
      // The demo's published rounds (seed/demo-decision.ts, demo-showcase.ts) entered their winners on
      // publication: as many as the registry holds for Jilin, the four of Jilin's own 2025 round among them.
      const { total: demo } = await pageApi(page, 'GET', '/api/previous-winners');
      expect(demo).toBeGreaterThanOrEqual(4);
      await expect.poll(() => page.getByText(`共 ${demo} 条`).count()).toBe(1);
      await expect.poll(() => page.getByRole('row').filter({ hasText: '周玉梅' }).count()).toBe(1);

      await page.getByRole('button', { name: /导入名单/ }).click();
      const dialog = await settledDialog(page);
      await chooseOption(page, dialog.getByLabel('名单年度'), '2025年');
      const sheet = await winnerSheet(
        [
          ['省级', '百姓学习之星', '白玉兰（退休）', '吉林省', '四平市某社区', idNumber(811)],
          ['省级', '百姓学习之星', '贺强', '吉林省', '通化市某街道', ''],
          ['省级', '终身学习品牌项目', '“乐龄学堂”', '吉林省', '延吉市社区学院', ''],
        ],
        ['级别', '类别', '姓名/项目名称', '省份或单位', '工作单位或实施主体', '身份证号'],
      );
      await dialog.locator('input[type=file]').setInputFiles({
        name: '2025年吉林省名单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: sheet,
      });
      await dialog.getByRole('button', { name: '开始导入' }).click();
      await expect.poll(() => dialog.getByText('导入完成：新增 3 条').count()).toBeGreaterThan(0);
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await expect.poll(() => page.getByText(`共 ${demo + 3} 条`).count()).toBe(1);
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await shot(page, '1280-list');

      // Correct 贺强's workplace.
      const row = page.getByRole('row').filter({ hasText: '贺强' });
      await row.getByRole('button', { name: /修\s*改/ }).click();
      const edit = page.getByRole('dialog', { name: '修改往届入选记录' });
      await edit.getByLabel('工作单位').fill('通化市东昌区某街道');
      await shot(page, '1280-edit');
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(() => page.getByRole('row').filter({ hasText: '通化市东昌区某街道' }).count())
        .toBe(1);

      // Delete the programme.
      await page
        .getByRole('row')
        .filter({ hasText: '乐龄学堂' })
        .getByRole('button', { name: /删\s*除/ })
        .click();
      await page
        .getByRole('button', { name: /^删\s*除$/ })
        .last()
        .click();
      await expect.poll(() => page.getByText(`共 ${demo + 2} 条`).count()).toBe(1);

      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await expect.poll(() => page.getByText('白玉兰（退休）').count()).toBeGreaterThan(0);
      await shot(page, '375-list');
      // On a phone, the card keeps its buttons within reach.
      await expect(
        page
          .getByRole('button', { name: /修\s*改/ })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await page.getByRole('button', { name: /导\s*入/ }).click();
      await expect.poll(() => page.getByRole('dialog').getByText('名单年度').count()).toBe(1);
      await page.waitForTimeout(500); // the dialog's opening animation
      await shot(page, '375-import');
      await page.keyboard.press('Escape');
      await page
        .getByRole('button', { name: /修\s*改/ })
        .first()
        .click();
      await expect.poll(() => page.getByRole('dialog', { name: '修改往届入选记录' }).count()).toBe(1);
      await shot(page, '375-edit');
    } catch (error) {
      await shot(page, 'failure-organiser');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('a unit sees the registry answer while typing an ID number, without reloading', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await ensureJilinList();
      await loginThroughPage(
        page,
        server.url,
        'changchun',
        server.passwords.get('changchun')!,
        'UnitLearning2026',
      );
      const campaigns = await pageApi(page, 'GET', '/api/campaigns');
      const jilin = campaigns.items.find(
        (c: { organiserName: string; status: string }) =>
          c.organiserName === '吉林省教育厅' && c.status === 'open',
      );
      const { nomination } = await pageApi(page, 'POST', '/api/nominations', {
        campaignId: jilin.id,
        category: 'star',
      });
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/registry-findings')) asked.push(request.postData() ?? '');
      });
      await page.goto(`${server.url}/nominations/${nomination.id}`);
      await page.getByLabel('姓名', { exact: true }).fill('白某');
      await page.getByLabel('身份证号').fill(idNumber(811));
      await expect
        .poll(() => page.getByText('该人员已获评“百姓学习之星”').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(asked.length).toBeGreaterThan(0);
      expect(await page.getByText('白玉兰').count()).toBe(0);
      await shot(page, '1280-unit-typing');

      // Typing another number clears it again.
      await page.getByLabel('身份证号').fill(idNumber(812));
      await expect
        .poll(() => page.getByText('该人员已获评“百姓学习之星”').count(), { timeout: 10_000 })
        .toBe(0);
    } catch (error) {
      await shot(page, 'failure-unit');
      throw error;
    } finally {
      await context.close();
    }
  });
});
