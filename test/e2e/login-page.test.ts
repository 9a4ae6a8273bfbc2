import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The login page is a page of its own without React (decision 0020): what the app's login route did, it
 * does with a full page load: back to where the visitor was going (same-site only), the password change
 * first, the Chinese messages of a wrong password, a held-back account and an empty field, and nothing to
 * do for someone already signed in.
 */
describe.skipIf(!available)('browser: the login page', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const password = 'LoginPage2026a';

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/login.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    // The one-time password changed once, so the sign-ins below land where they were going.
    const page = await browser.newPage();
    await loginThroughPage(page, server.url, 'jilin-admin', server.passwords.get('jilin-admin')!, password);
    await page.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const alertText = async (page: Page) => (await page.getByRole('alert').textContent())?.trim();

  async function signIn(page: Page, username: string, secret: string) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(secret);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('returns to the page the visitor was going to, and goes to / for an address elsewhere', {
    timeout: 90_000,
  }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/organisations?tab=1`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/organisations?tab=1');
    await signIn(page, 'jilin-admin', password);
    await page.waitForURL((url) => url.pathname === '/organisations' && url.search === '?tab=1');
    await expect.poll(() => page.getByText('吉林省教育厅').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Signed in already: the login page has nothing to do.
    await page.goto(`${server.url}/login`);
    await page.waitForURL((url) => url.pathname === '/');
    await context.close();

    for (const next of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/']) {
      const fresh = await browser.newContext({ locale: 'zh-CN' });
      const other = await fresh.newPage();
      await other.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
      await signIn(other, 'jilin-admin', password);
      await other.waitForURL((url) => url.pathname === '/');
      expect(new URL(other.url()).origin).toBe(server.url);
      await fresh.close();
    }
  });

  it('asks for an empty field without sending anything, then says a wrong password and a held-back account in Chinese', {
    timeout: 90_000,
  }, async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 375, height: 740 } });
    // The wrong passwords and the held-back try below are refused on purpose.
    expectResponses(
      page,
      { method: 'POST', path: '/api/auth/login', status: 401 },
      { method: 'POST', path: '/api/auth/login', status: 429 },
    );
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/login')) sent.push(r.method());
    });
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('请输入用户名').count()).toBe(1);
    expect(await page.getByText('请输入密码').count()).toBe(1);
    expect(await page.getByLabel('用户名').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, '登录（未填写）');
    expect(sent).toEqual([]);
    await page.getByLabel('用户名').fill('changchun');
    expect(await page.getByText('请输入用户名').count()).toBe(0);

    for (let i = 0; i < 3; i++) {
      await page.getByLabel('密码').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await expect.poll(() => alertText(page)).toBe('用户名或密码错误');
    }
    await page.getByLabel('密码').fill('wrong-password-3');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => alertText(page)).toMatch(/^登录失败次数过多，请 .+后再试/);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(sent).toEqual(['POST', 'POST', 'POST', 'POST']);
    await page.close();
  });

  it('says 已退出登录 after signing out from the app, even with a request of the page answered after it', {
    timeout: 90_000,
  }, async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    // Once in CI the home page's 待办 list, still on its way at the sign-out, was answered 401 after it:
    // the app took that for a lost session and went to the login page without 已退出登录. Here it is held
    // until the sign-out has been answered, then sent.
    let signedOut: () => void = () => {};
    const afterSignOut = new Promise<void>((resolve) => (signedOut = resolve));
    await page.route('**/api/worklist', async (route) => {
      await afterSignOut;
      await route.continue();
    });
    await page.route('**/api/auth/logout', async (route) => {
      await route.fulfill({ response: await route.fetch() });
      signedOut();
    });
    expectResponses(page, { method: 'GET', path: '/api/worklist', status: 401 });
    await page.goto(`${server.url}/login`);
    await signIn(page, 'jilin-admin', password);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '?signedOut=1');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已退出登录');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(new URL(page.url()).search, '一个在退出后才得到回答的请求不应再把页面带走').toBe('?signedOut=1');
    await expectNoSeriousA11yViolations(page, '登录（已退出）');
    await page.close();
  });
});
