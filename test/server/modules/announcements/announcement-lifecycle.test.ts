/**
 * 公示 from the confirmed shortlist to its end: drafted with public fields only in the official order,
 * scheduled on the official calendar across 国庆 2026 with its 调休 Saturday, opened by the tick on its
 * start day (the campaign enters 公示中 with it), still open on the end day and closed the day after,
 * restarted with a reason as a dated correction. Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnnouncementTick } from '#server/modules/announcements/tick.ts';
import { findCampaign } from '#server/modules/campaigns/queries.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAccount,
  type TestCampaign,
  type TestNomination,
} from '#test/support/factories/index.ts';

const clock = manualClock('2026-09-20T10:00:00+08:00');
let t: TestApp;
let campaign: TestCampaign;
let organiser: Session;
let admin: TestAccount;
let changes = 0;
const made: TestNomination[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  t.context.publicPages.onChange(() => {
    changes += 1;
  });
  const org = await newOrganiser(t);
  const jilin = await newUnit(t, org, { name: '吉林市教育局', regionCode: '220200' });
  const beijing = await newUnit(t, org, { name: '北京市某区教育委员会', regionCode: '110100' });
  campaign = await newCampaign(t, org);
  made.push(await newNomination(t, { campaign, unit: jilin, state: 'accepted' }));
  made.push(await newNomination(t, { campaign, unit: jilin, state: 'accepted', category: 'project' }));
  made.push(await newNomination(t, { campaign, unit: beijing, state: 'accepted' }));
  made.push(await newNomination(t, { campaign, unit: beijing, state: 'accepted' }));
  await newNomination(t, { campaign, unit: beijing });
  admin = org.admin;
  organiser = await loginAs(t.app, admin);
}, 180_000);
afterAll(() => t?.close());

const url = () => `/api/campaigns/${campaign.id}/announcement`;
const send = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
  t.app.inject({ method, url: path, headers: as(organiser), ...(payload && { payload }) });
const stored = () => t.database.db.selectFrom('announcements').selectAll().execute();
const corrections = () => t.database.db.selectFrom('announcementCorrections').selectAll().execute();
const campaignStatus = async () => (await findCampaign(t.database.db, campaign.id))!.status;

describe('公示 of a campaign’s 拟推介名单', () => {
  it('refuses to draft before the review or without a shortlist, and the status buttons leave 公示 to it', {
    timeout: 60_000,
  }, async () => {
    const early = await send('POST', url());
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      code: 'CAMPAIGN_NOT_READY',
      message: '活动当前为「报送中」：只有评审中、已确认拟推介名单的活动可以发布公示。',
    });

    // Ending submission 30 days before the deadline: the confirmation says so, with the counts.
    const preview = await send('GET', `/api/campaigns/${campaign.id}/transitions/preview?to=reviewing`);
    expect(preview.json()).toEqual({
      allowed: true,
      message:
        '截止时间为2026年10月20日 17:00，尚未到截止时间。尚有 1 份草稿、0 份退回修改未重新提交、0 份已提交待形式审查、4 份形式审查通过；' +
        '现在结束报送，报送单位将不能再提交或修改，草稿和退回修改的推介不会进入评审。',
    });
    await moveCampaign(t, campaign, 'reviewing');

    const none = await send('POST', url());
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('CAMPAIGN_NOT_READY');
    expect(none.json().message).toMatch('还没有拟推介名单');
    expect(await stored()).toEqual([]);

    for (const n of made.slice(0, 3))
      await transitionNomination(t.context.db, campaign.organiser.admin.actor, n.id, {
        to: 'shortlisted',
        now: clock.now(),
      });
    const generic = await send('POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'announcing' });
    expect(generic.statusCode).toBe(409);
    expect(generic.json()).toEqual({
      code: 'CAMPAIGN_NOT_READY',
      message:
        '「评审中」→「公示中」不能在这里直接变更。请在「公示」中发布公示：公示开始时活动自动进入公示中。',
    });
    expect(await campaignStatus()).toBe('reviewing');
    const offered = (await send('GET', `/api/campaigns/${campaign.id}`)).json().campaign.transitions;
    expect(offered).toEqual([{ to: 'open', label: '重新开放报送' }]);
  });

  it('drafts the list with public fields only, stars first, by province, and previews it as the public sees it', async () => {
    const created = await send('POST', url());
    expect(created.statusCode).toBe(201);
    const a = created.json().announcement;
    expect(a.state).toBe('draft');
    const [jilinStar, jilinProject, beijingStar] = made;
    expect(
      a.entries.map((e: { nominationId: string; category: string; position: number }) => [
        e.category,
        e.position,
        e.nominationId,
      ]),
    ).toEqual([
      ['star', 1, beijingStar!.id],
      ['star', 2, jilinStar!.id],
      ['project', 1, jilinProject!.id],
    ]);
    expect(a.entries[0]).toMatchObject({ unit: '北京市某区教育委员会', entity: null, removedAt: null });
    expect(a.entries[2].entity).toBeTruthy();
    // No ID number, phone or address of the nominees reaches the announcement.
    const forms = made.map((n) => n.row.form as Record<string, string>);
    for (const secret of forms
      .flatMap((f) => [f.idNumber, f.phone, f.contactPhone, f.address])
      .filter(Boolean))
      expect(created.body).not.toContain(secret);
    expect(a.moves.map((m: { to: string }) => m.to)).toEqual(['scheduled']);
    expect(a.period).toBeNull();
    expect(changes).toBe(0);

    const again = await send('POST', url());
    expect(again.json().code).toBe('CAMPAIGN_NOT_READY');

    const edited = await send('PATCH', url(), {
      version: a.version,
      title: '关于2026年百姓学习之星拟推介名单的公示',
      objectionContact: {
        receiver: '省终身学习活动周办公室',
        phone: '0431-88888888',
        address: '长春市人民大街1号',
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().announcement.objectionContact).toMatchObject({ phone: '0431-88888888', email: '' });
    const stale = await send('PATCH', url(), { version: a.version, title: '旧版本' });
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('refuses a period in a year without calendar data, storing nothing', async () => {
    const before = (await stored())[0]!;
    const refused = await send('POST', `${url()}/schedule`, {
      version: before.version,
      startDay: '2027-03-01',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(refused.json().message).toMatch('2027年的国务院节假日安排尚未发布');
    expect((await stored())[0]).toEqual(before);
    expect(changes).toBe(0);
  });

  it('counts 5 working days from 2026-09-29 across 国庆 to the 调休 Saturday 10月10日', async () => {
    const period = await send('GET', `${url()}/period?from=2026-09-29`);
    expect(period.json().period).toMatchObject({
      startDay: '2026-09-29',
      endDay: '2026-10-10',
      text: '2026年9月29日至2026年10月10日，共5个工作日（不含国庆节放假10月1日至10月7日，含调休上班日10月10日）',
    });
    const { version } = (await stored())[0]!;
    const scheduled = await send('POST', `${url()}/schedule`, { version, startDay: '2026-09-29' });
    expect(scheduled.statusCode).toBe(200);
    const a = scheduled.json().announcement;
    expect(a).toMatchObject({ state: 'scheduled', stateLabel: '待公示' });
    expect(a.period).toMatchObject({ startDay: '2026-09-29', endDay: '2026-10-10' });
    expect(changes).toBe(1);

    const early = await send('POST', `${url()}/open`, { version: a.version });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      code: 'ANNOUNCEMENT_MOVE_NOT_ALLOWED',
      message: '公示定于2026年9月29日开始，不能提前开始。',
    });
    expect(await campaignStatus()).toBe('reviewing');
  });

  it('is opened by the tick on its start day, stays open through the end day and closes the day after', async () => {
    clock.set('2026-09-28T23:55:00+08:00');
    expect(await runAnnouncementTick(t.context, clock.now())).toEqual({
      opened: [],
      closed: [],
      refused: [],
    });

    clock.set('2026-09-29T00:05:00+08:00');
    const opened = await runAnnouncementTick(t.context, clock.now());
    expect(opened.opened).toHaveLength(1);
    expect((await stored())[0]!.state).toBe('open');
    expect(await campaignStatus()).toBe('announcing');
    // The platform's own moves: no account behind them.
    const moves = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'after'])
      .where('action', 'in', ['campaign.transitioned', 'announcement.moved'])
      .where('at', '>=', new Date(0))
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(moves.map((m) => [m.action, m.actorId])).toEqual([
      ['announcement.moved', null],
      ['campaign.transitioned', null],
    ]);
    expect(changes).toBe(2);

    // 国庆 and the end day itself (a make-up Saturday): still open.
    for (const at of ['2026-10-05T12:00:00+08:00', '2026-10-10T23:59:00+08:00']) {
      clock.set(at);
      expect((await runAnnouncementTick(t.context, clock.now())).closed).toEqual([]);
      expect((await stored())[0]!.state).toBe('open');
    }
    clock.set('2026-10-11T00:01:00+08:00');
    expect((await runAnnouncementTick(t.context, clock.now())).closed).toHaveLength(1);
    // Three weeks on, the organiser signs in again.
    organiser = await loginAs(t.app, admin);
    const closed = (await send('GET', url())).json().announcement;
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '公示结束' });
    expect(closed.moves).toEqual([{ to: 'scheduled', label: '重新公示', requiresReason: true }]);
    expect(changes).toBe(3);
  });

  it('restarts only with a reason, as a dated correction with the new period', async () => {
    const { version } = (await stored())[0]!;
    const blank = await send('POST', `${url()}/restart`, { version, startDay: '2026-10-12', reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toMatch('请填写重新公示的原因');
    expect(await corrections()).toEqual([]);
    expect((await stored())[0]!.state).toBe('closed');

    const restarted = await send('POST', `${url()}/restart`, {
      version,
      startDay: '2026-10-12',
      reason: '拟推介名单调整',
    });
    expect(restarted.statusCode).toBe(200);
    const a = restarted.json().announcement;
    expect(a).toMatchObject({ state: 'scheduled', period: { startDay: '2026-10-12', endDay: '2026-10-16' } });
    expect(a.corrections).toEqual([
      {
        id: expect.any(String),
        kind: 'restarted',
        kindLabel: '重新公示',
        day: '2026-10-11',
        text: '因拟推介名单调整，本公示重新公示，公示期为2026年10月12日至2026年10月16日。',
      },
    ]);
    clock.set('2026-10-12T08:30:00+08:00');
    organiser = await loginAs(t.app, admin);
    const reopened = await send('POST', `${url()}/open`, { version: a.version });
    expect(reopened.json().announcement.state).toBe('open');
    expect(await campaignStatus()).toBe('announcing');
    expect(changes).toBe(5);
  });

  it('leaves 审定 and 公布 to their own use cases', async () => {
    const approve = await send('POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'approved' });
    expect(approve.json()).toEqual({
      code: 'CAMPAIGN_NOT_READY',
      message: '「公示中」→「已审定」不能在这里直接变更。公示期满且异议处理完毕后，由审定人审定。',
    });
    // 审定 by an approver once the period has ended (the clock moves past it): the organiser signs in again.
    await moveCampaign(t, campaign, 'approved');
    organiser = await loginAs(t.app, admin);
    const publish = await send('POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'published' });
    expect(publish.json().code).toBe('CAMPAIGN_NOT_READY');
    expect(publish.json().message).toMatch('在「公布结果」中公布');
    expect(await campaignStatus()).toBe('approved');
  });
});
