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
 * The bell (issue 12, item 9): the demo expert, told of the 初评 assignment by the demo seed, sees the
 * unread count in the header on a phone and on a wide screen; opening the message marks it read and goes
 * to its page. The login page never asks for messages.
 */
describe.skipIf(!available)('browser: the bell', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let password = '';

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    password = server.passwords.get('expert')!;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('on a phone: the count in the header, the list page, a message opened and read', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/notifications'))
        asked.push(new URL(page.url()).pathname);
    });
    await page.goto(`${server.url}/login`);
    await page.waitForTimeout(500);
    expect(asked).toEqual([]);
    await loginThroughPage(page, server.url, 'expert', password, 'ReviewBell2026');
    password = 'ReviewBell2026';
    const bell = page.getByRole('button', { name: '消息，1 条未读' });
    await expect.poll(() => bell.count(), { timeout: 15_000 }).toBe(1);
    expect(asked.filter((p) => p.startsWith('/login') || p.startsWith('/account/password'))).toEqual([]);
    await bell.click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await expect.poll(() => page.getByText('1 条未读。').count()).toBe(1);
    const message = page.getByRole('listitem', { name: /^未读：您有 \d+ 项初评任务$/ });
    await expect.poll(() => message.count()).toBe(1);
    expect(await page.getByText(/初评已开始，分配给您 \d+ 项推介/).count()).toBe(1);
    // Nothing sticks out of a 375-pixel screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page, '消息列表');
    await message.click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await expect.poll(() => page.getByRole('button', { name: '消息', exact: true }).count()).toBe(1);
    await context.close();
  });

  it('on a wide screen: the latest messages in a panel from the bell, and the list once all are read', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await loginThroughPage(page, server.url, 'expert', password, password);
    const bell = page.getByRole('button', { name: '消息', exact: true });
    await expect.poll(() => bell.count(), { timeout: 15_000 }).toBe(1);
    await bell.click();
    await expect.poll(() => page.getByRole('listitem', { name: /^您有 \d+ 项初评任务$/ }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page, '消息面板');
    await page.getByRole('link', { name: '查看全部' }).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await expect.poll(() => page.getByText('没有未读消息。').count()).toBe(1);
    expect(await page.getByRole('button', { name: '全部标为已读' }).isDisabled()).toBe(true);
    await context.close();
  });
});
