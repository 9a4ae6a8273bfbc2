import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '#server/platform/auth/throttle.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('login throttling per address', () => {
  it('stops an address that tries many user names, without locking out the same accounts elsewhere', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      const response = await attempt(`guess-${i}`, 'wrong-password-1', '127.0.0.77');
      expect(response.statusCode).toBe(401);
    }
    const { password } = t.credentials.get('approver')!;
    const fromThere = await attempt('approver', password, '127.0.0.77');
    expect(fromThere.statusCode).toBe(429);
    expect(fromThere.json()).toEqual({
      code: 'LOGIN_THROTTLED',
      message: '登录失败次数过多，请 15 分钟后再试',
    });
    const fromElsewhere = await attempt('approver', password, '127.0.0.78');
    expect(fromElsewhere.statusCode).toBe(200);
  });
});
