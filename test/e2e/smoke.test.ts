import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { browserAvailability, expectResponses, launchBrowser } from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * The first journey of every newcomer, in a real browser against the real server started as
 * `tuijie serve --demo` on an empty database given by DATABASE_URL: it migrates, seeds, prints the
 * demo passwords; the organiser logs in, must change the password, opens the organisations, logs out.
 */
describe.skipIf(!available)('browser smoke journey', () => {
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

  it('prints the URL and a one-time password for each demo account', () => {
    expect(server.output()).toContain(`推介平台已启动：${server.url}`);
    expect([...server.passwords.keys()]).toEqual([
      'admin',
      'cace-admin',
      'jilin-admin',
      'changchun',
      'expert',
      'approver',
      // The other experts of the review demo (seed/demo-review.ts).
      'expert2',
      'expert3',
      'expert4',
      'expert5',
      'expert6',
    ]);
  });

  it('logs the demo organiser in, forces a new password, shows the organisations and logs out', {
    timeout: 90_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    // The wrong password below is refused on purpose.
    expectResponses(page, { method: 'POST', path: '/api/auth/login', status: 401 });
    await page.goto(`${server.url}/organisations`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor();
    await expectNoSeriousA11yViolations(page, '登录');
    await page.getByLabel('用户名').fill('cace-admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, '登录（密码错误）');

    await page.getByLabel('密码').fill(server.passwords.get('cace-admin')!);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/account\/password/);
    await page.getByLabel('当前密码').waitFor();
    await expectNoSeriousA11yViolations(page, '首次登录修改密码');
    await page.getByLabel('当前密码').fill(server.passwords.get('cace-admin')!);
    await page.getByLabel('新密码', { exact: true }).fill('Learning2026Stars');
    await page.getByLabel('确认新密码').fill('Learning2026Stars');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(
      (url) => !url.pathname.startsWith('/account/password') && !url.pathname.startsWith('/login'),
    );

    await page.goto(`${server.url}/organisations`);
    await expect.poll(() => page.getByText('吉林省教育厅').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.resolve('.tmp', 'e2e-organisations.png') });
    await expectNoSeriousA11yViolations(page, '单位管理');

    await page
      .getByRole('button', { name: /退出|账号菜单/ })
      .first()
      .click();
    const logout = page.getByText('退出登录');
    if (await logout.count()) await logout.first().click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
    await page.close();
  });

  it('fits the login page in a 375 px wide phone screen', async () => {
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
      deviceScaleFactor: 2,
    });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.resolve('.tmp', 'e2e-login-375.png') });
    await page.close();
  });
});
