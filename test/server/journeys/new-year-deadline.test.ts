import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { manualClock } from '#server/platform/clock.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

/**
 * A round that closes on New Year's Eve at 23:59 Beijing time, lived through by the app's clock alone (no
 * row is edited by SQL): the demo round is seeded on 1 December with its deadline a month ahead, the
 * organiser sets the hour and 逾期视为自动放弃 in the rules editor; a minute before the deadline a submit
 * goes through, a minute after it (already 2027 in Beijing, still 2026 in UTC) the same submit is refused
 * in Chinese, and the deadline job, run by pg-boss, withdraws the unsubmitted draft as of the clock's time.
 */
let t: TestApp;
let unit: Session;
let organiser: Session;
let campaignId: string;
let rules: CampaignRules;
const clock = manualClock('2026-12-01T09:00:00+08:00');

beforeAll(async () => {
  t = await createTestApp({ clock });
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, unit, '吉林省教育厅'));
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const view = async (id: string) => (await call(unit, 'GET', `/api/nominations/${id}`)).json().nomination;

describe('a deadline at 23:59 on New Year’s Eve, by the app’s clock', () => {
  it('accepts a submit a minute before, refuses one a minute after, and lapses the rest at the job’s run', {
    timeout: 120_000,
  }, async () => {
    // Seeded on 1 December: the deadline is a month ahead, on the last day of the year.
    expect(rules.deadline.date).toBe('2026-12-31');
    const detail = (await call(organiser, 'GET', `/api/campaigns/${campaignId}`)).json();
    detail.rules.deadline.time = '23:59';
    detail.rules.submission.lateCountsAsWithdrawn = true;
    const saved = await call(organiser, 'PUT', `/api/campaigns/${campaignId}/rules`, {
      rules: detail.rules,
      rulesVersion: detail.campaign.rulesVersion,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // 23:59 is the whole minute: the deadline is its last millisecond.
    expect(saved.json().campaign.deadlineAt).toBe('2026-12-31T15:59:59.999Z');

    const early = await draftWith(t, unit, campaignId, completeStar(rules, 231));
    const late = await draftWith(t, unit, campaignId, completeStar(rules, 232));
    const forgotten = await draftWith(t, unit, campaignId, { name: '忘了提交的草稿' }, 'star', {
      materials: false,
    });

    // New Year's Eve, 23:58 in Beijing: a month on, so the unit logs in again first.
    clock.set('2026-12-31T23:58:00+08:00');
    unit = await relogin(t, 'changchun');
    const inTime = await call(unit, 'POST', `/api/nominations/${early.id}/submit`);
    expect(inTime.statusCode, inTime.body).toBe(200);
    expect(inTime.json().nomination.submittedAt).toBe('2026-12-31T15:58:00.000Z');

    // The first instant of 1 January 2027 in Beijing (16:00 on 31 December in UTC): the deadline has passed.
    clock.set('2027-01-01T00:00:00+08:00');
    const refused = await call(unit, 'POST', `/api/nominations/${late.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'DEADLINE_PASSED',
      message: expect.stringContaining('报送截止时间（2026年12月31日 23:59）已过，不能再提交或修改'),
    });
    expect((await view(late.id)).state).toBe('draft');
    // The response offers the unit no move any more.
    expect((await view(late.id)).transitions).toEqual([]);

    // The deadline job, as pg-boss runs it, judges by the clock: both unsubmitted drafts lapse, stamped
    // with the clock's time; the submitted one stays.
    await t.context.jobs.send(QUEUES.nominationDeadline, { campaignId });
    await expect
      .poll(async () => (await view(forgotten.id)).state, { timeout: 30_000, interval: 200 })
      .toBe('withdrawn');
    expect(await view(forgotten.id)).toMatchObject({ lapsedAt: '2026-12-31T16:00:00.000Z' });
    expect((await view(late.id)).state).toBe('withdrawn');
    expect((await view(early.id)).state).toBe('submitted');
  });
});
