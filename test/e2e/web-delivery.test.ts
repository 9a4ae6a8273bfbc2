import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '#test/support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '#test/support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';

const { available } = browserAvailability();
const dist = path.resolve('web/dist');

/**
 * What the login page does without, each by a text that is in its code and nowhere else in the build: React
 * and TanStack Query (the login page is plain HTML with a small script, decision 0020), and what only the
 * 推介表 and the admin pages need: the date picker, the table, the uploader (tus and Uppy) and the
 * traditional/simplified tables.
 */
const NOT_FOR_LOGIN = {
  React: 'react.transitional.element',
  'TanStack Query': 'refetchOnWindowFocus',
  'antd DatePicker': 'componentName:`RangePicker`',
  'antd Table': 'rc-table-internal-hook',
  'tus-js-client': 'Tus-Resumable',
  Uppy: 'this.uppy',
  opencc: 'trie_val',
};

interface Loaded {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Opens `url` in a fresh browser, as a first visit, and keeps every script it loads and every console error. */
async function firstVisit(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const pending: Promise<Loaded | null>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      pending.push(
        Promise.all([r.allHeaders(), r.text()]).then(
          ([headers, body]) => ({ url: r.url(), headers, body }),
          // The app's own scripts, when it leaves for the login page (a full page load) before their
          // bodies were read: the browser has dropped them.
          () => null,
        ),
      );
  });
  const document = await page.goto(url);
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
  return {
    page,
    document: await document!.allHeaders(),
    consoleErrors,
    scripts: (await Promise.all(pending)).filter((s): s is Loaded => s !== null),
    close: () => context.close(),
  };
}

describe.skipIf(!available)('browser: the login page loads only what it uses', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'index.html')))
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

  it('loads no React, date picker, tables, uploads or opencc, compressed and cached for a year', {
    timeout: 60_000,
  }, async () => {
    // Each marker is real: some file of this build has it.
    const built = await readdir(path.join(dist, 'assets'));
    const code = await Promise.all(
      built.filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(dist, 'assets', f), 'utf8')),
    );
    for (const marker of Object.values(NOT_FOR_LOGIN))
      expect(code.some((c) => c.includes(marker))).toBe(true);

    const visit = await firstVisit(browser, `${server.url}/login`);
    expect(visit.scripts.length).toBeGreaterThan(0);
    for (const script of visit.scripts) {
      for (const [what, marker] of Object.entries(NOT_FOR_LOGIN))
        expect(script.body.includes(marker), `${what} in ${script.url}`).toBe(false);
      // A chunk under a kilobyte has no compressed copy (web/precompress.ts): it would save nothing.
      if (Buffer.byteLength(script.body) >= 1024)
        expect(script.headers['content-encoding'], script.url).toMatch(/^(br|gzip)$/);
      expect(script.headers['cache-control'], script.url).toBe('public, max-age=31536000, immutable');
    }
    expect(visit.document['cache-control']).toBe('no-cache');
    await visit.close();
  });

  it('logs no console error on a first visit, whether to /login or to the address that leads there', {
    timeout: 60_000,
  }, async () => {
    for (const url of [`${server.url}/login`, `${server.url}/`]) {
      const visit = await firstVisit(browser, url);
      expect(new URL(visit.page.url()).pathname).toBe('/login');
      expect(visit.consoleErrors).toEqual([]);
      const icon = await visit.page.request.get(`${server.url}/favicon.ico`);
      expect(icon.status()).toBe(200);
      const declared = await visit.page.locator('link[rel="icon"]').getAttribute('href');
      expect((await visit.page.request.get(`${server.url}${declared}`)).status()).toBe(200);
      await visit.close();
    }
  });
});
