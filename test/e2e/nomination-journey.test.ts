import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { announceThroughPage } from '#test/support/announce-through-page.ts';
import { approveThroughPage } from '#test/support/approve-through-page.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  launchBrowser,
  loginThroughPage,
  pageApi,
  settledDialog,
} from '../support/browser.ts';
import { lastMoveOf, type TestDatabase } from '../support/database.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { photoOfAtLeast } from '../support/materials.ts';
import { completeStar } from '../support/nominations.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * A unit and its organiser in two browsers against the real server: the unit starts a nomination,
 * types, sees it autosaved and still there after a reload, submits; the organiser returns it with a
 * reason; the unit sees the reason, resubmits, and finds it in its 推介登记表; the organiser sees the
 * unit's quota use. The deadline passes and the unit is offered nothing more; the organiser sees who
 * missed it and grants an extension, and the unit can act again. Finally the province's selected star is forwarded to the national round.
 */
describe.skipIf(!available)('browser journey: a nomination from draft to the registration table', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let unit: BrowserContext;
  let organiser: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    unit = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    organiser = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.resolve('.tmp', `e2e-${name}.png`) });

  it('walks a star through autosave, submit, return, resubmit, the registration table, an extension and forwarding', {
    // A ceiling for a loaded CI machine (a quiet one takes about two minutes), not a measure.
    timeout: 480_000,
  }, async () => {
    const u = await unit.newPage();
    try {
      await journey(u);
    } catch (e) {
      await shot(u, 'failure-unit');
      for (const [i, page] of organiser.pages().entries()) await shot(page, `failure-organiser-${i}`);
      // CI keeps only its log: what the unit's page said (a refusal, a toast) and the server's last lines.
      const said = await u
        .locator('.ant-alert, .ant-message, .ant-modal, .ant-tag')
        .allInnerTexts()
        .catch(() => []);
      console.error(`单位页面上显示：${said.join(' | ')}\n服务输出末尾：\n${server.output().slice(-3000)}`);
      throw e;
    }
  });

  async function journey(u: Page) {
    const o = await organiser.newPage();
    await loginThroughPage(
      u,
      server.url,
      'changchun',
      server.passwords.get('changchun')!,
      'UnitLearning2026',
    );
    await u.goto(`${server.url}/campaigns`);
    await u
      .getByText(/年吉林省/)
      .first()
      .click();
    await u.getByRole('button', { name: /新建百姓学习之星/ }).click();
    await u.waitForURL(/\/nominations\//);
    const nominationUrl = u.url();
    const id = nominationUrl.split('/').pop()!;

    // The autosave that carries both fields; the status line then says so.
    const autosaved = autosaveOf(u, '带动邻里共学');
    await u.getByLabel('姓名', { exact: true }).fill('周丽华');
    await u.getByLabel('主要事迹').fill('坚持在社区学习中心学习二十年，组织读书会，带动邻里共学。');
    await autosaved;
    await expect.poll(() => u.getByText(/已保存 \d{2}:\d{2}:\d{2}/).count()).toBeGreaterThan(0);
    await u.reload();
    await expect.poll(() => u.getByLabel('姓名', { exact: true }).inputValue()).toBe('周丽华');
    await shot(u, 'nomination-draft');
    await expectNoSeriousA11yViolations(u, '推介表（草稿）');
    await expectFindingsOperableByKeyboard(u);

    // The rest of the form is saved the way the editor saves it: one PUT with the version it holds.
    const saved = await u.evaluate(
      async ({ id, form }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const current = (await (await fetch(`/api/nominations/${id}`)).json()).nomination;
        const response = await fetch(`/api/nominations/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            form: { ...form, name: current.form.name, story: current.form.story },
            version: current.version,
          }),
        });
        return response.status;
      },
      { id, form: completeStar(await rulesOf(u, id), 881) },
    );
    expect(saved).toBe(200);
    // The form is complete but the photos are not there yet: the summary counts them, no 「检查通过」.
    await u.reload();
    await expect.poll(() => u.getByText(/还有 2 处需完善/).count()).toBeGreaterThan(0);
    expect(await u.getByText('检查通过，可以提交').count()).toBe(0);
    expect(await u.getByText(/请上传.*证件照.*后再提交/).count()).toBeGreaterThan(0);
    await shot(u, 'material-missing-1280');
    await u.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => u.getByText(/还有 2 处需完善/).count()).toBeGreaterThan(0);
    await shot(u, 'material-missing-375');
    await u.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(u, '推介表（缺照片）');
    await uploadRequiredPhotos(u, id, database);
    await u.reload();
    await u.getByRole('button', { name: /^提\s*交$/ }).click();
    await (await settledDialog(u)).getByRole('button', { name: /^提\s*交$/ }).click();
    await expect.poll(() => u.getByText('已提交', { exact: true }).count()).toBeGreaterThan(0);

    await loginThroughPage(
      o,
      server.url,
      'jilin-admin',
      server.passwords.get('jilin-admin')!,
      'Organiser2026ok',
    );
    await o.goto(`${server.url}/nominations/${id}`);
    await o.getByRole('button', { name: '退回修改' }).click();
    await (await settledDialog(o)).getByLabel(/原因/).fill('请补充近三年参加学习活动的具体情况');
    await (await settledDialog(o)).getByRole('button', { name: '退回修改' }).click();
    // Done when the move is no longer offered (the text 退回修改 is on the button from the start).
    await expect.poll(() => o.getByRole('button', { name: /退回修改/ }).count()).toBe(0);

    await u.reload();
    await expect.poll(() => u.getByText('请补充近三年参加学习活动的具体情况').count()).toBeGreaterThan(0);
    await shot(u, 'nomination-returned');
    await expectNoSeriousA11yViolations(u, '推介表（退回修改）');
    const revised = autosaveOf(u, '一百二十场');
    await u
      .getByLabel('主要事迹')
      .fill('坚持在社区学习中心学习二十年，近三年组织读书会一百二十场，带动邻里共学。');
    await revised;
    await u.getByRole('button', { name: /重新提交/ }).click();
    await (await settledDialog(u)).getByRole('button', { name: /重新提交/ }).click();
    await expect.poll(() => u.getByText('已提交', { exact: true }).count()).toBeGreaterThan(0);

    await u.goto(nominationUrl.replace(/\/nominations\/.*/, '/campaigns'));
    await u
      .getByText(/年吉林省/)
      .first()
      .click();
    await u.getByRole('tab', { name: '推介登记表' }).click();
    await expect.poll(() => u.getByText('周丽华').count()).toBeGreaterThan(0);
    await shot(u, 'registration-table');
    await expectNoSeriousA11yViolations(u, '活动页·推介登记表');

    await o.goto(`${server.url}/campaigns`);
    await o
      .getByRole('row', { name: /年吉林省/ })
      .getByText('管理')
      .click();
    await o.getByRole('tab', { name: '报送情况' }).click();
    await expect.poll(() => o.getByText('长春市教育局').count()).toBeGreaterThan(0);
    await shot(o, 'quota-dashboard');
    await expectNoSeriousA11yViolations(o, '活动页·报送情况');

    // The deadline passes while the unit revises a second return; the organiser grants an extension.
    // The Jilin organiser brings its round's deadline forward to tomorrow in the rules editor (the
    // national round closes later); the server starts again with its clock a minute past it, and both
    // log in again.
    const provincial = (await pageApi(o, 'GET', '/api/campaigns')).items.find(
      (c: { level: string }) => c.level === 'provincial',
    );
    const detail = await pageApi(o, 'GET', `/api/campaigns/${provincial.id}`);
    detail.rules.deadline.date = addDays(todayInShanghai(new Date()), 1);
    const moved = await pageApi(o, 'PUT', `/api/campaigns/${provincial.id}/rules`, {
      rules: detail.rules,
      rulesVersion: detail.campaign.rulesVersion,
    });
    const deadline = Date.parse(moved.campaign.deadlineAt);
    // Both pages wait on a blank page while the server is away: their sessions lapse across the jump, and a
    // bell still polling from the old page would be answered 401 (by design) before they sign in again.
    for (const page of [u, o]) await page.goto('about:blank');
    await server.restart({ clock: new Date(deadline + 60_000).toISOString() });
    await loginThroughPage(u, server.url, 'changchun', 'UnitLearning2026', 'UnitLearning2026');
    await loginThroughPage(o, server.url, 'jilin-admin', 'Organiser2026ok', 'Organiser2026ok');
    await o.goto(`${server.url}/nominations/${id}`);
    await o.getByRole('button', { name: /形式审查通过/ }).click();
    await (await settledDialog(o)).getByRole('button', { name: /形式审查通过/ }).click();
    await expect.poll(() => o.getByRole('button', { name: /形式审查通过/ }).count()).toBe(0);
    // Past its deadline the unit is offered no 撤回 (nor 提交): the page says why instead, on a phone too.
    await u.goto(`${server.url}/nominations/${id}`);
    await expect
      .poll(() => u.getByText(/报送截止时间（.*）已过，不能再提交或修改/).count())
      .toBeGreaterThan(0);
    expect(await u.getByRole('button', { name: /^(撤\s*回|提\s*交)$/ }).count()).toBe(0);
    await shot(u, 'deadline-passed-1280');
    await u.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => u.getByText('报送截止时间已过').count()).toBeGreaterThan(0);
    expect(await u.getByRole('button', { name: /^(撤\s*回|提\s*交)$/ }).count()).toBe(0);
    await shot(u, 'deadline-passed-375');
    await u.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(u, '推介表（截止已过）');

    // The organiser sees which units missed the deadline (here: every unit that reported nothing).
    await o.goto(`${server.url}/campaigns`);
    await o
      .getByRole('row', { name: /年吉林省/ })
      .getByText('管理')
      .click();
    await o.getByRole('tab', { name: '报送情况' }).click();
    await expect.poll(() => o.getByText(/个单位逾期未提交或未报送/).count()).toBeGreaterThan(0);
    await shot(o, 'missed-deadline-1280');
    await o.setViewportSize({ width: 375, height: 800 });
    await o.getByText(/个单位逾期未提交或未报送/).scrollIntoViewIfNeeded();
    await shot(o, 'missed-deadline-375');
    await o.setViewportSize({ width: 1280, height: 900 });

    await o.goto(`${server.url}/campaigns`);
    await o
      .getByRole('row', { name: /年吉林省/ })
      .getByText('管理')
      .click();
    await o.getByRole('tab', { name: '延期' }).click();
    await o.getByLabel('报送单位', { exact: true }).click();
    await o.keyboard.type('长春市');
    await o.keyboard.press('Enter');
    const until = new Date(deadline + 10 * 86_400_000);
    const day = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(until);
    const part = (type: string) => day.find((p) => p.type === type)?.value;
    await o.getByLabel('延期至（北京时间）').fill(`${part('year')}年${part('month')}月${part('day')}日`);
    await o.keyboard.press('Enter');
    await o.getByLabel('延期原因').fill('系统维护期间无法报送，准予延期');
    await o.getByRole('button', { name: '确认延期' }).click();
    await expect
      .poll(() => o.getByRole('cell', { name: '系统维护期间无法报送，准予延期' }).count())
      .toBeGreaterThan(0);
    await shot(o, 'extension');
    await expectNoSeriousA11yViolations(o, '活动页·延期');

    // With its extension the unit can act again: here it withdraws and resubmits.
    await u.reload();
    await u.getByRole('button', { name: /^撤\s*回$/ }).click();
    await (await settledDialog(u)).getByRole('button', { name: /^撤\s*回$/ }).click();
    await expect.poll(() => u.getByText('已撤回').count()).toBeGreaterThan(0);

    // Review and approval (the panel's screens are the next issue's) through the organiser's session,
    // then the organiser forwards the selected star to the national round from the 报送情况 tab.
    const jilinRound = new URL(o.url()).pathname.split('/').pop()!;
    const star = (
      await pageApi(o, 'GET', `/api/nominations?campaignId=${jilinRound}&state=submitted&category=star`)
    ).items[0];
    await pageApi(o, 'POST', `/api/nominations/${star.id}/review`, { decision: 'accept' });
    for (const to of ['reviewing'])
      await pageApi(o, 'POST', `/api/campaigns/${jilinRound}/transitions`, { to });
    await pageApi(o, 'POST', `/api/nominations/${star.id}/transitions`, { to: 'shortlisted' });
    // 公示 through its own routes; once its period has ended, 审定 by the approver (the status buttons make
    // neither). The server's clock runs from a minute past the deadline (restarted above): its today is
    // that day. The server starts again after the period, so both log in again.
    const announcement = await announceThroughPage(o, jilinRound, new Date(deadline + 120_000));
    await approveThroughPage(browser, server, database, jilinRound, announcement, [u, o]);
    await loginThroughPage(u, server.url, 'changchun', 'UnitLearning2026', 'UnitLearning2026');
    await loginThroughPage(o, server.url, 'jilin-admin', 'Organiser2026ok', 'Organiser2026ok');
    // 审定 made the 拟推介 star 入选 by itself, audited as 审定入选.
    const selected = await pageApi(o, 'GET', `/api/nominations?campaignId=${jilinRound}&state=selected`);
    expect(selected.items.map((n: { id: string }) => n.id)).toEqual([star.id]);
    expect(await lastMoveOf(database, star.id)).toMatchObject({ to: 'selected', label: '审定入选' });
    await o.goto(`${server.url}/campaigns/${jilinRound}`);
    await o.getByRole('tab', { name: '报送情况' }).click();
    await o.getByRole('button', { name: /报送上级/ }).click();
    const dialog = await settledDialog(o);
    await expect.poll(() => dialog.textContent()).toContain('全国');
    await dialog.getByRole('button', { name: '确认报送' }).click();
    await expect.poll(() => dialog.textContent()).toContain('已报送 1 条');
    await shot(o, 'forwarded');
    await expectNoSeriousA11yViolations(o, '报送上级（对话框）');
    const national = (await pageApi(o, 'GET', '/api/campaigns')).items.find(
      // The open national round (the demo also has one in review).
      (c: { level: string; status: string }) => c.level === 'national' && c.status === 'open',
    );
    const there = (await pageApi(o, 'GET', `/api/nominations?campaignId=${national.id}&category=star`)).items;
    expect(there.map((n: { title: string }) => n.title)).toContain(star.title);
  }
});

/**
 * The list of what is missing is made of real links: one takes the keyboard focus, and Enter on it moves
 * the focus into the field it names, where the unit goes on typing.
 */
async function expectFindingsOperableByKeyboard(page: Page) {
  const index = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#nf-"]')].findIndex((a) =>
      document.getElementById(a.hash.slice(1))?.querySelector('input:not([readonly]), textarea'),
    ),
  );
  expect(index, '“还需完善”清单中应有可用键盘操作的链接').toBeGreaterThanOrEqual(0);
  const link = page.locator('a[href^="#nf-"]').nth(index);
  const field = (await link.getAttribute('href'))!.slice(1);
  await link.focus();
  expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate((id) => document.getElementById(id)!.contains(document.activeElement), field))
    .toBe(true);
  expect(new URL(page.url()).hash).toBe('');
}

/** Resolves when the editor's autosave carrying `text` has been stored. */
/**
 * The submit rule wants the star's two photos: uploaded from the page as the browser's tus client does
 * (create, then PATCH the bytes), then judged by the server's check job.
 */
async function uploadRequiredPhotos(page: Page, nominationId: string, database: TestDatabase) {
  const jpeg = (await photoOfAtLeast(0)).toString('base64');
  for (const slotId of ['idPhoto', 'activityPhoto']) {
    const status = await page.evaluate(
      async ({ nominationId, slotId, jpeg }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
        const meta = { nominationId, setKey: 'star', slotId, filename: `${slotId}.jpg` };
        const created = await fetch('/api/uploads', {
          method: 'POST',
          headers: {
            'x-csrf-token': me.csrfToken,
            'tus-resumable': '1.0.0',
            'upload-length': String(bytes.length),
            'upload-metadata': Object.entries(meta)
              .map(([k, v]) => `${k} ${btoa(v)}`)
              .join(','),
          },
        });
        const patched = await fetch(created.headers.get('location')!, {
          method: 'PATCH',
          headers: {
            'x-csrf-token': me.csrfToken,
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          },
          body: bytes,
        });
        return patched.status;
      },
      { nominationId, slotId, jpeg },
    );
    expect(status).toBe(204);
  }
  // The check job in the server process judges them; both are real JPEGs and pass.
  await expect
    .poll(async () =>
      (
        await database.db
          .selectFrom('materials')
          .select('state')
          .where('nominationId', '=', nominationId)
          .execute()
      ).map((m) => m.state),
    )
    .toEqual(['passed', 'passed']);
}

function autosaveOf(page: Page, text: string) {
  return page.waitForResponse(
    (r) =>
      r.request().method() === 'PUT' &&
      r.url().includes('/api/nominations/') &&
      (r.request().postData() ?? '').includes(text) &&
      r.status() === 200,
    { timeout: 20_000 },
  );
}

async function rulesOf(page: Page, nominationId: string): Promise<CampaignRules> {
  return page.evaluate(async (id) => {
    const n = (await (await fetch(`/api/nominations/${id}`)).json()).nomination;
    return (await (await fetch(`/api/campaigns/${n.campaignId}`)).json()).rules;
  }, nominationId);
}
