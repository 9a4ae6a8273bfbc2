import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '#core/calendar/today.ts';
import { demoActivityPhoto } from '#server/seed/demo-activities.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  expectResponses,
  launchBrowser,
  loginThroughPage,
} from '#test/support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '#test/support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';

const { available } = browserAvailability();

/**
 * 宣传推介活动 in Chromium against the real server with the demo data: the clerk of 长春市教育局 opens the
 * published winner 周玉梅, records a 进社区 reading session held today with two photos, sees it in the
 * winner's list and on the month's calendar, and a text file renamed .jpg is refused in Chinese with
 * nothing added; every page checked with axe at 1280 and 375 px, and readable at 375 px.
 */
describe.skipIf(!available)('browser journey: a unit records a 进社区 activity with photos', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.resolve('.tmp', `e2e-activities-${name}.png`), fullPage: true });

  it('records, lists and shows it on the calendar; refuses a photo that is not one', {
    timeout: 300_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginThroughPage(
      page,
      server.url,
      'changchun',
      server.passwords.get('changchun')!,
      'UnitLearning2026',
    );
    try {
      await page.getByRole('menuitem', { name: '宣传推介活动' }).first().click();
      await page.waitForURL((url) => url.pathname === '/activities');
      await expect.poll(() => page.getByRole('link', { name: '周玉梅' }).count()).toBe(1);
      await shot(page, '1-winners-1280');
      await expectNoSeriousA11yViolations(page, '宣传推介活动（推介对象）');

      await page.getByRole('link', { name: '周玉梅' }).click();
      await expect.poll(() => page.getByRole('heading', { name: '周玉梅的宣传活动' }).count()).toBe(1);
      const nominationId = new URL(page.url()).pathname.split('/').at(-1)!;
      // The demo's own two activities of hers are listed.
      await expect.poll(() => page.getByText('已登记的活动（2）').count()).toBe(1);
      await page.getByRole('button', { name: '登记宣传活动' }).click();

      const today = todayInShanghai(new Date());
      const [year, month, day] = today.split('-').map(Number) as [number, number, number];
      await expect.poll(() => page.getByText('进社区').count()).toBeGreaterThan(0);
      await page.getByLabel('活动形式').fill('阅读分享会');
      await page.getByLabel('活动形式').press('Escape');
      const date = page.getByLabel('活动日期');
      await date.click();
      await date.fill(`${year}年${month}月${day}日`);
      await date.press('Enter');
      await page.getByLabel('活动地点').fill('长春市朝阳区桂林街道社区学校');
      await page.getByLabel('主办单位').fill('长春市教育局');
      await page.getByLabel('参与人数（人次）').fill('95');
      await page.getByLabel('活动简报').fill('周玉梅走进社区学校，与居民分享坚持学习声乐与摄影的经历。');
      const [first, second] = await Promise.all([demoActivityPhoto(30), demoActivityPhoto(200)]);
      await page.locator('form input[type=file]').setInputFiles([
        { name: '分享会现场.jpg', mimeType: 'image/jpeg', buffer: first },
        { name: '居民合影.jpg', mimeType: 'image/jpeg', buffer: second },
      ]);
      await expect.poll(() => page.getByText('居民合影.jpg').count()).toBeGreaterThan(0);
      await shot(page, '2-form-1280');
      await expectNoSeriousA11yViolations(page, '登记宣传活动');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await expect.poll(() => page.getByText('宣传活动已保存').count()).toBe(1);
      await expect.poll(() => page.getByText('已登记的活动（3）').count()).toBe(1);
      const title = `${year}年${month}月${day}日 阅读分享会`;
      const card = page.locator('.ant-card').filter({ hasText: title });
      await expect.poll(() => card.getByRole('img', { name: /活动照片/ }).count()).toBe(2);
      await shot(page, '3-recorded-1280');

      // A text file renamed .jpg: refused in Chinese, still two photos.
      expectResponses(page, { method: 'POST', path: /^\/api\/activities\/[^/]+\/photos$/, status: 415 });
      await card.locator('input[type=file]').setInputFiles({
        name: '活动照片.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('这是一段文字，不是照片。\n'),
      });
      await expect.poll(() => page.getByText(/活动照片应为 JPEG 或 PNG 图片/).count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await card.getByRole('img', { name: /活动照片/ }).count()).toBe(2);
      await shot(page, '4-refused-1280');

      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await expect.poll(() => page.getByText('已登记的活动（3）').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, '5-winner-375');

      // The calendar: this month, today counted, the day's activity listed.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/activities`);
      await page.getByText('活动日历').click();
      const cell = page.getByRole('button', { name: new RegExp(`^${month}月\\s*${day}\\s*日\\s*1次活动$`) });
      await cell.click();
      await expect.poll(() => page.getByText(`${month}月${day}日的活动（1）`).count()).toBe(1);
      await expect.poll(() => page.getByText(title).count()).toBe(1);
      await shot(page, '6-calendar-1280');
      await expectNoSeriousA11yViolations(page, '宣传推介活动（活动日历）');
      await page.setViewportSize({ width: 375, height: 800 });
      await expect.poll(() => page.getByText(title).count()).toBe(1);
      // The calendar takes its phone layout once antd's breakpoint listener has run after the resize.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(375);
      await shot(page, '7-calendar-375');

      // The winner's own nomination page leads to the same 宣传活动 page.
      await page.goto(`${server.url}/nominations/${nominationId}`);
      await page.getByRole('link', { name: '登记和查看“五进”宣传活动' }).click();
      await expect.poll(() => page.getByText('已登记的活动（3）').count()).toBe(1);
    } catch (e) {
      await shot(page, 'failure').catch(() => {});
      console.error(server.output().slice(-3000));
      throw e;
    }
  });
});
