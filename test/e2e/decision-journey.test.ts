/**
 * Issue 13's "done when" in Chromium against the real server with the demo data, on a clock that starts
 * on 2026-09-21 and is moved by restarting the server (TUIJIE_CLOCK):
 *   1. the national review demo's chair proposes a star shortlist, the organiser confirms it;
 *   2. the organiser drafts the 公示 from it, sets the objection contact, previews it, picks 2026-09-29 as the
 *      start day (the period runs across 国庆 to 2026-10-10, a Saturday worked as 调休) and confirms; on the
 *      start day the tick opens it and the campaign is 公示中;
 *   3. a member of the public on a phone finds it under /gs/, reads the list, the period and the 调休 day
 *      (no ID numbers or phones), objects to one entry with the real captcha and a PDF, gets a receipt and
 *      looks the objection up;
 *   4. the organiser accepts it, notes the check, proposes 成立; a second organiser admin confirms it; the
 *      public page shows the dated correction and the entry struck through; the objector is answered;
 *   5. on the end day the 公示 is still open, the day after it is closed;
 *   6. the approver approves, the organiser publishes with a 文号; the results page and the notice's DOCX,
 *      XLSX and PDF list the winners and not the removed entry;
 *   7. in the 2027 round a province nominates one of the winners again and is told so, naming the result.
 * Screenshots at 1280 and 375 px in .tmp/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '#core/identity/id-number.ts';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  launchBrowser,
  loginThroughPage,
  pageApi,
  settledDialog,
} from '#test/support/browser.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';

const { available } = browserAvailability();
const run = promisify(execFile);

const CHAIR = 'expert2';
const ORGANISER = 'cace-admin';
const SECOND_ADMIN = 'cace-admin2';
const APPROVER = 'approver';
/** The first start: the review round is open, reporting closed a week before. */
const FIRST_DAY = '2026-09-21T09:00:00+08:00';
const START_DAY = '2026-09-29';
const END_DAY = '2026-10-10';
const OBJECTOR_PHONE = '13912345678';
const CONTACT_PHONE = '010-66097000';
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** A small PDF the form's check takes (magic bytes), as an objector's scanned evidence would be. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!available)('browser journey: 公示, objection, 审定, 公布 and next year', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let jobs: Jobs;
  /** The server's time now (the browser's pages are set to it where a page reads today). */
  let serverNow = FIRST_DAY;
  const passwords = new Map<string, string>();
  const contexts: BrowserContext[] = [];

  let campaignId = '';
  let campaignTitle = '';
  /** The shortlisted stars: one per province, the one objected to, and one from a province with an account. */
  let shortlist: { id: string; title: string; unitName: string; username: string | null }[] = [];
  let objected = { id: '', title: '' };
  let announcementId = '';
  let receipt = '';

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm run build:web');
    await mkdir(path.resolve('.tmp'), { recursive: true });
    database = await createTestDatabase({ migrated: false });
    server = await startServerProcess(database.url, { clock: FIRST_DAY });
    for (const [username, password] of server.passwords) passwords.set(username, password);
    jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
    browser = await launchBrowser();
    const campaign = await database.db
      .selectFrom('campaigns')
      .select(['id', 'title', 'status'])
      .where('title', 'like', '%（评审演示）')
      .executeTakeFirstOrThrow();
    expect(campaign.status).toBe('reviewing');
    campaignId = campaign.id;
    campaignTitle = campaign.title;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await jobs?.stop();
    await server?.stop();
    await database?.drop();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.resolve('.tmp', `e2e-decision-${name}.png`), fullPage: true });

  /** Signs in (a moved clock has let earlier sessions lapse); the first time, the one-time password is changed. */
  async function open(width: number, username: string) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    // The pages that offer today (the 公示 start day) read it from the browser: the server's today.
    await page.clock.setFixedTime(new Date(serverNow));
    // The same for a user every time, and without the user name in it (the password policy).
    const code = [...username].reduce((sum, c) => sum + c.charCodeAt(0), 0);
    const newPassword = `Gongshi#2026-${code}Qz`;
    await loginThroughPage(page, server.url, username, passwords.get(username)!, newPassword);
    passwords.set(username, newPassword);
    return page;
  }

  /** A member of the public: no login. */
  async function visitor(width: number) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 812 } });
    contexts.push(context);
    const page = await context.newPage();
    return page;
  }

  async function closeContexts() {
    for (const c of contexts.splice(0)) await c.close();
  }

  /** Restarts the server on `at` (signed-in sessions lapse with the jump) and runs the 公示 tick once. */
  async function moveClock(at: string) {
    await closeContexts();
    await server.restart({ clock: at });
    serverNow = at;
    // The tick the server schedules every five minutes, sent now, worked by the server on its clock.
    const jobId = await jobs.send(QUEUES.announcementTick, {});
    await expect
      .poll(
        async () => {
          const { rows } = await sql<{
            state: string;
          }>`SELECT state FROM pgboss.job WHERE id = ${jobId}`.execute(database.db);
          return rows[0]?.state;
        },
        { timeout: 60_000, message: 'the 公示 tick sent after the restart has run' },
      )
      .toBe('completed');
  }

  const announcementRow = () =>
    database.db
      .selectFrom('announcements')
      .select(['id', 'state', 'startDay', 'endDay'])
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
  const campaignStatus = async () =>
    (
      await database.db
        .selectFrom('campaigns')
        .select('status')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow()
    ).status;

  async function failWith(pages: Page[], name: string, error: unknown): Promise<never> {
    for (const [i, p] of pages.entries()) await shot(p, `failure-${name}-${i}`).catch(() => {});
    console.error(server.output().slice(-3000));
    throw error;
  }

  it('1. the chair proposes the stars shortlist, the organiser confirms it', {
    timeout: 180_000,
  }, async () => {
    const chair = await open(1280, CHAIR);
    const organiser = await open(1280, ORGANISER);
    try {
      const ranking = await pageApi(
        chair,
        'GET',
        `/api/campaigns/${campaignId}/review/ranking?category=star&method=mean`,
      );
      const rows = ranking.rows as { nominationId: string; title: string; unitName: string }[];
      // One star of each province: within every unit's cap; a reason for each place the ranking did not give.
      const units = new Set<string>();
      const picked = new Set<string>();
      for (const row of rows)
        if (!units.has(row.unitName) && picked.size < 3) {
          units.add(row.unitName);
          picked.add(row.nominationId);
        }
      expect(picked.size).toBeGreaterThanOrEqual(2);
      const proposal = await pageApi(chair, 'POST', `/api/campaigns/${campaignId}/review/shortlist`, {
        roundId: ranking.roundId,
        category: 'star',
        method: 'mean',
        entries: rows.map((r) => ({
          nominationId: r.nominationId,
          decision: picked.has(r.nominationId) ? 'shortlisted' : 'not_selected',
          reason: '评审会议讨论决定，每省推介一名',
        })),
      });
      await pageApi(
        organiser,
        'POST',
        `/api/campaigns/${campaignId}/review/shortlist/${proposal.id}/confirm`,
        {},
      );

      const accounts = await database.db
        .selectFrom('nominations as n')
        .innerJoin('organisations as o', 'o.id', 'n.unitId')
        .leftJoin('accounts as a', (join) =>
          join.onRef('a.organisationId', '=', 'o.id').on(sql<boolean>`'unit_submitter' = ANY(a.roles)`),
        )
        .select(['n.id', 'n.title', 'o.name as unitName', 'a.username'])
        .where('n.campaignId', '=', campaignId)
        .where('n.state', '=', 'shortlisted')
        .execute();
      // One row per nomination: a unit may have more than one submitter (the demo's showcase round adds some).
      shortlist = [...new Map(accounts.map((a) => [a.id, a])).values()];
      expect(new Set(shortlist.map((s) => s.id))).toEqual(picked);
      // The entry objected to is one whose province has no sign-in here; the winner nominated next year has one.
      objected = shortlist.find((s) => s.username === null) ?? shortlist[shortlist.length - 1]!;
      expect(shortlist.some((s) => s.username && s.id !== objected.id)).toBe(true);

      await organiser.goto(`${server.url}/campaigns/${campaignId}/review/ranking?category=star`);
      await expect
        .poll(() => organiser.getByText('拟推介', { exact: true }).count(), {
          message: 'the ranking shows the confirmed stars as 拟推介',
        })
        .toBeGreaterThan(0);
      await shot(organiser, '1-shortlist-1280');
      await expectNoSeriousA11yViolations(organiser, '评审排名（拟推介已确认）');
    } catch (error) {
      await failWith([chair, organiser], 'shortlist', error);
    }
  });

  it('2. the organiser announces it from the shortlist; on the start day it opens', {
    timeout: 240_000,
  }, async () => {
    const page = await open(1280, ORGANISER);
    try {
      await page.goto(`${server.url}/campaigns/${campaignId}?tab=gongshi`);
      await page.getByRole('button', { name: '从拟推介名单起草公示' }).click();
      await expect
        .poll(() => page.getByRole('cell', { name: objected.title }).count(), {
          message: 'the draft lists the shortlist',
        })
        .toBeGreaterThan(0);

      // The objection contact, saved, then read in the preview as the public will see it.
      // The draft's first answer re-renders the tabs back to the preview (a known race, in the closing
      // note): the tab is chosen again until its form is there.
      await expect
        .poll(async () => {
          await page.getByRole('tab', { name: '编辑内容' }).click();
          return page.getByLabel('异议受理单位').count();
        })
        .toBeGreaterThan(0);
      await page.getByLabel('异议受理单位').fill('中国成人教育协会秘书处');
      await page.getByLabel('联系电话').fill(CONTACT_PHONE);
      await page.getByLabel('电子邮箱').fill('gongshi@example.org.cn');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom('announcements')
                .select('objectionContact')
                .where('campaignId', '=', campaignId)
                .executeTakeFirst()
            )?.objectionContact,
          { message: 'the objection contact is saved' },
        )
        .toMatchObject({ receiver: '中国成人教育协会秘书处', phone: CONTACT_PHONE });
      await page.getByRole('tab', { name: /预览/ }).click();
      await expect
        .poll(() => page.getByText('中国成人教育协会秘书处').count(), {
          message: 'the preview shows the objection contact',
        })
        .toBeGreaterThan(0);

      // The start day, 2026-09-29: the period is counted across 国庆 up to the Saturday worked as 调休.
      await page.locator('.ant-picker').first().click();
      await page.locator(`td[title="${START_DAY}"]`).click();
      await expect
        .poll(() => page.getByText(/公示期：2026年9月29日至2026年10月10日/).count(), {
          message: 'the end day computed on the calendar',
        })
        .toBeGreaterThan(0);
      await shot(page, '2-draft-1280');
      await expectNoSeriousA11yViolations(page, '公示（起草与预览）');
      await page.getByRole('button', { name: '确认发布' }).click();
      await (await settledDialog(page)).getByRole('button', { name: '确认发布' }).click();
      await expect
        .poll(async () => (await announcementRow())?.state, { message: 'the 公示 is scheduled' })
        .toBe('scheduled');
      const scheduled = (await announcementRow())!;
      expect([scheduled.startDay, scheduled.endDay]).toEqual([START_DAY, END_DAY]);
      announcementId = scheduled.id;
      await page.reload();
      await expect.poll(() => page.getByText('待公示', { exact: true }).count()).toBeGreaterThan(0);
      await page.setViewportSize({ width: 375, height: 812 });
      await shot(page, '2-scheduled-375');
    } catch (error) {
      await failWith([page], 'announce', error);
    }

    // The day before it stays scheduled; on the start day the tick opens it.
    await moveClock('2026-09-28T10:00:00+08:00');
    expect((await announcementRow())?.state).toBe('scheduled');
    expect(await campaignStatus()).toBe('reviewing');
    await moveClock(`${START_DAY}T00:20:00+08:00`);
    expect((await announcementRow())?.state).toBe('open');
    expect(await campaignStatus()).toBe('announcing');
  });

  it('3. a member of the public on a phone reads the 公示, objects and gets a receipt', {
    timeout: 180_000,
  }, async () => {
    const page = await visitor(375);
    try {
      await page.goto(`${server.url}/gs/`);
      await page
        .getByRole('link', { name: /拟推介名单的公示/ })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/gs/${announcementId}$`));
      for (const s of shortlist) expect(await page.getByRole('cell', { name: s.title }).count()).toBe(1);
      await expect
        .poll(() => page.getByText('公示期：2026年9月29日至2026年10月10日，共5个工作日').count())
        .toBeGreaterThan(0);
      const calendar = page.getByRole('table', { name: '公示期日历' });
      expect(await calendar.getByRole('row', { name: /2026年10月1日.*国庆节放假/ }).count()).toBe(1);
      expect(await calendar.getByRole('row', { name: /2026年10月10日.*工作日.*调休上班/ }).count()).toBe(1);
      // Nothing personal of the nominees: no ID number, no phone of theirs.
      const html = await page.content();
      const forms = await database.db
        .selectFrom('nominations')
        .select('form')
        .where(
          'id',
          'in',
          shortlist.map((s) => s.id),
        )
        .execute();
      const personal = forms.flatMap((f) =>
        Object.values(revealForm(f.form as Record<string, unknown>, dataKeys())).filter(
          (v): v is string => typeof v === 'string' && /^(\d{17}[\dXx]|1\d{10})$/.test(v),
        ),
      );
      expect(personal.length).toBeGreaterThan(0);
      for (const value of personal) expect(html).not.toContain(value);
      expect(html).not.toMatch(/\d{17}[\dXx]/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, '3-announcement-375');

      await page.getByRole('link', { name: '在线提出异议' }).click();
      await page.waitForURL(/\/objection$/);
      const option = page.locator('#entryId option', { hasText: `${objected.title}（` });
      await page.getByLabel('异议对象').selectOption((await option.getAttribute('value'))!);
      await page.getByLabel('个人').check();
      await page.getByLabel('姓名').fill('赵某某');
      await page.getByLabel('身份证号码').fill(`11010119800101123${idCheckCharacter('11010119800101123')}`);
      await page.getByLabel('工作单位').first().fill('某街道社区');
      await page.getByLabel('联系电话').fill(OBJECTOR_PHONE);
      await page
        .getByLabel('异议事实和理由')
        .fill('公示材料所列“全国社区教育优秀学习者”称号经向颁奖单位查询无记录，请组织单位核实。');
      const question = (await page.locator('label[for="captchaAnswer"]').textContent()) ?? '';
      const m = /([零一二三四五六七八九十]+)([加减])([零一二三四五六七八九十]+)等于几/.exec(question);
      expect(m, question).not.toBeNull();
      const [a, b] = [DIGITS.indexOf(m![1]!), DIGITS.indexOf(m![3]!)];
      await page.getByLabel(/验证问题/).fill(String(m![2] === '加' ? a + b : a - b));
      const pdf = path.join(os.tmpdir(), `tuijie-objection-${process.pid}.pdf`);
      await writeFile(pdf, PDF);
      await page.getByLabel(/证明材料/).setInputFiles(pdf);
      await shot(page, '3-objection-form-375');
      await page.getByRole('button', { name: '提交异议' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: '异议已提交' }).count(), {
          message: 'the receipt page',
        })
        .toBe(1);
      receipt = ((await page.locator('strong').first().textContent()) ?? '').trim();
      expect(receipt).not.toBe('');
      const stored = await database.db
        .selectFrom('objections as o')
        .innerJoin('announcementEntries as e', 'e.id', 'o.entryId')
        .select(['o.state', 'e.name', 'o.id'])
        .where('o.receipt', '=', receipt)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ state: 'received', name: objected.title });
      expect(
        await database.db
          .selectFrom('objectionFiles')
          .select('id')
          .where('objectionId', '=', stored.id)
          .execute(),
      ).toHaveLength(1);
      await shot(page, '3-receipt-375');

      await page.locator('#main').getByRole('link', { name: '异议办理查询' }).click();
      await page.getByLabel('回执编号').fill(receipt);
      await page.getByLabel('联系电话').fill(OBJECTOR_PHONE);
      await page.getByRole('button', { name: '查询' }).click();
      await expect
        .poll(() => page.getByRole('row', { name: /办理状态\s*待受理/ }).count(), {
          message: 'the status looked up with receipt and phone',
        })
        .toBe(1);
    } catch (error) {
      await failWith([page], 'public', error);
    }
  });

  it('4. the organiser upholds it with a second admin; the public page shows the dated correction', {
    timeout: 240_000,
  }, async () => {
    let organiser = await open(1280, ORGANISER);
    let second: Page | null = null;
    const handle = async (p: Page) => {
      await p.goto(`${server.url}/campaigns/${campaignId}?tab=objections`);
      await p.getByRole('button', { name: `办理对「${objected.title}」的异议` }).click();
      await expect
        .poll(() => p.getByText(receipt).count(), { message: 'the objection is open' })
        .toBeGreaterThan(0);
    };
    const objectionState = async () =>
      (
        await database.db
          .selectFrom('objections')
          .select('state')
          .where('receipt', '=', receipt)
          .executeTakeFirstOrThrow()
      ).state;
    /** Makes the move through its dialog and waits for the server's answer, which must be a success. */
    const move = async (p: Page, label: RegExp, reason?: string) => {
      await p.getByRole('button', { name: label }).first().click();
      const dialog = await settledDialog(p);
      if (reason) await dialog.getByRole('textbox').fill(reason);
      const answer = p.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/moves'),
      );
      await dialog.getByRole('button', { name: label }).click();
      expect((await answer).status(), `${label} 的应答`).toBe(200);
    };
    try {
      // A second organiser admin of the association, made by the first.
      const org = await database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', '中国成人教育协会')
        .executeTakeFirstOrThrow();
      const created = await pageApi(organiser, 'POST', '/api/accounts', {
        username: SECOND_ADMIN,
        displayName: '秘书处复核人',
        organisationId: org.id,
        roles: ['organiser_admin'],
      });
      passwords.set(SECOND_ADMIN, created.initialPassword);

      await handle(organiser);
      await move(organiser, /^受\s*理$/);
      await expect.poll(objectionState, { message: '受理' }).toBe('investigating');
      await organiser.getByLabel('核实记录').fill('已电话联系颁奖单位，确认无该获奖记录。');
      await organiser.getByRole('button', { name: '添加记录' }).click();
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom('objectionEvents as e')
                .innerJoin('objections as o', 'o.id', 'e.objectionId')
                .select('e.id')
                .where('o.receipt', '=', receipt)
                .where('e.kind', '=', 'note')
                .execute()
            ).length,
          { message: 'the note is kept' },
        )
        .toBe(1);
      await move(organiser, /拟认定异议成立/, '经核实，所列获奖情况不实。');
      await expect.poll(objectionState, { message: '拟认定成立' }).toBe('upheld_proposed');
      await expect
        .poll(() => organiser.getByText('已拟认定异议成立，等待另一位组织方管理员复核。').count())
        .toBe(1);
      await shot(organiser, '4-proposed-1280');
      await expectNoSeriousA11yViolations(organiser, '异议办理');

      second = await open(1280, SECOND_ADMIN);
      await handle(second);
      await move(second, /复核确认异议成立/);
      await expect.poll(objectionState, { message: '复核确认成立' }).toBe('upheld');
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom('nominations')
                .select('state')
                .where('id', '=', objected.id)
                .executeTakeFirstOrThrow()
            ).state,
          { message: 'the entry left the list through its transition' },
        )
        .toBe('not_selected');
    } catch (error) {
      await failWith(second ? [organiser, second] : [organiser], 'handling', error);
    }

    const phone = await visitor(375);
    try {
      await phone.goto(`${server.url}/gs/${announcementId}`);
      await expect
        .poll(() => phone.getByText(/2026年9月29日（名单更正）/).count(), {
          message: 'the dated correction on the public page',
        })
        .toBe(1);
      const removed = phone.locator('tr.removed', { hasText: objected.title });
      expect(await removed.count()).toBe(1);
      expect(
        await removed.evaluate((tr) => getComputedStyle(tr.querySelector('td')!).textDecorationLine),
      ).toBe('line-through');
      await shot(phone, '4-correction-375');
      await phone.setViewportSize({ width: 1280, height: 900 });
      await shot(phone, '4-correction-1280');
    } catch (error) {
      await failWith([phone], 'correction', error);
    }

    try {
      // Answered (答复); the objector reads the reply with receipt and phone.
      organiser = await open(1280, ORGANISER);
      await handle(organiser);
      await move(organiser, /答复异议人/, '经核实，您反映的情况属实，该推介已移出拟推介名单。感谢监督。');
      await expect.poll(objectionState, { message: '答复' }).toBe('replied');
      await phone.goto(`${server.url}/gs/status`);
      await phone.getByLabel('回执编号').fill(receipt);
      await phone.getByLabel('联系电话').fill(OBJECTOR_PHONE);
      await phone.getByRole('button', { name: '查询' }).click();
      await expect
        .poll(() => phone.getByText('该推介已移出拟推介名单').count(), {
          message: 'the reply found by the objector',
        })
        .toBe(1);
    } catch (error) {
      await failWith([organiser, phone], 'reply', error);
    }
  });

  it('5. the 公示 is open on its end day and closed the day after', { timeout: 180_000 }, async () => {
    await moveClock(`${END_DAY}T16:00:00+08:00`);
    expect((await announcementRow())?.state).toBe('open');
    expect(await campaignStatus()).toBe('announcing');
    const phone = await visitor(375);
    await phone.goto(`${server.url}/gs/${announcementId}`);
    expect(await phone.getByRole('link', { name: '在线提出异议' }).count()).toBe(1);

    await moveClock('2026-10-11T00:20:00+08:00');
    expect((await announcementRow())?.state).toBe('closed');
    const after = await visitor(375);
    await after.goto(`${server.url}/gs/${announcementId}`);
    await expect
      .poll(() => after.getByText('本公示的公示期已于2026年10月10日结束。').count(), {
        message: 'the public page says the period ended',
      })
      .toBe(1);
    expect(await after.getByRole('link', { name: '在线提出异议' }).count()).toBe(0);
    await shot(after, '5-closed-375');
  });

  it('6. the approver approves, the organiser publishes; the results and the notice list the winners', {
    timeout: 300_000,
  }, async () => {
    const winners = shortlist.filter((s) => s.id !== objected.id);
    const organiser = await open(1280, ORGANISER);
    const approver = await open(375, APPROVER);
    try {
      await organiser.goto(`${server.url}/campaigns/${campaignId}?tab=results`);
      await organiser.getByRole('button', { name: '提请审定' }).click();
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom('notifications as n')
                .innerJoin('accounts as a', 'a.id', 'n.accountId')
                .select('n.id')
                .where('a.username', '=', APPROVER)
                .where('n.kind', '=', 'approval_requested')
                // This campaign's request: the demo's finished round told the same approver of its own.
                .where('n.dedupeKey', 'like', `approval-requested:${campaignId}:%`)
                .execute()
            ).length,
          { message: 'the approver is told the list awaits 审定' },
        )
        .toBe(1);
      await approver.goto(`${server.url}/approvals`);
      await approver.getByRole('link', { name: campaignTitle }).click();
      await approver.getByRole('button', { name: '审定通过' }).click();
      const dialog = await settledDialog(approver);
      await expect.poll(() => dialog.textContent()).toContain(`名单上的 ${winners.length} 项推介`);
      await shot(approver, '6-approve-375');
      await expectNoSeriousA11yViolations(approver, '审定（对话框）');
      await dialog.getByRole('button', { name: '审定通过' }).click();
      await expect.poll(campaignStatus, { message: '审定' }).toBe('approved');

      await organiser.goto(`${server.url}/campaigns/${campaignId}?tab=results`);
      await organiser.getByLabel('文号').fill('中成教协〔2026〕18号');
      const tab = organiser.getByRole('tabpanel', { name: '审定与公布' });
      await tab.getByRole('button', { name: '公布结果' }).click();
      await (await settledDialog(organiser)).getByRole('button', { name: '公布结果' }).click();
      await expect.poll(campaignStatus, { message: '公布', timeout: 60_000 }).toBe('published');
      await expect
        .poll(
          async () =>
            await database.db
              .selectFrom('resultNotices')
              .select(['docxKey', 'pdfKey', 'xlsxKey', 'docNumber'])
              .where('campaignId', '=', campaignId)
              .executeTakeFirst(),
          { message: 'the notice and its files are stored', timeout: 120_000 },
        )
        .toMatchObject({
          docxKey: expect.any(String),
          pdfKey: expect.any(String),
          xlsxKey: expect.any(String),
          docNumber: '中成教协〔2026〕18号',
        });
      await organiser.reload();
      await expect.poll(() => tab.getByRole('button', { name: '下载通知（Word）' }).count()).toBe(1);
      await shot(organiser, '6-published-1280');
      await expectNoSeriousA11yViolations(organiser, '审定与公布');
    } catch (error) {
      await failWith([organiser, approver], 'decision', error);
    }

    const page = await visitor(1280);
    try {
      await page.goto(`${server.url}/results/`);
      await page.getByRole('link', { name: /结果/ }).filter({ hasText: '2026' }).first().click();
      await page.waitForURL(/\/results\/[^/]+$/);
      for (const w of winners) {
        const row = page.getByRole('row').filter({ hasText: w.title });
        expect(await row.count()).toBe(1);
        // The 省份 column names the province (浙江省), never its code.
        const province = new RegExp(`^${w.unitName.slice(0, 2)}(省|市|自治区)?$`);
        expect(await row.getByRole('cell', { name: province }).count()).toBe(1);
      }
      expect(await page.getByText(objected.title).count()).toBe(0);
      await shot(page, '6-results-1280');
      await page.setViewportSize({ width: 375, height: 812 });
      await shot(page, '6-results-375');

      const base = page.url();
      const get = async (kind: string) => {
        const response = await page.request.get(`${base}/notice.${kind}`);
        expect(response.status(), kind).toBe(200);
        return response.body();
      };
      const docx = await JSZip.loadAsync(await get('docx'));
      const docText = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get('xlsx')) as never);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
      );
      const pdf = await get('pdf');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdfPath = path.join(os.tmpdir(), `tuijie-notice-${process.pid}.pdf`);
      await writeFile(pdfPath, pdf);
      const pdfText = (await run('pdftotext', [pdfPath, '-'])).stdout.replace(/\s+/g, '');
      expect(docText).toContain('中成教协〔2026〕18号');
      for (const w of winners) {
        expect(docText).toContain(w.title);
        expect(cells.join('\n')).toContain(w.title);
        expect(pdfText).toContain(w.title);
      }
      expect(docText).not.toContain(objected.title);
      expect(cells.join('\n')).not.toContain(objected.title);
      expect(pdfText).not.toContain(objected.title);
    } catch (error) {
      await failWith([page], 'results', error);
    }
  });

  it('7. next year a province nominates a winner again and is told of the published result', {
    timeout: 180_000,
  }, async () => {
    const winner = shortlist.find((s) => s.username && s.id !== objected.id)!;
    const organiser = await open(1280, ORGANISER);
    if (!passwords.has(winner.username!)) {
      // The review demo's provinces were given accounts without a printed password: the association resets one.
      const account = await database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', winner.username!)
        .executeTakeFirstOrThrow();
      const reset = await pageApi(organiser, 'POST', `/api/accounts/${account.id}/reset-password`, {});
      passwords.set(winner.username!, reset.initialPassword);
    }
    const unit = await open(1280, winner.username!);
    try {
      const { campaign } = await pageApi(organiser, 'POST', '/api/campaigns', {
        copyFromCampaignId: campaignId,
        year: 2027,
      });
      // A copy leaves the deadline for the organiser to set.
      const copied = await pageApi(organiser, 'GET', `/api/campaigns/${campaign.id}`);
      await pageApi(organiser, 'PUT', `/api/campaigns/${campaign.id}/rules`, {
        rules: { ...copied.rules, deadline: { ...copied.rules.deadline, date: '2027-03-31' } },
        rulesVersion: copied.campaign.rulesVersion,
      });
      await pageApi(organiser, 'POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'open' });

      const old = await database.db
        .selectFrom('nominations')
        .select('form')
        .where('id', '=', winner.id)
        .executeTakeFirstOrThrow();
      const { nomination } = await pageApi(unit, 'POST', '/api/nominations', {
        campaignId: campaign.id,
        category: 'star',
      });
      await pageApi(unit, 'PUT', `/api/nominations/${nomination.id}`, {
        form: revealForm(old.form as Record<string, unknown>, dataKeys()),
        version: nomination.version,
      });
      await unit.goto(`${server.url}/nominations/${nomination.id}`);
      await expect
        .poll(() => unit.getByText('该人员已获评“百姓学习之星”').count(), {
          message: 'the unit is told the nominee has won already',
        })
        .toBeGreaterThan(0);
      await shot(unit, '7-unit-1280');
      await expectNoSeriousA11yViolations(unit, '推介表（已获评提示）');

      // Two findings: the published list's record (entered by the publication, named to the unit only as
      // 已获评, with whom to ask) and the unit's own 2026 nomination, now 入选, named in full.
      const seen = await pageApi(unit, 'GET', `/api/nominations/${nomination.id}`);
      const messages = (seen.nomination.findings as { message: string }[]).map((f) => f.message).join('\n');
      expect(messages).toContain('该人员已获评“百姓学习之星”（身份证号相同），已获评的人员不再推介');
      expect(messages).toContain('中国成人教育协会');
      expect(messages).toMatch(
        new RegExp(`2026年全国“百姓学习之星”的推介“${winner.title}”.*已获评的人员不再推介`),
      );
      const entered = await database.db
        .selectFrom('previousWinners')
        .select(['name', 'year', 'nominationId'])
        .where('campaignId', '=', campaignId)
        .execute();
      expect(entered).toContainEqual({ name: winner.title, year: 2026, nominationId: winner.id });
      expect(entered.map((e) => e.name)).not.toContain(objected.title);

      // The association's registry lists the published winner, without anyone importing a list.
      await organiser.setViewportSize({ width: 375, height: 812 });
      await organiser.goto(`${server.url}/winners`);
      await expect
        .poll(() => organiser.getByText(winner.title, { exact: true }).count(), {
          message: 'the registry page lists the published winner',
        })
        .toBeGreaterThan(0);
      await shot(organiser, '7-registry-375');
      await expectNoSeriousA11yViolations(organiser, '获评名录');
    } catch (error) {
      await failWith([organiser, unit], 'next-year', error);
    }
  });
});
