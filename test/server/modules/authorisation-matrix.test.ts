import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

/**
 * Every role against every route of the foundation, for a subject inside the caller's subtree and
 * one outside it. A unit account calling organiser routes is refused; nobody reaches another branch.
 */
const USERS = ['admin', 'cace-admin', 'jilin-admin', 'changchun', 'expert', 'approver'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
const sessions = new Map<User, Session>();
const orgId = new Map<string, string>();
const accountId = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const user of USERS) sessions.set(user, await loginAs(t, user));
  for (const o of await t.database.db.selectFrom('organisations').select(['id', 'name']).execute())
    orgId.set(o.name, o.id);
  // Accounts acted upon by the matrix, so that no test user loses its own session along the way.
  const victims: [string, string][] = [
    ['victim-cc', '长春市教育局'],
    ['victim-national', '中国成人教育协会'],
  ];
  for (const [username, organisation] of victims) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: as(sessions.get('admin')!),
      payload: {
        username,
        displayName: '被操作账号',
        organisationId: orgId.get(organisation),
        roles: ['expert'],
      },
    });
    accountId.set(username, created.json().account.id);
  }
  for (const a of await t.database.db.selectFrom('accounts').select(['id', 'username']).execute())
    accountId.set(a.username, a.id);
});
afterAll(() => t.close());

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

interface Case {
  name: string;
  request: () => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
  expected: Record<User, number>;
}

const admins = (ok: number, others = 403) => ({
  admin: ok,
  'cace-admin': ok,
  'jilin-admin': ok,
  changchun: others,
  expert: others,
  approver: others,
});

const CASES: Case[] = [
  {
    name: 'list organisations',
    request: () => ({ method: 'GET', url: '/api/organisations' }),
    expected: admins(200),
  },
  {
    name: 'create a child of 长春市教育局 (inside Jilin)',
    request: () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: { parentId: orgId.get('长春市教育局'), name: unique('朝阳区教育局'), type: 'other_unit' },
    }),
    expected: admins(201),
  },
  {
    name: 'create a child of 北京市教育委员会 (outside Jilin)',
    request: () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        parentId: orgId.get('北京市教育委员会'),
        name: unique('海淀区教育委员会'),
        type: 'other_unit',
      },
    }),
    // Outside one's subtree a subject does not exist: 404, not 403.
    expected: { ...admins(201), 'jilin-admin': 404, changchun: 404 },
  },
  { name: 'list accounts', request: () => ({ method: 'GET', url: '/api/accounts' }), expected: admins(200) },
  {
    name: 'create an account in 长春市教育局',
    request: () => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: unique('cc-user-'),
        displayName: '新填报员',
        organisationId: orgId.get('长春市教育局'),
        roles: ['unit_submitter'],
      },
    }),
    expected: admins(201),
  },
  {
    name: 'create a platform admin',
    request: () => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: unique('root-'),
        displayName: '越权管理员',
        organisationId: orgId.get('长春市教育局'),
        roles: ['platform_admin'],
      },
    }),
    expected: { ...admins(403), admin: 201 },
  },
  {
    name: 'reset the password of an account of 长春市教育局',
    request: () => ({ method: 'POST', url: `/api/accounts/${accountId.get('victim-cc')}/reset-password` }),
    expected: admins(200),
  },
  {
    name: 'disable an account of 中国成人教育协会',
    request: () => ({ method: 'POST', url: `/api/accounts/${accountId.get('victim-national')}/disable` }),
    expected: { ...admins(200), 'jilin-admin': 404, changchun: 404 },
  },
  {
    name: 'read the audit log',
    request: () => ({ method: 'GET', url: '/api/audit' }),
    expected: admins(200),
  },
  {
    name: 'download the import template',
    request: () => ({ method: 'GET', url: '/api/imports/accounts/template' }),
    expected: admins(200),
  },
];

describe.each(CASES)('$name', ({ request, expected }) => {
  it.each(USERS)('as %s', async (user) => {
    const response = await t.app.inject({ ...request(), headers: as(sessions.get(user)!) });
    expect(response.statusCode, response.body).toBe(expected[user]);
    if (response.statusCode >= 400) expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
    // What a case disabled is enabled again, so the next user meets the same state.
    await t.database.db
      .updateTable('accounts')
      .set({ disabled: false })
      .where('username', '=', 'victim-national')
      .execute();
  });
});

describe('subtree scoping', () => {
  it('shows the Jilin organiser only Jilin: its 教育厅 and the 15 units below it', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/organisations',
      headers: as(sessions.get('jilin-admin')!),
    });
    const names = response.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('吉林省教育厅');
    expect(names).toContain('延边朝鲜族自治州教育局');
    expect(names).not.toContain('北京市教育委员会');
    expect(names).not.toContain('中国成人教育协会');
  });

  it('never lists an account of another branch, even when asked for it by organisation', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/accounts?organisationId=${orgId.get('中国成人教育协会')}`,
      headers: as(sessions.get('jilin-admin')!),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([]);
  });

  it('does not let an admin switch off their own account or organisation', async () => {
    const jilin = sessions.get('jilin-admin')!;
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${accountId.get('jilin-admin')}/disable`,
      headers: as(jilin),
    });
    expect(self.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId.get('吉林省教育厅')}/disable`,
      headers: as(jilin),
    });
    expect(own.statusCode).toBe(403);
  });
});
