import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { saveDemoCredentials } from '#server/platform/demo-credentials-file.ts';
import { as, createTestApp, login, loginAs, type TestApp } from '#test/support/app.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

describe('login', () => {
  it('logs a demo account in with its one-time password and sets an HttpOnly SameSite cookie', async () => {
    const { password } = t.credentials.get('expert')!;
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert', password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tuijie_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.me).toMatchObject({ username: 'expert', roles: ['expert'], mustChangePassword: true });
    expect(body.me.organisation.name).toBe('中国成人教育协会');
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('answers a wrong password and an unknown user name alike, revealing neither', async () => {
    const wrong = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'approver', password: 'nope-123456' },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'nope-123456' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
  });

  it('answers a disabled account with the right password as a wrong one, and tells the admins in the audit log', async () => {
    const { password } = t.credentials.get('approver')!;
    const account = await t.database.db
      .updateTable('accounts')
      .set({ disabled: true })
      .where('username', '=', 'approver')
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const right = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'approver', password },
      });
      expect(right.statusCode).toBe(401);
      expect(right.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
      const entries = await t.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('entityId', '=', account.id)
        .where('action', '=', 'auth.login_while_disabled')
        .execute();
      expect(entries).toHaveLength(1);
    } finally {
      await t.database.db
        .updateTable('accounts')
        .set({ disabled: false })
        .where('id', '=', account.id)
        .execute();
      await t.database.db.deleteFrom('loginFailures').execute();
    }
  });

  it('throttles an account after repeated failures, even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) {
      await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'changchun', password: `bad-${i}-password` },
      });
    }
    const { password } = t.credentials.get('changchun')!;
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'changchun', password },
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().code).toBe('LOGIN_THROTTLED');
  });

  it('refuses malformed and oversized JSON with a Chinese message', async () => {
    const malformed = await inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('INVALID_JSON');
    const huge = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    expect(missing.json().message).toMatch(/请输入用户名/);
  });
});

describe('first login and password change', () => {
  it('allows nothing but me, logout and the password change until the password is changed', async () => {
    const { password } = t.credentials.get('cace-admin')!;
    const session = await login(t.app, 'cace-admin', password);
    const blocked = await inject({ method: 'GET', url: '/api/organisations', headers: as(session) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode).toBe(200);

    const weak = await inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(session),
      payload: { currentPassword: password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const wrongCurrent = await inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(session),
      payload: { currentPassword: 'not-it-123', newPassword: 'NewPassword2026' },
    });
    expect(wrongCurrent.json().code).toBe('WRONG_PASSWORD');

    const ok = await inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(session),
      payload: { currentPassword: password, newPassword: 'NewPassword2026' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await inject({ method: 'GET', url: '/api/organisations', headers: as(session) })).statusCode,
    ).toBe(200);
    t.credentials.get('cace-admin')!.password = 'NewPassword2026';
  });
});

