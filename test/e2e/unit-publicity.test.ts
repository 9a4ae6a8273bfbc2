import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import { browserAvailability, launchBrowser, loginThroughPage, pageApi } from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * 本单位公示情况 in Chromium against the real server with the demo data, on a phone (375 px): the clerk of
 * 长春市教育局 records the 公示 it posted over National Day 2026, sees the working days counted as it types
 * (too short until the 调休 Saturday, holidays named), saves it; the Jilin organiser then sees it in the
 * formal check of one of the unit's nominations.
 */
describe.skipIf(!available)('browser journey: a unit’s own 公示 and the formal check', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.resolve('.tmp', `e2e-publicity-${name}.png`), fullPage: true });
    await expectNoSeriousA11yViolations(page, name);
  };

  async function open(width: number, username: string, newPassword: string) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${username}: page error ${error.message}`));
    await loginThroughPage(page, server.url, username, server.passwords.get(username)!, newPassword);
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${username}: ${response.status()} ${response.url()}`);
    });
    return page;
  }

  async function pickDay(page: Page, label: string, day: string) {
    const input = page.getByLabel(label);
    await input.click();
    await input.fill(day);
    await input.press('Tab');
  }

  it('records the unit’s 公示 at 375 px and shows it in the organiser’s check', {
    timeout: 240_000,
  }, async () => {
    const u = await open(375, 'changchun', 'UnitLearning2026');
    try {
      const { items } = await pageApi(u, 'GET', '/api/campaigns');
      const campaign = items.find((c: { organiserName: string }) => c.organiserName === '吉林省教育厅');
      await u.goto(`${server.url}/campaigns/${campaign.id}`);
      await expect.poll(() => u.getByText('本单位公示情况').count()).toBe(1);
      await u.getByRole('button', { name: '登记公示情况' }).click();
      await u.getByLabel('公示地点').fill('长春市教育局官网“通知公告”栏目');
      await u.getByLabel(/公示网页链接/).fill('https://jyj.changchun.gov.cn/tzgg/202609/t20260929.html');
      await pickDay(u, '公示开始日期', '2026年9月29日');
      await pickDay(u, '公示结束日期', '2026年10月5日');
      await expect
        .poll(() => u.getByText(/公示期2026年9月29日至10月5日仅含2个工作日，应不少于5个工作日/).count())
        .toBe(1);
      await shot(u, 'unit-too-short-375');
      await pickDay(u, '公示结束日期', '2026年10月10日');
      await expect
        .poll(() =>
          u.getByText('共5个工作日（10月1日至10月7日国庆节放假；10月10日（星期六）国庆节调休上班）').count(),
        )
        .toBe(1);
      await u.getByRole('button', { name: /^保\s*存$/ }).click();
      await expect.poll(() => u.getByText('2026年9月29日至10月10日').count()).toBe(1);
      const width = await u.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await shot(u, 'unit-recorded-375');

      const o = await open(1280, 'jilin-admin', 'Organiser2026ok');
      const list = await pageApi(o, 'GET', `/api/nominations?campaignId=${campaign.id}`);
      const submitted = list.items.find(
        (n: { unitName: string; state: string }) => n.unitName === '长春市教育局' && n.state !== 'draft',
      );
      await o.goto(`${server.url}/nominations/${submitted.id}`);
      await expect.poll(() => o.getByText(/报送单位.*公示/).count()).toBeGreaterThan(0);
      await expect.poll(() => o.getByText('2026年9月29日至10月10日').count()).toBe(1);
      await shot(o, 'organiser-check-1280');
    } catch (e) {
      await shot(u, 'failure').catch(() => {});
      console.error(server.output().slice(-3000));
      throw e;
    }
    expect(problems).toEqual([]);
  });
});
