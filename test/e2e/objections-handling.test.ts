/**
 * 异议处理 in the browser on a phone: the organiser opens the campaign's 异议处理 tab at 375 px, sees the
 * objection with its due day, opens it (the facts, markup and all, shown as text), looks at the objector
 * behind the logged button and accepts it (受理) from the moves the server offers.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '#core/identity/id-number.ts';
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
import { answer } from '#test/support/captcha.ts';
import { newAnnouncement } from '#test/support/factories/announcements.ts';
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
const FACTS = '公示名单所列获奖情况经向颁奖单位查询无记录，请组织单位核实。<script>alert(1)</script>';

describe.skipIf(!available)('browser: 异议处理 on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let organiser: TestOrganiser;
  let campaign: TestCampaign;
  let entryName = '';

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm run build:web');
    const clock = manualClock(new Date('2026-09-29T10:00:00+08:00'));
    t = await createTestApp({ clock, listen: true, config: { webDistDir: path.resolve('web/dist') } });
    organiser = await newOrganiser(t);
    const unit = await newUnit(t, organiser);
    campaign = await newCampaign(t, organiser);
    const n = await newNomination(t, { campaign, unit, state: 'accepted' });
    await moveCampaign(t, campaign, 'reviewing');
    await transitionNomination(t.context.db, organiser.admin.actor, n.id, {
      to: 'shortlisted',
      now: clock.now(),
    });
    const announcement = await newAnnouncement(t, campaign);
    entryName = announcement.entries[0]!.name;
    const captcha = (await t.app.inject({ method: 'GET', url: '/api/objection-captcha' })).json();
    const form = new FormData();
    const first = '22010219800101123';
    for (const [k, v] of Object.entries({
      entryId: announcement.entries[0]!.id,
      objectorKind: 'person',
      name: '赵某某',
      idNumber: first + idCheckCharacter(first),
      workplace: '某街道社区',
      phone: '13712345678',
      facts: FACTS,
      captchaToken: captcha.token,
      captchaAnswer: answer(captcha.question),
    }))
      form.append(k, v);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/announcements/${announcement.id}/objections`,
      payload: form,
    });
    if (submitted.statusCode !== 200) throw new Error(submitted.body);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists, opens, shows the logged identity and accepts, within 375 px', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const { username, password } = organiser.admin;
    await loginThroughPage(page, t.url, username, password, password);
    await page.goto(`${t.url}/campaigns/${campaign.id}?tab=objections`);
    const open = page.getByRole('button', { name: `办理对「${entryName}」的异议` });
    await expect.poll(() => open.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText('受理：2026年10月8日前').count()).toBeGreaterThan(0);
    await open.click();
    await expect.poll(() => page.getByText(FACTS).count()).toBe(1);
    expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    expect(await page.getByText('赵某某').count()).toBe(0);
    await page.getByRole('button', { name: '查看异议人信息' }).click();
    await page
      .getByRole('button', { name: '查 看' })
      .or(page.getByRole('button', { name: '查看', exact: true }))
      .click();
    await expect.poll(() => page.getByText('赵某某').count()).toBe(1);
    expect(await page.getByText(/本次查看已记录/).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(os.tmpdir(), 'tuijie-objections-375.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page, '异议（异议人信息已查看）');
    await page
      .getByRole('button', { name: '受 理' })
      .or(page.getByRole('button', { name: '受理', exact: true }))
      .first()
      .click();
    await (await settledDialog(page)).getByRole('button', { name: /受\s*理/ }).click();
    await expect.poll(() => page.getByText('调查核实中').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const views = await t.database.db.selectFrom('objectionIdentityViews').selectAll().execute();
    expect(views).toHaveLength(1);
    await context.close();
  });
});