describe('sessions', () => {
  it('ends the session for real on logout: the old cookie no longer works', async () => {
    const session = await loginAs(t, 'approver');
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode).toBe(200);
    const out = await inject({ method: 'POST', url: '/api/auth/logout', headers: as(session) });
    expect(out.statusCode).toBe(204);
    const after = await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('rejects forged cookies and sessions left idle longer than allowed', async () => {
    const forged = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'tuijie_session=forged-token-value' },
    });
    expect(forged.statusCode).toBe(401);
    const session = await login(t.app, 'approver', t.credentials.get('approver')!.password);
    const idle = t.context.config.sessionIdleMinutes * 60_000;
    clock.advance(idle - 60_000);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode).toBe(200);
    // That use renewed it: idle for the whole allowance again, it has lapsed.
    clock.advance(idle + 1000);
    const expired = await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/重新登录/);
  });

  it('ends a session at its absolute lifetime however busy it was kept', async () => {
    const session = await login(t.app, 'approver', t.credentials.get('approver')!.password);
    const maxHours = t.context.config.sessionMaxHours;
    // Used every hour: the idle allowance never runs out, the absolute one does.
    for (let hour = 1; hour < maxHours; hour++) {
      clock.advance(3_600_000);
      expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode).toBe(
        200,
      );
    }
    clock.advance(3_600_000 + 1000);
    const ended = await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().code).toBe('UNAUTHENTICATED');
  });

  it("lists one's own sessions with their devices and signs out the others, not this one", async () => {
    const password = t.credentials.get('approver')!.password;
    const phone = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36';
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': phone },
      payload: { username: 'approver', password },
    });
    const otherCookie = {
      cookie: `tuijie_session=${other.cookies.find((c) => c.name === 'tuijie_session')!.value}`,
    };
    const here = await login(t.app, 'approver', password);
    const listed = await inject({ method: 'GET', url: '/api/auth/sessions', headers: as(here) });
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    const sessions = listed.json().sessions as { current: boolean; device: string }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.map((s) => s.device)).toContain('Chrome 浏览器，Android 手机');
    // Another account's sessions are never listed.
    const jilin = await loginAs(t, 'jilin-admin');
    const theirs = (await inject({ method: 'GET', url: '/api/auth/sessions', headers: as(jilin) })).json()
      .sessions;
    expect(
      theirs.every((s: { id: string }) => !sessions.some((m) => (m as { id?: string }).id === s.id)),
    ).toBe(true);

    const out = await inject({
      method: 'POST',
      url: '/api/auth/sessions/sign-out-others',
      headers: as(here),
    });
    expect(out.json().signedOut).toBeGreaterThanOrEqual(1);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: otherCookie })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(here) })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(jilin) })).statusCode).toBe(200);
  });

  it('refuses a write without the CSRF token of the session, and changes nothing', async () => {
    const session = await loginAs(t, 'jilin-admin');
    const me = (await inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).json().me;
    const attempt = await inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: session.cookie },
      payload: { parentId: me.organisation.id, name: '伪造请求创建的单位', type: 'city_edu' },
    });
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().code).toBe('CSRF_FAILED');
    const names = await t.database.db
      .selectFrom('organisations')
      .select('name')
      .where('name', '=', '伪造请求创建的单位')
      .execute();
    expect(names).toEqual([]);
  });

  it("never takes the one-time password back as the account's own, and forgets it in the demo file once changed", async () => {
    const { password: oneTime } = t.credentials.get('changchun')!;
    const varDir = t.context.config.varDir;
    await mkdir(varDir, { recursive: true });
    await saveDemoCredentials(varDir, [
      { username: 'changchun', displayName: '长春', roles: ['unit_submitter'], password: oneTime },
      { username: 'expert', displayName: '专家', roles: ['expert'], password: 'kept-as-is' },
    ]);
    const session = await login(t.app, 'changchun', oneTime);
    const change = (currentPassword: string, newPassword: string) =>
      inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: as(session),
        payload: { currentPassword, newPassword },
      });
    expect((await change(oneTime, 'Springfield2026river')).statusCode).toBe(204);
    const saved = JSON.parse(await readFile(path.join(varDir, 'demo-accounts.json'), 'utf8'));
    expect(saved.map((c: { username: string }) => c.username)).toEqual(['expert']);

    const back = await change('Springfield2026river', oneTime);
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      message: expect.stringMatching(/初始密码/),
    });
    t.credentials.get('changchun')!.password = 'Springfield2026river';
  });

  it('logs out other sessions of an account when its password changes', async () => {
    const credential = t.credentials.get('expert')!;
    const first = await loginAs(t, 'expert');
    const second = await login(t.app, 'expert', credential.password);
    const changed = await inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: as(second),
      payload: { currentPassword: credential.password, newPassword: 'AnotherPass2027' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(first) })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: as(second) })).statusCode).toBe(200);
  });
});
