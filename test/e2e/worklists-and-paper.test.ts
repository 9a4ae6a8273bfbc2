import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryPdf } from '#server/seed/demo-files.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import { browserAvailability, launchBrowser, loginThroughPage, settledDialog } from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * The home pages' to-do lists, the formal check in sequence and in bulk, and the paper copies, in
 * Chromium against the real server with the demo data: the clerk of 长春市教育局 sees what was returned
 * with the reason and the paper still to post, posts it with a scan; the Jilin organiser starts the
 * formal check from its home page, goes on with 下一条, accepts the rest at once, and signs for the
 * parcel. Both at 1280 and 375 px, with no failed request and no page error along the way.
 */
describe.skipIf(!available)('browser journey: work lists, the formal check and the paper copies', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tuijie-paper-'));
  const scan = path.join(folder, '盖章推介表.pdf');

  beforeAll(async () => {
    writeFileSync(scan, summaryPdf());
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.resolve('.tmp', `e2e-worklist-${name}.png`), fullPage: true });
    await expectNoSeriousA11yViolations(page, name);
  };

  async function open(width: number, username: string, password: string, newPassword: string) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${username}: page error ${error.message}`));
    await loginThroughPage(page, server.url, username, password, newPassword);
    // From here on every call must succeed (the login page's own "who am I" answers 401 by design).
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${username}: ${response.status()} ${response.url()}`);
    });
    return page;
  }

  it('walks both homes, the formal check and the paper at 1280 and 375 px', {
    timeout: 240_000,
  }, async () => {
    let u: Page | undefined;
    let o: Page | undefined;
    try {
      u = await open(1280, 'changchun', server.passwords.get('changchun')!, 'UnitLearning2026');
      o = await open(1280, 'jilin-admin', server.passwords.get('jilin-admin')!, 'Organiser2026ok');
      await journey(u, o);
    } catch (e) {
      if (u) await shot(u, 'failure-unit').catch(() => {});
      if (o) await shot(o, 'failure-organiser').catch(() => {});
      console.error(server.output().slice(-3000));
      throw e;
    }
    expect(problems).toEqual([]);
  });

  async function journey(u: Page, o: Page) {
    // The clerk's home: the returned nomination with the organiser's reason, and the paper to post.
    await u.goto(server.url);
    await expect.poll(() => u.getByText('本单位待办').count()).toBe(1);
    await expect.poll(() => u.getByText('退回待修改（1）').count()).toBe(1);
    await expect.poll(() => u.getByText(/退回原因：主要事迹过于简略/).count()).toBe(1);
    await expect.poll(() => u.getByText('盖章纸质材料尚未登记寄送').count()).toBe(1);
    await shot(u, 'unit-home-1280');

    // The paper: what to post, whom to call, the dispatch and the scan.
    await u.getByText('盖章纸质材料尚未登记寄送').locator('xpath=..').getByRole('link').click();
    await u.waitForURL(/tab=paper/);
    await expect.poll(() => u.getByText(/《百姓学习之星推介表》，一式 3 份，加盖公章/).count()).toBe(1);
    await expect.poll(() => u.getByText(/尚鹤龄/).count()).toBeGreaterThan(0);
    await u.getByLabel('快递公司').fill('中国邮政EMS');
    await u.getByLabel('快递单号').fill('EA123456789CN');
    await u.getByRole('button', { name: '登记寄送' }).click();
    await expect.poll(() => u.getByText('已寄出，待签收').count()).toBeGreaterThan(0);
    await u.locator('input[type=file]').setInputFiles(scan);
    await expect.poll(() => u.getByRole('link', { name: '盖章推介表.pdf' }).count()).toBe(1);
    await u.getByText('联系方式').first().click();
    await expect.poll(() => u.getByText(/0431-88905322/).count()).toBeGreaterThan(0);
    await shot(u, 'unit-paper-1280');

    // The organiser's home: what waits for the formal check; it starts there and goes on with 下一条.
    await o.goto(server.url);
    await expect.poll(() => o.getByText('组织工作待办').count()).toBe(1);
    await expect.poll(() => o.getByText('待形式审查 2 条').count()).toBe(1);
    await expect.poll(() => o.getByText('待签收 1').count()).toBe(1);
    await shot(o, 'organiser-home-1280');
    await o.getByRole('button', { name: '开始审查' }).click();
    await o.waitForURL(/\/nominations\//);
    const first = o.url();
    await expect.poll(() => o.getByText(/另有 1 条待审查/).count()).toBe(1);
    await expect.poll(() => o.getByText(/联系方式/).count()).toBeGreaterThan(0);
    await shot(o, 'organiser-check-1280');
    await o.getByRole('button', { name: /下一条：/ }).click();
    await expect.poll(() => o.url()).not.toBe(first);

    // Back in the list: both still waiting are ticked and accepted at once.
    const campaignPath = await o.getByRole('link', { name: '返回活动详情' }).getAttribute('href');
    await o.goto(`${server.url}${campaignPath?.replace(/\?.*$/, '')}?tab=overview`);
    await o.getByRole('button', { name: '只看待形式审查' }).click();
    await expect.poll(() => o.getByRole('checkbox', { name: /^选择“/ }).count()).toBe(2);
    for (const box of await o.getByRole('checkbox', { name: /^选择“/ }).all()) await box.check();
    await o.getByRole('button', { name: '通过所选（2）' }).click();
    await (await settledDialog(o)).getByRole('button', { name: /^通\s*过$/ }).click();
    await expect.poll(() => o.getByText('已通过形式审查 2 条').count()).toBe(1);
    await shot(o, 'organiser-bulk-1280');

    // The parcel arrives one copy short.
    await o.goto(`${server.url}${campaignPath?.replace(/\?.*$/, '')}?tab=paper`);
    await expect.poll(() => o.getByText('盖章推介表.pdf').count()).toBe(1);
    await o.getByRole('button', { name: '登记签收' }).first().click();
    const receipt = await settledDialog(o);
    await receipt.getByLabel(/收到的份数/).fill('2');
    await receipt.getByRole('button', { name: '登记签收' }).click();
    await expect.poll(() => o.getByText('份数不足：收到 2 份，应为一式 3 份').count()).toBe(1);
    await shot(o, 'organiser-paper-1280');

    // Phones: the same pages at 375 px.
    const up = await open(375, 'changchun', 'UnitLearning2026', 'UnitLearning2026');
    await up.goto(server.url);
    await expect.poll(() => up.getByText(/需补寄：份数不足/).count()).toBe(1);
    await shot(up, 'unit-home-375');
    await up.goto(`${server.url}${campaignPath?.replace(/\?.*$/, '')}?tab=paper`);
    await expect.poll(() => up.getByRole('button', { name: /^补\s*寄$/ }).count()).toBe(1);
    await shot(up, 'unit-paper-375');
    const op = await open(375, 'jilin-admin', 'Organiser2026ok', 'Organiser2026ok');
    await op.goto(server.url);
    await expect.poll(() => op.getByText('组织工作待办').count()).toBe(1);
    await shot(op, 'organiser-home-375');
    await op.goto(`${server.url}${campaignPath?.replace(/\?.*$/, '')}?tab=paper`);
    await expect.poll(() => op.getByText('已签收，需补寄').count()).toBeGreaterThan(0);
    await shot(op, 'organiser-paper-375');
    await op.goto(`${server.url}${campaignPath?.replace(/\?.*$/, '')}?tab=overview`);
    await expect.poll(() => op.getByText('推介列表').count()).toBe(1);
    await shot(op, 'organiser-overview-375');
    await op.goto(first);
    await expect.poll(() => op.getByText('形式审查：本活动已没有待审查的推介。').count()).toBe(1);
    await expect.poll(() => op.getByText(/尚鹤龄/).count()).toBeGreaterThan(0);
    await shot(op, 'organiser-nomination-375');
  }
});
