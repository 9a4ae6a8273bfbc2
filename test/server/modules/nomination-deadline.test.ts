/**
 * The deadline (issue #10, item 10): the moves a response offers come from the rule the server applies,
 * so a unit past its deadline is offered no 提交 / 撤回 and may not edit; 逾期视为自动放弃 runs at each
 * unit's own deadline (extensions included, also one granted after the run was planned) through the one
 * transition function, audited as 系统; the organiser sees who missed it. Time moves through the job's
 * `now` argument, and through the organiser moving the deadline with the rules editor.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { deadlinePassedMessage } from '#core/nomination/moves.ts';
import { lapseOverdueNominations } from '#server/modules/nominations/lapse-overdue.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilinCity: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;
/** The campaign's deadline as first seeded (a month ahead). */
let deadline: number;
let changchunId: string;
let jilinCityId: string;

const MINUTE = 60_000;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  jilinCity = await secondUnitSession(t, jilin);
  const found = await campaignOf(t, changchun, '吉林省教育厅');
  campaignId = found.campaign.id;
  rules = found.rules;
  deadline = Date.parse(found.campaign.deadlineAt);
  const idOf = async (name: string) =>
    (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  changchunId = await idOf('长春市教育局');
  jilinCityId = await idOf('吉林市教育局');
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const view = async (s: Session, id: string) =>
  (await call(s, 'GET', `/api/nominations/${id}`)).json().nomination;
const moves = (n: { transitions: { label: string }[] }) => n.transitions.map((tr) => tr.label);

/** The organiser edits the campaign's rules, as the rules editor does. */
async function editRules(edit: (rules: CampaignRules) => void) {
  const detail = (await call(jilin, 'GET', `/api/campaigns/${campaignId}`)).json();
  edit(detail.rules);
  const saved = await call(jilin, 'PUT', `/api/campaigns/${campaignId}/rules`, {
    rules: detail.rules,
    rulesVersion: detail.campaign.rulesVersion,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json().campaign as { deadlineAt: string };
}

/** Deadline-job runs planned for this campaign, as pg-boss holds them. */
async function plannedRuns(): Promise<number[]> {
  const { rows } = await sql<{ startAfter: Date }>`
    SELECT start_after FROM pgboss.job WHERE name = 'nomination-deadline' AND data->>'campaignId' = ${campaignId}`.execute(
    t.database.db,
  );
  return rows.map((r) => new Date(r.startAfter).getTime());
}

describe('逾期视为自动放弃 at each unit’s own deadline', () => {
  it('where the rules say so, withdraws drafts and returned nominations as 系统 once the deadline has passed, and keeps an extended unit’s work open', async () => {
    const late = await draftWith(t, jilinCity, campaignId, { name: '没来得及提交' }, 'star', {
      materials: false,
    });
    const returned = await draftWith(t, jilinCity, campaignId, completeStar(rules, 60));
    await call(jilinCity, 'POST', `/api/nominations/${returned.id}/submit`);
    const back = await call(jilin, 'POST', `/api/nominations/${returned.id}/review`, {
      decision: 'return',
      reason: '请补充近三年的学习活动',
    });
    expect(back.json().nomination.state).toBe('returned');
    const inTime = await draftWith(t, jilinCity, campaignId, completeStar(rules, 61));
    expect((await call(jilinCity, 'POST', `/api/nominations/${inTime.id}/submit`)).statusCode).toBe(200);
    const extendedDraft = await draftWith(t, changchun, campaignId, { name: '延期单位的草稿' }, 'star', {
      materials: false,
    });

    // The extension is granted after the campaign's run was planned: the run must still leave 长春 alone.
    const until = deadline + 3 * DAY;
    const granted = await call(jilin, 'POST', `/api/campaigns/${campaignId}/extensions`, {
      organisationId: changchunId,
      until: new Date(until).toISOString(),
      reason: '系统故障补报',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    // …and plans a run of its own just after the extended deadline.
    expect(await plannedRuns()).toContain(until + 1000);

    // Jilin's notice does not say 逾期视为自动放弃: past the deadline, work stays as it is.
    expect(rules.submission.lateCountsAsWithdrawn).toBe(false);
    expect(
      await lapseOverdueNominations(t.database.db, { now: new Date(deadline + MINUTE), campaignId }),
    ).toEqual([]);
    expect((await view(jilinCity, late.id)).state).toBe('draft');
    await editRules((r) => {
      r.submission.lateCountsAsWithdrawn = true;
    });

    expect(
      await lapseOverdueNominations(t.database.db, { now: new Date(deadline - MINUTE), campaignId }),
    ).toEqual([]);
    const atDeadline = await lapseOverdueNominations(t.database.db, {
      now: new Date(deadline + MINUTE),
      campaignId,
    });
    expect(atDeadline.map((n) => n.id).sort()).toEqual([late.id, returned.id].sort());
    expect(atDeadline.every((n) => n.unitId === jilinCityId)).toBe(true);

    const lapsed = await view(jilinCity, late.id);
    expect(lapsed).toMatchObject({ state: 'withdrawn', rank: null });
    expect(lapsed.lapsedAt).toBe(new Date(deadline + MINUTE).toISOString());
    expect((await view(jilinCity, returned.id)).state).toBe('withdrawn');
    expect((await view(jilinCity, inTime.id)).state).toBe('submitted');
    expect((await view(changchun, extendedDraft.id)).state).toBe('draft');

    const audit = (
      await call(jilin, 'GET', `/api/audit?entityId=${returned.id}&action=nomination.transitioned`)
    ).json();
    expect(audit.items[0]).toMatchObject({
      actor: null,
      before: { state: 'returned' },
      after: { state: 'withdrawn', label: '逾期未重新提交，视为自动放弃' },
    });

    // Running again changes nothing; at the extended deadline 长春's draft goes too.
    expect(await lapseOverdueNominations(t.database.db, { now: new Date(deadline + MINUTE) })).toEqual([]);
    const atExtension = await lapseOverdueNominations(t.database.db, { now: new Date(until + MINUTE) });
    expect(atExtension.map((n) => n.id)).toEqual([extendedDraft.id]);
  });
});

describe('a unit past its deadline', () => {
  it('is offered no 提交 or 撤回, cannot edit or upload; the organiser sees who missed it; an extended unit keeps its moves', async () => {
    const submitted = await draftWith(t, jilinCity, campaignId, completeStar(rules, 70));
    await call(jilinCity, 'POST', `/api/nominations/${submitted.id}/submit`);
    const draft = await draftWith(t, jilinCity, campaignId, { name: '截止前的草稿' }, 'star', {
      materials: false,
    });
    const extended = await draftWith(t, changchun, campaignId, completeStar(rules, 71));
    const before = await view(jilinCity, submitted.id);
    expect(moves(before)).toEqual(['撤回']);
    expect((await call(jilinCity, 'GET', `/api/campaigns/${campaignId}`)).json().campaign.actions).toContain(
      'nominate',
    );
    expect(moves(await view(jilinCity, draft.id))).toEqual(['提交']);
    expect((await view(jilinCity, draft.id)).actions).toContain('edit');
    const slotsOf = async (id: string) =>
      (await call(jilinCity, 'GET', `/api/nominations/${id}/materials`)).json().slots as {
        actions: string[];
      }[];
    expect((await slotsOf(draft.id)).some((slot) => slot.actions.includes('upload'))).toBe(true);

    // The organiser ends the reporting period early (the deadline is now in the past, for real), with
    // Jilin's rule: no 逾期视为自动放弃, so work left open stays as it is.
    const today = todayInShanghai(new Date());
    const past = today.endsWith('-01-01') ? today : addDays(today, -1);
    const moved = await editRules((r) => {
      r.submission.lateCountsAsWithdrawn = false;
      r.deadline = { date: past, time: '00:00', timeFromNotice: false };
    });
    const newDeadline = Date.parse(moved.deadlineAt);
    expect(await plannedRuns()).toContain(newDeadline + 1000);

    const after = await view(jilinCity, submitted.id);
    expect(moves(after)).toEqual([]);
    expect(after.deadline).toMatchObject({ passed: true, extended: false });
    const refused = await call(jilinCity, 'POST', `/api/nominations/${submitted.id}/withdraw`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'DEADLINE_PASSED',
      message: deadlinePassedMessage({ at: newDeadline, extended: false }),
    });
    // Nor is 新建 offered to it (the campaign is still 报送中), while 长春, extended, keeps it.
    const actionsOf = async (session: Session) =>
      (await call(session, 'GET', `/api/campaigns/${campaignId}`)).json().campaign.actions;
    expect(await actionsOf(jilinCity)).not.toContain('nominate');
    expect(await actionsOf(changchun)).toContain('nominate');
    const open = await view(jilinCity, draft.id);
    expect(open.state).toBe('draft');
    expect(moves(open)).toEqual([]);
    expect(open.actions).not.toContain('edit');
    expect((await slotsOf(draft.id)).every((slot) => slot.actions.length === 0)).toBe(true);
    const save = await call(jilinCity, 'PUT', `/api/nominations/${draft.id}`, {
      form: { name: '截止后再改' },
      version: open.version,
    });
    expect(save.statusCode).toBe(409);
    expect(save.json().code).toBe('DEADLINE_PASSED');
    const left = (await call(jilin, 'GET', `/api/campaigns/${campaignId}/missed-deadline`)).json().units;
    expect(left.find((u: { unitId: string }) => u.unitId === jilinCityId)).toMatchObject({
      unsubmitted: 1,
      lapsed: { star: 2, project: 0 },
    });

    // With the rule switched on and the deadline moved again, the run planned for it is due at once:
    // the queue's worker withdraws the draft.
    await editRules((r) => {
      r.submission.lateCountsAsWithdrawn = true;
      r.deadline = { date: past, time: '00:01', timeFromNotice: false };
    });
    let lapsed = await view(jilinCity, draft.id);
    for (let i = 0; i < 60 && lapsed.state !== 'withdrawn'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      lapsed = await view(jilinCity, draft.id);
    }
    expect(lapsed.state).toBe('withdrawn');
    expect(lapsed.lapsedAt).not.toBeNull();
    expect(moves(lapsed)).toEqual([]);

    // 长春 has its extension: its draft stays open, with 提交 offered and the form editable.
    const own = await view(changchun, extended.id);
    expect(own.state).toBe('draft');
    expect(moves(own)).toEqual(['提交']);
    expect(own.actions).toContain('edit');
    expect(own.deadline).toMatchObject({ passed: false, extended: true });
    const list = (await call(changchun, 'GET', `/api/nominations?campaignId=${campaignId}`)).json().items;
    expect(moves(list.find((n: { id: string }) => n.id === extended.id))).toEqual(['提交']);

    const missed = await call(jilin, 'GET', `/api/campaigns/${campaignId}/missed-deadline`);
    expect(missed.statusCode).toBe(200);
    const city = missed.json().units.find((u: { unitId: string }) => u.unitId === jilinCityId);
    expect(city).toMatchObject({
      unitName: '吉林市教育局',
      extended: false,
      lapsed: { star: 3, project: 0 },
      unsubmitted: 0,
    });
    expect(missed.json().units.some((u: { unitId: string }) => u.unitId === changchunId)).toBe(false);
    expect((await call(jilinCity, 'GET', `/api/campaigns/${campaignId}/missed-deadline`)).statusCode).toBe(
      403,
    );
  });
});
