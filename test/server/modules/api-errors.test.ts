import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;
beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
});
afterAll(() => t.close());

describe('JSON bodies that are not UTF-8', () => {
  it('are refused with a Chinese message and change nothing, instead of being stored with U+FFFD', async () => {
    const account = await t.database.db
      .selectFrom('accounts')
      .select(['id', 'displayName', 'version'])
      .where('username', '=', 'changchun')
      .executeTakeFirstOrThrow();
    // "张\xff老师": a GBK-era byte in the middle of UTF-8 text.
    const payload = Buffer.concat([
      Buffer.from(`{"version": ${account.version}, "displayName": "张`),
      Buffer.from([0xff]),
      Buffer.from('老师"}'),
    ]);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${account.id}`,
      headers: { ...as(jilin), 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'INVALID_ENCODING',
      message: '提交的内容含有无法识别的文字（应为 UTF-8 编码），未作任何保存；请重新输入后再提交',
    });
    const after = await t.database.db
      .selectFrom('accounts')
      .select(['displayName', 'version'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ displayName: account.displayName, version: account.version });
  });

  it('still reads valid UTF-8, with or without a byte-order mark, and still refuses prototype tricks', async () => {
    const login = (payload: Buffer | string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        payload,
      });
    const withBom = await login(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('{"username":"某人","password":"不对的密码1"}'),
      ]),
    );
    expect(withBom.statusCode).toBe(401);
    const poisoned = await login('{"username":"x","password":"y","__proto__":{"admin":true}}');
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().code).toBe('INVALID_JSON');
  });
});
