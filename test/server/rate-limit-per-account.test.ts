/**
 * The API allowance per minute belongs to the signed-in account, not to the address: a whole office
 * (often one address behind its NAT) works on deadline day without one busy colleague using up the
 * others' requests. Requests without a session still count per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

const LIMIT = 6;
let t: TestApp;
let first: Session;
let second: Session;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: LIMIT } });
  first = await loginAs(t, 'changchun');
  second = await loginAs(t, 'jilin-admin');
});
afterAll(() => t?.close());

const me = (session?: Session) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session ? as(session) : {} });

describe('the API allowance per minute', () => {
  it('is each account’s own, so colleagues behind one address are not refused for another’s use', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await me(first)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    const refused = await me(first);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });

    // Same address (the test's), another account: its own allowance.
    expect((await me(second)).statusCode).toBe(200);
    // Without a session, the address's own count: not used up by the accounts above.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
  });

  it('still counts requests without a session per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await me(second)).statusCode).toBe(200);
  });
});
