import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE } from '#core/accounts/login-delay.ts';
import { recordFailure } from '#server/platform/auth/throttle.ts';
import { manualClock } from '#server/platform/clock.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

const clock = manualClock('2026-12-05T10:00:00+08:00');
let t: TestApp;
let jilin: Session;
beforeAll(async () => {
  t = await createTestApp({ clock });
  jilin = await loginAs(t, 'jilin-admin');
});
afterAll(() => t.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const passwordOf = (username: string) => t.credentials.get(username)!.password;
const accountId = async (username: string) =>
  (
    await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
const failuresOf = (username: string) =>
  t.database.db.selectFrom('loginFailures').select(['ip', 'at']).where('username', '=', username).execute();

async function failTimes(username: string, times: number, remoteAddress: string) {
  for (let i = 0; i < times; i++) {
    expect((await attempt(username, `wrong-password-${i}`, remoteAddress)).statusCode).toBe(401);
  }
}

describe('login throttling per (account, address)', () => {
  it('never holds back the owner at another address, however often a guesser failed elsewhere', async () => {
    await failTimes('changchun', 3, '10.0.0.1');
    expect((await attempt('changchun', 'wrong-again-1', '10.0.0.1')).statusCode).toBe(429);
    const owner = await attempt('changchun', passwordOf('changchun'), '10.0.0.2');
    expect(owner.statusCode).toBe(200);
    // The guesser's pair is still held: the owner's success elsewhere does not free it.
    expect((await attempt('changchun', 'wrong-again-2', '10.0.0.1')).statusCode).toBe(429);
  });

  it('makes a failing pair wait longer after each failure, in Chinese, and lets it in when the wait is over', async () => {
    await failTimes('changchun', 3, '10.0.1.1');
    const held = await attempt('changchun', passwordOf('changchun'), '10.0.1.1');
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: '登录失败次数过多，请 30 秒后再试；如忘记密码，请联系本单位的账号管理员',
      details: { retryAfterSeconds: 30 },
    });
    clock.advance(30_000);
    await failTimes('changchun', 1, '10.0.1.1');
    expect((await attempt('changchun', passwordOf('changchun'), '10.0.1.1')).json().message).toMatch(
      /请 1 分钟后再试/,
    );
    clock.advance(60_000);
    expect((await attempt('changchun', passwordOf('changchun'), '10.0.1.1')).statusCode).toBe(200);
    expect((await failuresOf('changchun')).filter((f) => f.ip === '10.0.1.1')).toEqual([]);
  });

  it('lets the right password of an account with no failure through an address past its cap', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.addressCap; i++) {
      await recordFailure(t.database.db, `guess-${i}`, '10.0.2.1', clock.now());
    }
    const owner = await attempt('approver', passwordOf('approver'), '10.0.2.1');
    expect(owner.statusCode).toBe(200);
    // Past the cap a user name that failed there waits from its first failure: guessing slows down.
    await failTimes('expert', 1, '10.0.2.1');
    expect((await attempt('expert', passwordOf('expert'), '10.0.2.1')).statusCode).toBe(429);
  });

  it('lets an organiser admin unlock an account in their scope, audited, and no other', async () => {
    await failTimes('changchun', 3, '10.0.3.1');
    expect((await attempt('changchun', passwordOf('changchun'), '10.0.3.1')).statusCode).toBe(429);
    const id = await accountId('changchun');
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/accounts?q=changchun',
      headers: as(jilin),
    });
    const row = listed.json().items.find((a: { id: string }) => a.id === id);
    expect(row.actions).toContain('unlockLogin');

    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${id}/unlock-login`,
      headers: as(jilin),
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().account.username).toBe('changchun');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['actorName', 'after'])
      .where('action', '=', 'account.login_unlocked')
      .where('entityId', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ failuresCleared: expect.any(Number) });
    expect((await attempt('changchun', passwordOf('changchun'), '10.0.3.1')).statusCode).toBe(200);

    const outOfScope = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${await accountId('approver')}/unlock-login`,
      headers: as(jilin),
    });
    expect(outOfScope.statusCode).toBe(404);
    const unit = await loginAs(t, 'changchun');
    const byUnit = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${await accountId('jilin-admin')}/unlock-login`,
      headers: as(unit),
    });
    expect(byUnit.statusCode).toBeGreaterThanOrEqual(403);
    expect(byUnit.statusCode).toBeLessThanOrEqual(404);
  });

  it('forgets the failures when an admin resets the password', async () => {
    await failTimes('changchun', 3, '10.0.4.1');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${await accountId('changchun')}/reset-password`,
      headers: as(jilin),
    });
    expect(reset.statusCode).toBe(200);
    expect(await failuresOf('changchun')).toEqual([]);
    expect((await attempt('changchun', reset.json().initialPassword, '10.0.4.1')).statusCode).toBe(200);
  });

  it('prunes failures older than a day on the app clock, in the hourly job', async () => {
    await recordFailure(t.database.db, 'old-guess', '10.0.5.1', clock.now());
    clock.advance(LOGIN_THROTTLE.pairMemoryHours * 3_600_000 + 60_000);
    await recordFailure(t.database.db, 'new-guess', '10.0.5.1', clock.now());
    await t.context.jobs.send(QUEUES.loginFailuresPrune, {});
    const deadline = Date.now() + 15_000;
    while ((await failuresOf('old-guess')).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await failuresOf('old-guess')).toEqual([]);
    expect(await failuresOf('new-guess')).toHaveLength(1);
  });
});
