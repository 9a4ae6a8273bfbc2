import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { launchBrowser, loginThroughPage } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { writeFileSync } from 'node:fs';

describe('explore', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });
  const report: string[] = [];
  const seen = new Set<string>();
  async function scan(page: Page, label: string) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 850 });
      await page.waitForTimeout(700);
      const found = await seriousA11yViolations(page);
      for (const v of found) {
        const key = `${v.id}|${label.replace(/[0-9a-f-]{36}/g, ':id')}|${width}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report.push(`${label} @${width} [${v.impact}] ${v.id} (${v.nodes.length})\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')} — ${n.summary}`).join('\n')}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 850 });
    writeFileSync('.tmp/a11y-explore.txt', report.join('\n'));
  }
  const pattern = (u: string) => new URL(u).pathname.replace(/[0-9a-f-]{36}/g, ':id').replace(/\/\d+/g, '/:n');
  for (const user of (process.env.A11Y_USERS ?? 'cace-admin,jilin-admin,changchun,expert,approver,admin').split(',')) {
    it(`crawls as ${user}`, { timeout: 900_000 }, async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 850 } });
      const page = await context.newPage();
      if (user === 'cace-admin') {
        await page.goto(`${server.url}/login`);
        await page.getByLabel('用户名').waitFor();
        await scan(page, '/login');
      }
      await loginThroughPage(page, server.url, user, server.passwords.get(user)!, 'Explore2026Stars!');
      const queue = ['/', '/campaigns', '/organisations', '/accounts', '/accounts/import', '/audit', '/calendar', '/winners', '/reviews', '/approvals', '/notifications', '/account/sessions', '/objection-explanations'].map((p) => `${server.url}${p}`);
      const visited = new Set<string>();
      let count = 0;
      while (queue.length > 0 && count < 22) {
        const url = queue.shift()!;
        if (visited.has(pattern(url))) continue;
        visited.add(pattern(url));
        count++;
        await page.goto(url);
        await page.waitForLoadState('networkidle').catch(() => {});
        await page.waitForTimeout(800);
        await scan(page, `${user} ${new URL(url).pathname}`);
        const tabs = await page.getByRole('tab').all();
        for (const [i, tab] of tabs.entries()) {
          if (i === 0 || i > 12) continue;
          if (!(await tab.isVisible())) continue;
          const name = (await tab.textContent()) ?? String(i);
          await tab.click().catch(() => {});
          await page.waitForLoadState('networkidle').catch(() => {});
          await page.waitForTimeout(600);
          await scan(page, `${user} ${new URL(url).pathname}#${name}`);
        }
        const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
        for (const h of hrefs) {
          if (!h.startsWith(server.url) || h.includes('/api/') || h.includes('/print') || h.includes('logout')) continue;
          if (h.includes('/public') || h.includes('/gongshi')) continue;
          if (!visited.has(pattern(h))) queue.push(h);
        }
      }
      report.push(`## ${user} visited: ${[...visited].join(', ')}`);
      writeFileSync('.tmp/a11y-explore.txt', report.join('\n'));
      await context.close();
    });
    it(`server still up after ${user}`, () => { report.push(server.output().slice(-2000)); });
  }
});
