/**
 * What the write-route fuzzer (write-routes-fuzz.test.ts) found, each as the focused case it sent: the
 * answer it must get now, and that nothing was stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;
let account: { id: string; displayName: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
  account = await t.database.db
    .selectFrom('accounts')
    .select(['id', 'displayName', 'version'])
    .where('username', '=', 'changchun')
    .executeTakeFirstOrThrow();
});
afterAll(() => t.close());

async function renameAccount(displayNameJson: string) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/accounts/${account.id}`,
    headers: { ...as(jilin), 'content-type': 'application/json' },
    // The JSON escape itself, as a client sends it: `JSON.stringify` of such a string writes the same.
    payload: `{"version": ${account.version}, "displayName": "${displayNameJson}"}`,
  });
}

async function accountUnchanged() {
  const now = await t.database.db
    .selectFrom('accounts')
    .select(['displayName', 'version'])
    .where('id', '=', account.id)
    .executeTakeFirstOrThrow();
  expect(now).toEqual({ displayName: account.displayName, version: account.version });
  const audits = await t.database.db
    .selectFrom('auditLog')
    .select('id')
    .where('entityId', '=', account.id)
    .where('action', '=', 'account.updated')
    .execute();
  expect(audits).toEqual([]);
}

describe('text PostgreSQL cannot store', () => {
  it('refuses a lone surrogate (was a 500 from the audit row, after the account row took U+FFFD)', async () => {
    // Found as POST /api/nominations/{id}/withdraw with {"reason":"\ud800"}.
    const response = await renameAccount('张\\ud800老师');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'INVALID_ENCODING',
      message: '提交的内容含有无法识别的文字（应为 UTF-8 编码），未作任何保存；请重新输入后再提交',
    });
    await accountUnchanged();
  });

  it('refuses a NUL character, in a value or in a key', async () => {
    for (const payload of [
      `{"version": ${account.version}, "displayName": "张\\u0000老师"}`,
      `{"version": ${account.version}, "displayName": "张老师", "a\\u0000": 1}`,
    ]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/accounts/${account.id}`,
        headers: { ...as(jilin), 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        code: 'INVALID_CHARACTERS',
        message: '提交的内容含有无法保存的不可见字符，未作任何保存；请删除后重新输入再提交',
      });
    }
    await accountUnchanged();
  });

  it('still takes characters beyond the basic plane (surrogate pairs, written as escapes)', async () => {
    const response = await renameAccount('张老师\\ud842\\udfb7');
    expect(response.statusCode).toBe(200);
    expect(response.json().account.displayName).toBe('张老师𠮷');
  });
});

describe('addresses the router cannot read', () => {
  it('answers a malformed percent-escape in Chinese (was Fastify English text)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns/%ZZ/forward',
      headers: as(jilin),
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_URL', message: '网址格式不正确，请检查后重试' });
  });

  it('answers a path parameter over the length limit in Chinese (was Fastify English text)', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/campaigns/${'A'.repeat(3_000)}/paper/${account.id}/receipt`,
      headers: as(jilin),
      payload: { version: 1 },
    });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({ code: 'URL_TOO_LONG', message: '网址过长，请检查后重试' });
  });
});
