import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;
let changchunOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
  changchunOrg = (
    await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '长春市教育局')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(jilin), payload });

describe('accounts', () => {
  it('creates an account with a one-time password that logs in and must be changed', async () => {
    const created = await post('/api/accounts', {
      username: 'cc-submitter',
      displayName: '张老师',
      organisationId: changchunOrg,
      roles: ['unit_submitter'],
      phone: '13912345678',
    });
    expect(created.statusCode).toBe(201);
    const { account, initialPassword } = created.json();
    expect(account).toMatchObject({
      username: 'cc-submitter',
      organisationName: '长春市教育局',
      mustChangePassword: true,
    });
    expect(account.phone).toBe('139****5678');
    const stored = await t.database.db
      .selectFrom('accounts')
      .select(['passwordHash', 'phone'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    // The phone is sealed at rest (decision 0016): the row as a dump shows it holds no clear number.
    const { rows } = await sql<{
      row: string;
    }>`SELECT a::text AS row FROM accounts a WHERE id = ${account.id}`.execute(t.database.db);
    expect(rows[0]!.row).not.toContain('13912345678');
    expect(rows[0]!.row).not.toContain('12345678');
    expect(stored.phone).toBeNull();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(initialPassword);
    const session = await login(t.app, 'cc-submitter', initialPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(me.json().me.mustChangePassword).toBe(true);
  });

  it('refuses a user name already taken, whatever its case', async () => {
    const response = await post('/api/accounts', {
      username: 'CC-Submitter',
      displayName: '重名',
      organisationId: changchunOrg,
      roles: ['unit_submitter'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('DUPLICATE_USERNAME');
  });

  it('refuses SQL or script text as a user name and stores nothing', async () => {
    for (const username of ["x'; DROP TABLE accounts;--", '<img src=x>', 'ab']) {
      const response = await post('/api/accounts', {
        username,
        displayName: '某人',
        organisationId: changchunOrg,
        roles: ['expert'],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain('用户名');
    }
  });

  it('resets a password: old sessions end, the new one-time password works once changed', async () => {
    const account = (
      await t.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'changchun')
        .executeTakeFirstOrThrow()
    ).id;
    const session = await loginAs(t, 'changchun');
    const reset = await post(`/api/accounts/${account}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode,
    ).toBe(401);
    const fresh = await login(t.app, 'changchun', reset.json().initialPassword);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(fresh) })).json().me
        .mustChangePassword,
    ).toBe(true);
  });

  it('updates roles with the version and refuses a stale save', async () => {
    const account = (
      await t.app.inject({ method: 'GET', url: '/api/accounts?q=cc-submitter', headers: as(jilin) })
    ).json().items[0];
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${account.id}`,
      headers: as(jilin),
      payload: { roles: ['unit_submitter', 'expert'], version: account.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().account.roles).toEqual(['unit_submitter', 'expert']);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${account.id}`,
      headers: as(jilin),
      payload: { roles: ['approver'], version: account.version },
    });
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('filters the list by role and text, within the caller’s subtree only', async () => {
    const experts = (
      await t.app.inject({ method: 'GET', url: '/api/accounts?role=expert', headers: as(jilin) })
    ).json();
    expect(experts.items.map((a: { username: string }) => a.username)).toEqual(['cc-submitter']);
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/accounts?pageSize=200', headers: as(jilin) })
    ).json();
    expect(all.items.map((a: { username: string }) => a.username).sort()).toEqual([
      'cc-submitter',
      'changchun',
      'jilin-admin',
    ]);
    expect(all.total).toBe(3);
  });
});
