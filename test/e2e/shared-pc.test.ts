import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import { browserAvailability, launchBrowser, loginThroughPage } from '#test/support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '#test/support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';

const { available } = browserAvailability();

/**
 * Officials share office PCs (issue 15, item 7). What one left in the browser (an unsaved nomination form
 * with ID numbers) is cleared when they log out, after asking, and never found by the next account that
 * logs in on the same PC; each can see where they are signed in and end the other sessions.
 */
describe.skipIf(!available)('browser: a shared office PC', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const kept = (page: import('playwright-core').Page) =>
    page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('tuijie.') && k !== 'tuijie.drafts-owner'),
    );

  it("asks before clearing unsaved edits at logout, and the next account never finds another one's", {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginThroughPage(
      page,
      server.url,
      'changchun',
      server.passwords.get('changchun')!,
      'SharedPc2026a',
    );
    // An edit that never reached the platform (the connection dropped while saving), as the form keeps it.
    await page.evaluate(() =>
      localStorage.setItem(
        'tuijie.nomination-draft.x',
        JSON.stringify({ form: { idNumber: '220102198001011234' }, version: 1, at: Date.now() }),
      ),
    );
    await page.getByRole('button', { name: '退出' }).click();
    await expect.poll(() => page.getByText('还有未保存到平台的填写内容').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, '退出前的未保存提示（对话框）');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => page.getByRole('button', { name: '仍然退出' }).count()).toBe(0);
    expect(await kept(page)).toEqual(['tuijie.nomination-draft.x']);
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '仍然退出' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await kept(page)).toEqual([]);

    // The session ran out instead (nobody logged out): the next account's login clears it.
    await loginThroughPage(page, server.url, 'changchun', 'SharedPc2026a', 'SharedPc2026a');
    await page.evaluate(() => localStorage.setItem('tuijie.review-draft.r.n', '{"content":{},"version":1}'));
    await context.clearCookies();
    await loginThroughPage(
      page,
      server.url,
      'jilin-admin',
      server.passwords.get('jilin-admin')!,
      'SharedPc2026b',
    );
    expect(await kept(page)).toEqual([]);
    await context.close();
  });

  it('lists where the account is signed in and ends the other sessions (375 px)', {
    timeout: 120_000,
  }, async () => {
    const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const officePage = await office.newPage();
    await loginThroughPage(
      officePage,
      server.url,
      'approver',
      server.passwords.get('approver')!,
      'SharedPc2026c',
    );
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      userAgent:
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
    });
    const page = await phone.newPage();
    await loginThroughPage(page, server.url, 'approver', 'SharedPc2026c', 'SharedPc2026c');
    await page.goto(`${server.url}/account/sessions`);
    await expect.poll(() => page.getByText('当前设备').count()).toBe(1);
    await expect.poll(() => page.getByText(/Chrome 浏览器，Android 手机/).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page, '登录设备');
    await page.getByRole('button', { name: '退出其他设备' }).click();
    await page.getByRole('button', { name: '退出其他设备' }).last().click();
    await expect.poll(() => page.getByText(/已退出其他 1 处登录/).count()).toBe(1);
    // The office PC's session has ended: its next page load asks for a login.
    await officePage.goto(`${server.url}/campaigns`);
    await officePage.waitForURL((url) => url.pathname === '/login');
    await office.close();
    await phone.close();
  });
});
