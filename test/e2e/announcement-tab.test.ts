/**
 * The 公示 tab on a phone (375 px): the organiser drafts the 公示 from the confirmed shortlist, reads it as
 * the public will, picks the start day and sees the end day with the holidays in the period, confirms it.
 * The status buttons' confirmation says what the move will do. Screenshots in TUIJIE_SHOTS when set.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionNomination } from '#server/modules/nominations/service.ts';
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
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestOrganiser,
} from '#test/support/factories/index.ts';

const { available } = browserAvailability();
const NOW = '2026-09-25T10:00:00+08:00';

describe.skipIf(!available)('browser: the 公示 tab', () => {
  let t: TestApp;
  let browser: Browser;
  let org: TestOrganiser;
  let campaign: TestCampaign;
  let starName = '';

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    t = await createTestApp({
      listen: true,
      clock: manualClock(NOW),
      config: { webDistDir: path.resolve('web/dist') },
    });
    org = await newOrganiser(t);
    const unit = await newUnit(t, org, { name: '长春市教育局', regionCode: '220100' });
    campaign = await newCampaign(t, org);
    const star = await newNomination(t, { campaign, unit, state: 'accepted' });
    const project = await newNomination(t, { campaign, unit, state: 'accepted', category: 'project' });
    starName = (star.row.form as { name: string }).name;
    await moveCampaign(t, campaign, 'reviewing');
    for (const n of [star, project])
      await transitionNomination(t.context.db, org.admin.actor, n.id, {
        to: 'shortlisted',
        now: new Date(NOW),
      });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = async (page: Page, name: string) => {
    if (process.env.TUIJIE_SHOTS)
      await page.screenshot({ path: path.join(process.env.TUIJIE_SHOTS, `${name}.png`), fullPage: true });
    await expectNoSeriousA11yViolations(page, name);
  };

  it('drafts, previews and schedules the 公示 across 中秋 and 国庆', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    // The browser's today is the server's: the start day offered is 2026-09-25, 中秋节 itself.
    await page.clock.setFixedTime(new Date(NOW));
    await loginThroughPage(page, t.url, org.admin.username, org.admin.password, org.admin.password);

    // The status button's confirmation tells what ending the review would do.
    await page.goto(`${t.url}/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: '重新开放报送' }).click();
    await expect.poll(() => page.getByText(/重新开放报送后，报送单位可在截止时间/).count()).toBe(1);
    await page
      .getByRole('button', { name: '取 消' })
      .or(page.getByRole('button', { name: '取消' }))
      .click();

    await page.goto(`${t.url}/campaigns/${campaign.id}?tab=gongshi`);
    await page.getByRole('button', { name: '从拟推介名单起草公示' }).click();
    await expect.poll(() => page.getByRole('cell', { name: starName }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(
            '公示期：2026年9月25日至2026年10月9日，共5个工作日（不含中秋节放假9月25日至9月27日，不含国庆节放假10月1日至10月7日）',
          )
          .count(),
      )
      .toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'announcement-draft-375');

    await page.getByRole('button', { name: '确认发布' }).click();
    await (await settledDialog(page)).getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => page.getByText('待公示', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: '开始公示' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'announcement-scheduled-375');
    await context.close();
  });
});
