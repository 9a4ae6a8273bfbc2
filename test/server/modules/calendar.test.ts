import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;
let changchun: Session;

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
  changchun = await loginAs(t, 'changchun');
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });
const post = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });

describe('working-day calendar', () => {
  it('computes the official example: 5 working days from 2026-09-29 end on Saturday 2026-10-10', async () => {
    const response = await get(jilin, '/api/calendar/period?from=2026-09-29&workdays=5');
    expect(response.json()).toEqual({ from: '2026-09-29', workdays: 5, countStart: true, end: '2026-10-10' });
    const excluded = await get(jilin, '/api/calendar/period?from=2026-09-29&workdays=5&countStart=false');
    // 9-30, 10-08, 10-09, 10-10 (Saturday, worked), then Monday 10-12.
    expect(excluded.json().end).toBe('2026-10-12');
  });

  it('refuses a year without official data until the organiser confirms it, never falling back silently', async () => {
    const unknown = await get(jilin, '/api/calendar/period?from=2027-03-01&workdays=5');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(unknown.json().message).toContain('2027年');
    expect((await get(jilin, '/api/calendar?year=2027')).json().status).toBe('unknown');

    expect((await post(jilin, '/api/calendar/confirmed-years', { year: 2027 })).statusCode).toBe(201);
    expect((await get(jilin, '/api/calendar?year=2027')).json()).toMatchObject({
      status: 'confirmed',
      confirmedYears: [2027],
    });
    // 2027-03-01 is a Monday: Mon–Fri of that week.
    expect((await get(jilin, '/api/calendar/period?from=2027-03-01&workdays=5')).json().end).toBe(
      '2027-03-05',
    );
  });

  it('applies the organiser’s holidays and make-up days, audited, and refuses a second adjustment of a day', async () => {
    const holiday = await post(jilin, '/api/calendar/overrides', {
      date: '2027-03-03',
      kind: 'holiday',
      note: '地方性假日',
    });
    expect(holiday.statusCode).toBe(201);
    expect((await get(jilin, '/api/calendar/period?from=2027-03-01&workdays=5')).json().end).toBe(
      '2027-03-08',
    );
    const again = await post(jilin, '/api/calendar/overrides', {
      date: '2027-03-03',
      kind: 'workday',
      note: '',
    });
    expect(again.statusCode).toBe(409);
    const audit = (await get(jilin, '/api/audit?action=calendar.override_added')).json();
    expect(audit.items[0].after).toMatchObject({ date: '2027-03-03', kind: 'holiday' });

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/calendar/overrides/${holiday.json().override.id}`,
      headers: as(jilin),
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(jilin, '/api/calendar/period?from=2027-03-01&workdays=5')).json().end).toBe(
      '2027-03-05',
    );
  });

  it('explains malformed dates and numbers instead of guessing', async () => {
    for (const query of [
      'from=2026/9/29&workdays=5',
      'from=2026-02-30&workdays=5',
      'from=２０２６-09-29&workdays=5',
      'from=2026-09-29&workdays=0',
      'from=2026-09-29&workdays=abc',
    ]) {
      const response = await get(jilin, `/api/calendar/period?${query}`);
      expect(response.statusCode, query).toBeGreaterThanOrEqual(400);
      expect(response.json().message, query).toMatch(/[\u4e00-\u9fff]/);
    }
    const bad = await post(jilin, '/api/calendar/overrides', { date: '2026-13-01', kind: 'holiday' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('DATE_INVALID');
  });

  it('keeps calendar settings to organiser admins', async () => {
    expect((await get(changchun, '/api/calendar?year=2026')).statusCode).toBe(403);
    expect((await post(changchun, '/api/calendar/confirmed-years', { year: 2028 })).statusCode).toBe(403);
  });

  it('computes a campaign’s announcement period with its rules and its organiser’s calendar, for its units too', async () => {
    const campaign = (await get(changchun, '/api/campaigns')).json().items[0];
    const period = await get(changchun, `/api/campaigns/${campaign.id}/announcement-period?from=2026-09-29`);
    expect(period.json()).toEqual({
      from: '2026-09-29',
      workingDays: 5,
      countStart: true,
      end: '2026-10-10',
    });
    // The Jilin organiser confirmed 2027 above, so its campaign can compute there; the national one cannot.
    expect(
      (await get(changchun, `/api/campaigns/${campaign.id}/announcement-period?from=2027-03-01`)).json().end,
    ).toBe('2027-03-05');
    const cace = await loginAs(t, 'cace-admin');
    const national = (await get(cace, '/api/campaigns'))
      .json()
      .items.find((c: { organiserName: string }) => c.organiserName === '中国成人教育协会');
    expect(
      (await get(cace, `/api/campaigns/${national.id}/announcement-period?from=2027-03-01`)).json().code,
    ).toBe('CALENDAR_YEAR_UNKNOWN');
  });
});

describe('me', () => {
  it('tells the browser what the account may do and which roles it may grant', async () => {
    const me = (await get(jilin, '/api/auth/me')).json().me;
    expect(me.permissions).toEqual(
      expect.arrayContaining(['campaigns.view', 'campaigns.create', 'calendar.manage', 'accounts.create']),
    );
    expect(me.grantableRoles).not.toContain('platform_admin');
    const unit = (await get(changchun, '/api/auth/me')).json().me;
    expect(unit.permissions).toEqual(['campaigns.view']);
    expect(unit.grantableRoles).toEqual([]);
  });
});
