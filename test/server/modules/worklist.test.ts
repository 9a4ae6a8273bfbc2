/**
 * The to-do list (GET /api/worklist), one endpoint answering for each role the caller has: a unit's
 * clerk sees what was returned to it (with the reason), deadlines near, extensions granted and paper
 * copies still to post; an organiser sees per campaign what waits for the formal check, drafts its
 * units asked it to look at, and paper copies not posted or not arrived; other roles an empty list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
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
let campaignTitle: string;
let rules: CampaignRules;
const ids: Record<string, string> = {};
const today = todayInShanghai(new Date());
const extendedUntil = `${addDays(today, 5)}T17:00:00+08:00`;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });

async function submit(unit: Session, n: number, name: string) {
  const draft = await draftWith(t, unit, campaignId, completeStar(rules, n, { name }));
  const response = await call(unit, 'POST', `/api/nominations/${draft.id}/submit`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return draft.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  jilinCity = await secondUnitSession(t, jilin);
  ({ rules } = await campaignOf(t, changchun, '吉林省教育厅'));
  const { campaign } = await campaignOf(t, changchun, '吉林省教育厅');
  campaignId = campaign.id;
  campaignTitle = campaign.title;

  ids.returned = await submit(changchun, 901, '被退回的人');
  const returned = await call(jilin, 'POST', `/api/nominations/${ids.returned}/review`, {
    decision: 'return',
    reason: '请补充近三年的学习事迹',
  });
  if (returned.statusCode !== 200) throw new Error(returned.body);
  ids.waiting = await submit(changchun, 902, '待审查甲');
  ids.otherWaiting = await submit(jilinCity, 903, '待审查乙');
  ids.draft = (
    await draftWith(t, changchun, campaignId, { name: '还在写的' }, 'star', { materials: false })
  ).id;
  ids.asked = (
    await draftWith(t, changchun, campaignId, completeStar(rules, 904, { name: '请看一下的' }))
  ).id;
  const asked = await call(changchun, 'POST', `/api/nominations/${ids.asked}/review-request`, {
    requested: true,
  });
  if (asked.statusCode !== 200) throw new Error(asked.body);

  // The deadline comes near (the organiser moves it), and 长春 is given two days more.
  const detail = (await call(jilin, 'GET', `/api/campaigns/${campaignId}`)).json();
  const moved = await call(jilin, 'PUT', `/api/campaigns/${campaignId}/rules`, {
    rules: { ...detail.rules, deadline: { date: addDays(today, 3), time: '17:00', timeFromNotice: false } },
    rulesVersion: detail.campaign.rulesVersion,
  });
  if (moved.statusCode !== 200) throw new Error(moved.body);
  const changchunId = (
    await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '长春市教育局')
      .executeTakeFirstOrThrow()
  ).id;
  const granted = await call(jilin, 'POST', `/api/campaigns/${campaignId}/extensions`, {
    organisationId: changchunId,
    until: extendedUntil,
    reason: '暴雨停电，材料需重新扫描',
  });
  if (granted.statusCode !== 200) throw new Error(granted.body);
}, 120_000);
afterAll(() => t.close());

const worklist = async (s: Session) => {
  const response = await call(s, 'GET', '/api/worklist');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('a reporting unit’s clerk', () => {
  it('sees what was returned with the reason, the deadline near, its extension and the paper to post', async () => {
    const list = await worklist(changchun);
    expect(list.organiser).toBeNull();
    expect(list.unit.returned).toEqual([
      expect.objectContaining({
        nominationId: ids.returned,
        title: '被退回的人',
        reason: '请补充近三年的学习事迹',
        campaignId,
        campaignTitle,
      }),
    ]);
    expect(list.unit.deadlines).toEqual([
      expect.objectContaining({
        campaignId,
        campaignTitle,
        until: new Date(extendedUntil).toISOString(),
        extended: true,
        daysLeft: expect.any(Number),
        drafts: 2,
        returned: 1,
      }),
    ]);
    expect(list.unit.deadlines[0].daysLeft).toBeLessThanOrEqual(6);
    expect(list.unit.extensions).toEqual([
      expect.objectContaining({
        campaignId,
        until: new Date(extendedUntil).toISOString(),
        reason: '暴雨停电，材料需重新扫描',
      }),
    ]);
    expect(list.unit.paper).toEqual([
      expect.objectContaining({ campaignId, standing: 'not_dispatched', standingLabel: '未寄送' }),
    ]);
  });

  it('of another unit sees only its own, and the paper item goes once posted', async () => {
    const other = await worklist(jilinCity);
    // 吉林市 has no extension, nothing returned; its deadline (the campaign's) is near too.
    expect(other.unit.returned).toEqual([]);
    expect(other.unit.extensions).toEqual([]);
    expect(other.unit.deadlines).toEqual([expect.objectContaining({ extended: false, drafts: 0 })]);
    const jilinCityId = (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', '吉林市教育局')
        .executeTakeFirstOrThrow()
    ).id;
    const posted = await call(
      jilinCity,
      'PUT',
      `/api/campaigns/${campaignId}/paper/${jilinCityId}/dispatch`,
      {
        courier: 'EMS',
        trackingNumber: 'EA000000001CN',
        dispatchedOn: today,
      },
    );
    expect(posted.statusCode, posted.body).toBe(200);
    expect((await worklist(jilinCity)).unit.paper).toEqual([]);
  });
});

describe('an organiser', () => {
  it('sees per campaign what waits for the formal check, the drafts it was asked to look at, and the paper', async () => {
    const list = await worklist(jilin);
    const mine = list.organiser.campaigns.find((c: { campaignId: string }) => c.campaignId === campaignId);
    expect(mine).toMatchObject({
      campaignId,
      title: campaignTitle,
      statusLabel: '报送中',
      awaitingCheck: 2,
      reviewRequests: [
        expect.objectContaining({ id: ids.asked, title: '请看一下的', unitName: '长春市教育局' }),
      ],
      paper: { notDispatched: 1, inTransit: 1, receivedWithProblems: 0 },
    });
    expect([ids.waiting, ids.otherWaiting]).toContain(mine.firstWaitingId);
    expect(mine.oldestSubmittedAt).toEqual(expect.any(String));
    // The draft still being written is not named anywhere.
    expect(JSON.stringify(list)).not.toContain('还在写的');
    // 吉林省教育厅 also reports to the national round: its unit list comes too.
    expect(list.unit).toMatchObject({ returned: [], paper: [] });

    const accepted = await call(jilin, 'POST', `/api/campaigns/${campaignId}/formal-check/accept`, {
      nominationIds: [ids.waiting, ids.otherWaiting],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = (await worklist(jilin)).organiser.campaigns.find(
      (c: { campaignId: string }) => c.campaignId === campaignId,
    );
    expect(after).toMatchObject({ awaitingCheck: 0, firstWaitingId: null });
  });

  it('of the national round sees its own round, not the rounds of the provinces below it', async () => {
    const list = await worklist(await loginAs(t, 'cace-admin'));
    expect(list.unit).toBeNull();
    const titles = list.organiser.campaigns.map((c: { title: string }) => c.title);
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toContain('吉林');
  });
});

describe('other roles', () => {
  it('the platform administrator organises no round itself: an empty organiser list', async () => {
    expect(await worklist(await loginAs(t, 'admin'))).toEqual({ unit: null, organiser: { campaigns: [] } });
  });

  it('an expert and an approver get an empty list; nobody logged out gets one', async () => {
    for (const username of ['expert', 'approver']) {
      expect(await worklist(await loginAs(t, username))).toEqual({ unit: null, organiser: null });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/worklist' })).statusCode).toBe(401);
  });
});
