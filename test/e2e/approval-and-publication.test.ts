/**
 * Issue 13, items 4 and 5 in a browser on a phone (375 px): the approver opens 审定, sees the campaign
 * awaiting a decision with the facts and the list, approves through the confirmation that counts what
 * will happen; the organiser fills the 文号 on the 审定与公布 tab and publishes, and the notice's files
 * are offered. Screenshots in .tmp/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  launchBrowser,
  loginThroughPage,
  settledDialog,
} from '#test/support/browser.ts';
import {
  type ShortlistedCampaign,
  shortlistedCampaign,
} from '../server/modules/results/shortlisted-campaign.ts';

const { available } = browserAvailability();

describe.skipIf(!available)('browser: 审定 and 公布 on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let s: ShortlistedCampaign;

  beforeAll(async () => {
    const webDistDir = path.resolve('web/dist');
    if (!existsSync(path.join(webDistDir, 'index.html')))
      throw new Error('web/dist 不存在：请先运行 npm run build:web');
    // The 公示 period is lived through on the app's clock (a date the official calendar covers).
    t = await createTestApp({
      listen: true,
      config: { webDistDir },
      clock: manualClock('2026-11-02T10:00:00+08:00'),
    });
    s = await shortlistedCampaign(t, {
      picks: [
        { unit: 0, category: 'star' },
        { unit: 0, category: 'project' },
      ],
    });
    browser = await launchBrowser();
    await mkdir(path.resolve('.tmp'), { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the approver approves, the organiser publishes', { timeout: 180_000 }, async () => {
    const phone = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' };
    const approverPage = await (await browser.newContext(phone)).newPage();
    await loginThroughPage(
      approverPage,
      t.url,
      s.approver.username,
      s.approver.password,
      s.approver.password,
    );
    await approverPage.goto(`${t.url}/approvals`);
    await approverPage.getByRole('link', { name: s.campaign.rules.title }).click();
    await approverPage.screenshot({ path: '.tmp/approvals-375.png', fullPage: true });
    await expect.poll(() => approverPage.getByText('待审定').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(approverPage, '待审定的名单');
    await approverPage.getByRole('button', { name: '审定通过' }).click();
    const dialog = await settledDialog(approverPage);
    await expect.poll(() => dialog.textContent()).toContain('名单上的 2 项推介');
    await approverPage.screenshot({ path: '.tmp/approval-375.png', fullPage: true });
    await expectNoSeriousA11yViolations(approverPage, '审定（确认对话框）');
    await dialog.getByRole('button', { name: '审定通过' }).click();
    await expect.poll(() => approverPage.getByText('已审定，2 项推介入选').count()).toBe(1);
    expect(await approverPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const organiserPage = await (await browser.newContext(phone)).newPage();
    const admin = s.campaign.organiser.admin;
    await loginThroughPage(organiserPage, t.url, admin.username, admin.password, admin.password);
    await organiserPage.goto(`${t.url}/campaigns/${s.campaign.id}?tab=results`);
    await organiserPage.getByLabel('文号').fill('吉成教协〔2023〕8号');
    const tab = organiserPage.getByRole('tabpanel', { name: '审定与公布' });
    await expect.poll(() => tab.getByRole('button', { name: '公布结果' }).count()).toBe(1);
    // One 公布结果 on the page: the header's status buttons leave 审定 and 公布 to their own screens.
    expect(await organiserPage.getByRole('button', { name: '公布结果' }).count()).toBe(1);
    await tab.getByRole('button', { name: '公布结果' }).click();
    const confirm = await settledDialog(organiserPage);
    await expect.poll(() => confirm.textContent()).toContain('将 2 项记入往届入选名单');
    await confirm.getByRole('button', { name: '公布结果' }).click();
    await expect
      .poll(() => tab.getByRole('button', { name: '下载通知（Word）' }).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    await expect.poll(() => tab.getByRole('button', { name: '下载通知（PDF）' }).count()).toBe(1);
    expect(await organiserPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await organiserPage.screenshot({ path: '.tmp/publication-375.png', fullPage: true });
    await organiserPage.setViewportSize({ width: 1280, height: 900 });
    await organiserPage.screenshot({ path: '.tmp/publication-1280.png', fullPage: true });
    await expectNoSeriousA11yViolations(organiserPage, '审定与公布（已公布）');
  });
});
