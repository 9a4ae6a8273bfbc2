/**
 * `GET /api/auth/session`: what the web app asks on every first load, the login page included. Nobody
 * signed in is an answer, not a failure: a 401 there made every visit to the login page log an error in
 * the browser's console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, loginAs, type TestApp } from '#test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('who is signed in', () => {
  it('answers nobody with 200 and nulls, without a cookie or with one that is no longer valid', async () => {
    for (const headers of [{}, { cookie: 'tuijie_session=not-a-session' }]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ me: null, csrfToken: null });
    }
  });

  it('answers a signed-in account as /api/auth/me does, with its CSRF token', async () => {
    const session = await loginAs(t, 'jilin-admin');
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(session) });
    expect(response.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(response.json()).toEqual(me.json());
    expect(response.json().csrfToken).toBe(session.csrfToken);
  });

  it('answers an account that must still change its password, so the app can send it there', async () => {
    const fresh = await login(t.app, 'expert', t.credentials.get('expert')!.password);
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: as(fresh) });
    expect(response.statusCode).toBe(200);
    expect(response.json().me).toMatchObject({ username: 'expert', mustChangePassword: true });
  });

  it('leaves /api/auth/me as it was: 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
