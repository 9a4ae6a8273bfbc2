/**
 * The expert's and the chair's side of the review in Chromium against the real server with the demo data
 * (the national campaign in review with six experts):
 *   - an expert opens 我的评审 (progress, closing time), starts on the next unscored nomination, sees the
 *     blind notice and the photos, scores with the buttons, sees the live total
 *     and 已保存, is refused submit without a recommendation (the server's wording), submits with
 *     Ctrl+Enter, takes it back with 撤回修改, moves on with Alt+→ and declares 回避 on one;
 *   - a second expert scores one and submits it;
 *   - the chair of the stars panel opens the ranking from 我的评审, switches method, ticks two in (one the
 *     unit's special pick, named special), gives the reasons the changes against the ranking need and
 *     proposes the list; the organiser confirms it, the nominations show 拟推介, and the DOCX downloads;
 *   - the printable 评审表 shows the expert's scores and the signature line.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/axe.ts';
import { browserAvailability, launchBrowser, loginThroughPage } from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

// The demo's chair of the 百姓学习之星 panel (王立华) and the national organiser admin.
const CHAIR = 'expert2';
const ORGANISER = 'cace-admin';

describe.skipIf(!available)('browser journey: scoring, ranking and the shortlist', () => {
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

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.resolve('.tmp', `e2e-review-${name}.png`), fullPage: true });

  async function open(width: number, username: string, newPassword: string) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await loginThroughPage(page, server.url, username, server.passwords.get(username)!, newPassword);
    return page;
  }

  /** A score button of one criterion (antd hides the radio input itself; the label is what is tapped). */
  const scoreButton = (page: Page, criterion: string, score: number) =>
    page.locator(`[data-criterion="${criterion}"] label`).filter({ hasText: new RegExp(`^${score}$`) });

  /** An expert of the demo with a nomination not scored at all yet (no recommendation chosen), not the chair. */
  const unscored = (besides: string[] = []) =>
    database.db
      .selectFrom('reviewAssignments as ra')
      .innerJoin('nominations as n', 'n.id', 'ra.nominationId')
      .innerJoin('accounts as a', 'a.id', 'ra.expertId')
      .leftJoin('reviews as r', (join) =>
        join
          .onRef('r.roundId', '=', 'ra.roundId')
          .onRef('r.nominationId', '=', 'ra.nominationId')
          .onRef('r.expertId', '=', 'ra.expertId'),
      )
      .select(['a.username', 'n.title'])
      .where('r.id', 'is', null)
      .where('a.username', 'not in', [CHAIR, ...besides])
      .orderBy('a.username')
      .orderBy('n.title')
      .executeTakeFirstOrThrow();

  it('an expert scores, submits, takes back and declares 回避 (1280 px, then 800 px)', {
    timeout: 240_000,
  }, async () => {
    const { username, title } = await unscored();
    const e = await open(1280, username, 'Review2026abc');
    try {
      await e.goto(`${server.url}/reviews`);
      await expect.poll(() => e.getByText(/已评 \d+ \/ \d+/).count()).toBeGreaterThan(0);
      await expect.poll(() => e.getByText(/截止时间：.*（北京时间）/).count()).toBeGreaterThan(0);
      await shot(e, 'mine-1280');
      await expectNoSeriousA11yViolations(e, '我的评审');

      await e.getByRole('link', { name: title, exact: true }).first().click();
      await e.waitForURL(/\/reviews\/[^/]+\/[^/]+$/);
      await expect.poll(() => e.getByText(/本轮盲评，已隐去：/).count()).toBe(1);
      // The photos are there to look at (byte ranges of films: scoring-review.test.ts).
      await expect.poll(() => e.locator('.review-thumb img').count()).toBeGreaterThan(0);

      const criteria = await e
        .locator('[data-criterion]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-criterion')!));
      for (const id of criteria) await scoreButton(e, id, 8).click();
      await expect.poll(() => e.getByTestId('review-total').textContent()).toBe('80.0');
      await e.locator('#review-comment').fill('学有所成，带动作用明显。');
      await expect.poll(() => e.getByTestId('review-saved').count(), { timeout: 10_000 }).toBe(1);

      // No recommendation yet: the browser refuses first, in the server's words.
      await e.keyboard.press('Control+Enter');
      await expect
        .poll(() => e.getByText('请选择推荐意见（推荐、可推荐或不推荐）后再提交').count())
        .toBeGreaterThan(0);
      await e
        .locator('label')
        .filter({ hasText: /^推荐$/ })
        .click();
      await e.keyboard.press('Control+Enter');
      await expect.poll(() => e.getByText('评分已提交').count()).toBe(1);
      await expect.poll(() => e.getByRole('button', { name: '撤回修改' }).count()).toBe(1);
      await shot(e, 'submitted-1280');
      await expectNoSeriousA11yViolations(e, '评分页（已提交）');

      // 撤回修改 while the round is open, then submit again.
      await e.getByRole('button', { name: '撤回修改' }).click();
      await expect.poll(() => e.getByRole('button', { name: '提交评分' }).count()).toBe(1);
      await e.keyboard.press('Control+Enter');
      await expect.poll(() => e.getByRole('button', { name: '撤回修改' }).count()).toBe(1);

      // Alt+→ to the next nomination (Alt+← when it was the last); there 申请回避 with a reason, and it leaves the list.
      const before = e.url();
      // The list's order follows the nominations' ids: the one scored may be the last of it.
      const forward = await e.getByRole('button', { name: /下一个/ }).isEnabled();
      await e.keyboard.press(forward ? 'Alt+ArrowRight' : 'Alt+ArrowLeft');
      await expect.poll(() => e.url()).not.toBe(before);
      // The address changes first; the page of the previous nomination stays until the next one has loaded.
      await expect.poll(() => e.locator('h4').first().textContent()).not.toBe(title);
      const declaredTitle = (await e.locator('h4').first().textContent()) ?? '';
      await e.getByRole('button', { name: '申请回避' }).click();
      await e.getByPlaceholder(/近亲属/).fill('推介对象系本人表姐');
      const declaredUrl = e.url();
      await e.getByRole('button', { name: '确认回避' }).click();
      // What lasts, not the three-second toast a loaded machine can miss: the page moves on, the word is kept.
      await expect.poll(() => e.url()).not.toBe(declaredUrl);
      const declared = await database.db
        .selectFrom('reviewDeclarations as d')
        .innerJoin('accounts as a', 'a.id', 'd.expertId')
        .innerJoin('nominations as n', 'n.id', 'd.nominationId')
        .select(['n.title', 'd.reason'])
        .where('a.username', '=', username)
        .execute();
      expect(declared).toEqual([{ title: declaredTitle, reason: '推介对象系本人表姐' }]);
      await e.goto(`${server.url}/reviews`);
      await expect.poll(() => e.getByRole('link', { name: declaredTitle }).count()).toBe(0);

      // The printable 评审表.
      const print = await e
        .getByRole('link', { name: /打印评审表/ })
        .first()
        .getAttribute('href');
      await e.goto(`${server.url}${print}`);
      await expect.poll(() => e.getByText(/评审专家（签名）/).count()).toBeGreaterThan(0);
      await expect.poll(() => e.getByText('学有所成，带动作用明显。').count()).toBeGreaterThan(0);
      await shot(e, 'sheet');
      await expectNoSeriousA11yViolations(e, '评审表（打印）');

      // A tablet in portrait: the rubric comes below the form, 去评分 jumps to it.
      await e.setViewportSize({ width: 800, height: 1100 });
      await e.goto(`${server.url}/reviews`);
      await e
        .getByRole('link', { name: /评分|查看/ })
        .first()
        .click();
      await expect.poll(() => e.getByRole('link', { name: '去评分 ↓' }).count()).toBe(1);
      await shot(e, 'tablet-800');
    } catch (error) {
      await shot(e, 'failure-expert').catch(() => {});
      console.error(server.output().slice(-3000));
      throw error;
    }
  });

  it('a second expert scores one and submits it', { timeout: 120_000 }, async () => {
    const first = await unscored();
    const { username, title } = await unscored([first.username]);
    const e = await open(1280, username, 'Review2026abc');
    try {
      await e.goto(`${server.url}/reviews`);
      await e.getByRole('link', { name: title, exact: true }).first().click();
      await e.waitForURL(/\/reviews\/[^/]+\/[^/]+$/);
      await expect.poll(() => e.locator('[data-criterion]').count()).toBeGreaterThan(0);
      const criteria = await e
        .locator('[data-criterion]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-criterion')!));
      for (const id of criteria) await scoreButton(e, id, 6).click();
      await expect.poll(() => e.getByTestId('review-total').textContent()).toBe('60.0');
      await e.locator('#review-comment').fill('事迹较好，示范作用有待加强。');
      await e
        .locator('label')
        .filter({ hasText: /^可推荐$/ })
        .click();
      await e.getByRole('button', { name: '提交评分' }).click();
      await expect.poll(() => e.getByText('评分已提交').count()).toBe(1);
    } catch (error) {
      await shot(e, 'failure-second-expert').catch(() => {});
      throw error;
    }
  });

  it('the chair proposes the shortlist with a reason, the organiser confirms it', {
    timeout: 240_000,
  }, async () => {
    const c = await open(1280, CHAIR, 'Chair2026okay');
    const o = await open(1280, ORGANISER, 'Organiser2026ok');
    try {
      await c.goto(`${server.url}/reviews`);
      await c
        .getByRole('link', { name: /评审排名与拟推介名单/ })
        .first()
        .click();
      await c.waitForURL(/\/review\/ranking/);
      await expect.poll(() => c.getByRole('columnheader', { name: '标准化分' }).count()).toBe(1);
      await c.getByText('平均分', { exact: true }).first().click();
      await c.waitForURL(/method=mean/);
      await expect.poll(() => c.getByTestId('constraint-size').count()).toBe(1);

      // The top one and 杨春梅, 四川's own special pick, named special; every change against the ranking
      // needs its reason before the list can be proposed.
      await c
        .getByRole('checkbox', { name: /列入拟推介名单/ })
        .first()
        .check();
      await c.getByRole('checkbox', { name: '将“杨春梅”列入拟推介名单' }).check();
      await c.getByRole('checkbox', { name: /将“杨春梅”列为/ }).check();
      for (const reason of await c.getByRole('textbox', { name: /的调整理由/ }).all())
        await reason.fill('评审会议讨论后调整');
      await c.getByRole('button', { name: '提交拟推介名单' }).click();
      await expect.poll(() => c.getByText('拟推介名单已提交，待组织方确认').count()).toBe(1);
      await shot(c, 'chair-ranking');
      await expectNoSeriousA11yViolations(c, '评审排名与拟推介名单');

      await o.goto(`${server.url}${new URL(c.url()).pathname}${new URL(c.url()).search}`);
      await o.getByRole('button', { name: '确认拟推介名单' }).click();
      await o.getByRole('button', { name: /^确\s*认$/ }).click();
      await expect.poll(() => o.getByText(/拟推介名单已确认/).count()).toBe(1);
      await o.reload();
      // 杨春梅 and the top of the ranking (one nomination when she is the top) now show 拟推介.
      await expect
        .poll(() => o.locator('tr', { hasText: '杨春梅' }).getByText('拟推介', { exact: true }).count())
        .toBe(1);
      await expect.poll(() => o.getByText('拟推介', { exact: true }).count()).toBeGreaterThan(0);
      const download = o.waitForEvent('download');
      await o.getByRole('button', { name: '下载拟推介名单（Word）' }).first().click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    } catch (error) {
      await shot(c, 'failure-chair').catch(() => {});
      await shot(o, 'failure-organiser').catch(() => {});
      console.error(server.output().slice(-3000));
      throw error;
    }
  });
});
