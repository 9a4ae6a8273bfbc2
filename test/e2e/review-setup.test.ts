/**
 * The organiser's expert review set-up in Chromium against the real server with the demo data: the Jilin
 * organiser closes reporting, invites a new expert (one-time password shown), checks 回避 before inviting,
 * creates 初评, opens it, assigns automatically with a seed (the seed is shown), and downloads the score sheets;
 * the unit asks for that expert's 回避 on its nomination and the organiser sees it among the conflicts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  launchBrowser,
  loginThroughPage,
  pageApi,
  settledDialog,
} from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

describe.skipIf(!available)('browser journey: expert review set-up (organiser and unit)', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function open(width: number, username: string, newPassword: string) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await loginThroughPage(page, server.url, username, server.passwords.get(username)!, newPassword);
    return page;
  }

  async function jilinCampaign(page: Page): Promise<{ id: string; status: string }> {
    const { items } = await pageApi(page, 'GET', '/api/campaigns');
    return items.find((c: { title: string }) => c.title.includes('吉林'));
  }

  it('sets up the pool, a round and the assignment; the unit asks for a 回避', {
    timeout: 240_000,
  }, async () => {
    const o = await open(1280, 'jilin-admin', 'Organiser2026ok');
    const campaign = await jilinCampaign(o);
    if (campaign.status === 'open')
      await pageApi(o, 'POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'reviewing' });
    await o.goto(`${server.url}/campaigns/${campaign.id}?tab=review`);

    // Two experts from other provinces through the API, so that three reviews per nomination can be met.
    for (const [username, province] of [
      ['qian-expert', '11'],
      ['sun-expert', '31'],
    ] as const)
      await pageApi(o, 'POST', `/api/campaigns/${campaign.id}/review/experts`, {
        panels: ['star', 'project'],
        province,
        newAccount: { username, displayName: username === 'qian-expert' ? '钱评审' : '孙评审' },
      });
    await o.reload();

    // 专家库: invite a new account through the form; check 回避 first.
    await o.getByRole('button', { name: '邀请专家' }).click();
    const invite = o.getByRole('dialog', { name: '邀请专家' });
    await invite.getByRole('radio', { name: '新建专家账号' }).check();
    await invite.getByLabel('姓名', { exact: true }).fill('周评审');
    await invite.getByLabel('用户名').fill('zhou-expert');
    await invite.getByLabel('工作单位').fill('北京师范大学');
    await invite.getByLabel('所在省份').fill('北京市');
    await invite.getByRole('button', { name: /检查回避/ }).click();
    await invite.getByText('周评审与本活动已受理的推介均无回避情形').waitFor();
    await invite.getByRole('button', { name: /^邀\s*请$/ }).click();
    const password = o.getByRole('dialog', { name: '专家账号已新建' });
    await password.getByText('zhou-expert').waitFor();
    await password.getByRole('button', { name: '我已记下' }).click();
    await o.getByRole('cell', { name: '周评审' }).waitFor();
    await expectNoSeriousA11yViolations(o, '专家库');

    // The unit asks for the new expert's 回避 on one of its nominations (possible until a round opens); conflicts count accepted nominations.
    const u = await open(375, 'changchun', 'UnitLearning2026');
    const { items } = await pageApi(u, 'GET', `/api/nominations?campaignId=${campaign.id}`);
    const mine = items.find((n: { state: string }) => n.state === 'accepted');
    await u.goto(`${server.url}/nominations/${mine.id}`);
    await u.getByRole('button', { name: /^申请回避$/ }).click();
    await u.getByRole('button', { name: '添加申请回避的专家' }).click();
    await u.getByLabel('专家').click();
    await u.getByTitle(/周评审/).click();
    await u.getByLabel('理由').fill('该专家曾担任本单位项目顾问');
    await u.getByRole('button', { name: '保存回避申请' }).click();
    await u.getByText('该专家曾担任本单位项目顾问').waitFor();
    await expectNoSeriousA11yViolations(u, '推介表（申请回避）');

    // The organiser sees it among the conflicts, with the unit's reason.
    await o.reload();
    await o.getByRole('tab', { name: /回避情况/ }).click();
    await o.getByText(/该专家曾担任本单位项目顾问/).waitFor();
    await expectNoSeriousA11yViolations(o, '回避情况');

    // 评审轮次: 初评, closing in Beijing time, then open it.
    await o.getByRole('tab', { name: /评审轮次/ }).click();
    await o.getByRole('button', { name: '新建评审轮次' }).click();
    const form = o.getByRole('dialog', { name: '新建评审轮次' });
    await form.getByPlaceholder('截止日期').fill('2027年1月20日');
    await form.getByPlaceholder('截止日期').press('Enter');
    // Three experts, one recused from the unit's nomination at its request: two reviews each can be met.
    await form.getByLabel('每项推介的评审专家数').fill('2');
    await form.getByRole('checkbox', { name: '推荐单位' }).check();
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await o.getByText('第1轮 · 初评').waitFor();
    await o.getByRole('button', { name: '开始评审' }).click();
    await (await settledDialog(o)).getByRole('button', { name: '开始评审' }).click();
    // Open when it is no longer offered: 「评审中」 is also the campaign's own state, on the page from the start.
    await expect.poll(() => o.getByRole('button', { name: '开始评审' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(o, '评审轮次');

    // 分配: automatic with a seed; the seed is shown; the score sheets download.
    await o.getByRole('tab', { name: /^分配$/ }).click();
    await o.getByLabel('随机种子').fill('7');
    await o.getByRole('button', { name: /自动分配/ }).click();
    await o.getByText('本轮自动分配使用的随机种子：7').waitFor();
    await o.getByRole('cell', { name: /^张建国/ }).waitFor();
    await expectNoSeriousA11yViolations(o, '分配');
    const download = o.waitForEvent('download');
    await o.getByRole('button', { name: '下载全部评分表' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
