/**
 * Issue 13, item 4: 审定. Only the approver approves, only after the 公示 ended with every objection
 * settled; a refusal says why and stores nothing. Approval moves the campaign to 已审定 and every 拟推介
 * nomination to 入选 in one transaction; 退回 keeps the campaign at 公示 and tells the organiser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  endAnnouncementPeriod,
  loginAs,
  moveObjection,
  newExpert,
  newObjection,
  type TestObjection,
} from '#test/support/factories/index.ts';
import { type ShortlistedCampaign, shortlistedCampaign } from './shortlisted-campaign.ts';

let t: TestApp;
let s: ShortlistedCampaign;
let approver: Session;
let organiser: Session;
let objection: TestObjection;

beforeAll(async () => {
  // The 公示 period is lived through on the app's clock (a date the official calendar covers).
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  s = await shortlistedCampaign(t, {
    picks: [
      { unit: 0, category: 'star' },
      { unit: 0, category: 'star' },
      { unit: 0, category: 'project' },
    ],
    announcement: 'open',
  });
  // Made during the period through the public form's service, and taken up (受理) by the organiser.
  objection = await newObjection(t, s.announcement, {
    state: 'investigating',
    handler: s.campaign.organiser.admin,
  });
  await signIn();
}, 240_000);
afterAll(() => t?.close());

/** Sessions lapse when the clock moves days ahead: everyone signs in again, as they would. */
async function signIn() {
  approver = await loginAs(t.app, s.approver);
  organiser = await loginAs(t.app, s.campaign.organiser.admin);
}

const post = (session: Session, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: as(session), payload });
const approve = (session: Session) => post(session, `/api/campaigns/${s.campaign.id}/approval`, {});

async function stored() {
  const db = t.database.db;
  const [campaign, approvals, states] = await Promise.all([
    db.selectFrom('campaigns').select('status').where('id', '=', s.campaign.id).executeTakeFirstOrThrow(),
    db
      .selectFrom('campaignApprovals')
      .select(['decision', 'reason'])
      .where('campaignId', '=', s.campaign.id)
      .execute(),
    db
      .selectFrom('nominations')
      .select('state')
      .where('campaignId', '=', s.campaign.id)
      .orderBy('createdAt')
      .execute(),
  ]);
  return { status: campaign.status, approvals, states: states.map((n) => n.state) };
}

describe('审定 refused', () => {
  it('before the period ended: the dates are given, nothing stored', async () => {
    const before = await stored();
    const response = await approve(approver);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CAMPAIGN_NOT_READY');
    expect(response.json().message).toMatch(/^公示期为\d{4}年\d+月\d+日至\d{4}年\d+月\d+日，尚未结束/);
    expect(await stored()).toEqual(before);
    expect(before).toMatchObject({ status: 'announcing', approvals: [] });
  });

  it('by anyone but an approver of the organiser or above', async () => {
    await endAnnouncementPeriod(t, s.announcement);
    await signIn();
    const expert = await loginAs(t.app, await newExpert(t, s.campaign.organiser));
    const submitter = await loginAs(t.app, s.units[0]!.submitter);
    expect((await approve(organiser)).statusCode).toBe(403);
    expect((await approve(expert)).statusCode).toBe(403);
    expect((await approve(submitter)).statusCode).toBe(403);
    expect((await stored()).status).toBe('announcing');
  });

  it('while an objection is open: the count is given, nothing stored', async () => {
    const before = await stored();
    const response = await approve(approver);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'OBJECTIONS_OPEN',
      message: '还有 1 件异议尚未办结（待受理、调查核实中或待复核），全部办结后才能审定。',
    });
    // The organiser cannot ask for approval either.
    expect((await post(organiser, `/api/campaigns/${s.campaign.id}/approval/request`)).json().code).toBe(
      'OBJECTIONS_OPEN',
    );
    expect(await stored()).toEqual(before);
    await moveObjection(t, s.campaign.organiser.admin, objection, 'dismissed', '经核实，与事实不符。');
  });
});

describe('the approver’s worklist and 退回', () => {
  it('the organiser asks; the approver is told and sees the campaign awaiting 审定 with its list', async () => {
    const asked = await post(organiser, `/api/campaigns/${s.campaign.id}/approval/request`);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ approvers: 1, notified: 1 });
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'title', 'link'])
      .where('accountId', '=', s.approver.id)
      .execute();
    expect(told).toEqual([expect.objectContaining({ kind: 'approval_requested', link: '/approvals' })]);
    const list = await t.app.inject({ method: 'GET', url: '/api/approvals', headers: as(approver) });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: s.campaign.id, awaiting: true, approvalRefusal: null }),
    ]);
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${s.campaign.id}/results`,
      headers: as(approver),
    });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      actions: ['approve', 'return'],
      counts: '百姓学习之星2名、终身学习品牌项目1个',
      objections: { total: 1, open: 0, summary: '异议不成立1件' },
    });
  });

  it('退回 needs a reason; it keeps the campaign at 公示 and tells the organiser', async () => {
    const empty = await post(approver, `/api/campaigns/${s.campaign.id}/approval/return`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect((await stored()).approvals).toEqual([]);
    const returned = await post(approver, `/api/campaigns/${s.campaign.id}/approval/return`, {
      reason: '请核实第2名的工作单位名称。',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await stored()).toMatchObject({
      status: 'announcing',
      approvals: [{ decision: 'returned', reason: '请核实第2名的工作单位名称。' }],
      states: ['shortlisted', 'shortlisted', 'shortlisted'],
    });
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'body'])
      .where('accountId', '=', s.campaign.organiser.admin.id)
      .where('kind', '=', 'approval_returned')
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('请核实第2名的工作单位名称。');
  });
});

describe('审定通过', () => {
  it('moves the campaign to 已审定 and every 拟推介 to 入选, recorded and audited', async () => {
    const response = await post(approver, `/api/campaigns/${s.campaign.id}/approval`, { comment: '同意' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ selected: 3 });
    expect(await stored()).toMatchObject({
      status: 'approved',
      approvals: expect.arrayContaining([{ decision: 'approved', reason: '同意' }]),
      states: ['selected', 'selected', 'selected'],
    });
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'after'])
      .where('entityId', '=', s.campaign.id)
      .where('action', 'like', 'results.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'results.approval_requested',
      'results.returned',
      'results.approved',
    ]);
    expect(audit[2]).toMatchObject({ actorId: s.approver.id, after: { selected: 3, objections: 1 } });
    // The nominations' 审定入选 is the platform's move (the table's system actor), in the same transaction.
    const moves = await t.database.db
      .selectFrom('auditLog')
      .select(['actorId', 'after'])
      .where('action', '=', 'nomination.transitioned')
      .where(
        'entityId',
        'in',
        s.nominations.map((n) => n.id),
      )
      .where(({ ref }) => ref('after'), '@>', JSON.stringify({ state: 'selected' }) as never)
      .execute();
    expect(moves).toHaveLength(3);
    for (const m of moves) expect(m.actorId).toBeNull();
    // Once is enough.
    const again = await approve(approver);
    expect(again.json()).toMatchObject({ code: 'CAMPAIGN_NOT_READY' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/approvals', headers: as(approver) })).json().items,
    ).toEqual([]);
  });
});
