import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;
let jilinId: string;

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
  jilinId = (
    await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '吉林省教育厅')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const create = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/organisations', headers: as(jilin), payload });
const countOrganisations = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('organisations', () => {
  it('creates a child with its type label and the actions the caller may take, and audits it', async () => {
    const response = await create({ parentId: jilinId, name: '吉林省终身教育学会', type: 'other_unit' });
    expect(response.statusCode).toBe(201);
    const org = response.json().organisation;
    expect(org).toMatchObject({
      parentId: jilinId,
      name: '吉林省终身教育学会',
      typeLabel: '相关单位',
      version: 1,
      disabled: false,
    });
    expect(org.actions).toEqual(expect.arrayContaining(['update', 'disable', 'createChild']));
    const audit = await t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', org.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'organisation.created', actorName: '吉林省教育厅职成处' });
    expect(audit[0]!.after).toMatchObject({ name: '吉林省终身教育学会', type: 'other_unit' });
  });

  it('refuses a second sibling of the same name', async () => {
    const response = await create({ parentId: jilinId, name: '长春市教育局', type: 'city_edu' });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('已有名为「长春市教育局」的单位');
  });

  it('refuses markup and control characters in names and changes nothing', async () => {
    const before = await countOrganisations();
    // A NUL cannot be stored at all: every JSON body carrying one is refused before any route reads it.
    for (const [name, code] of [
      ['<script>alert(1)</script>', 'VALIDATION_FAILED'],
      ['教育局\u0000', 'INVALID_CHARACTERS'],
      ['   ', 'VALIDATION_FAILED'],
    ]) {
      const response = await create({ parentId: jilinId, name, type: 'other_unit' });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(code);
    }
    expect(await countOrganisations()).toBe(before);
  });

  it("stores SQL text as plain text: Robert'); DROP TABLE organisations;-- is just a name", async () => {
    const name = "Robert'); DROP TABLE organisations;--";
    const response = await create({ parentId: jilinId, name, type: 'other_unit' });
    expect(response.statusCode).toBe(201);
    expect(response.json().organisation.name).toBe(name);
    expect(await countOrganisations()).toBeGreaterThan(50);
  });

  it('refuses an unknown type with a message that names the field', async () => {
    const response = await create({ parentId: jilinId, name: '某单位', type: 'martian' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('type');
  });

  it('refuses a stale save with STALE_VERSION, never overwriting the newer one', async () => {
    const org = (await create({ parentId: jilinId, name: '吉林省老年大学', type: 'other_unit' })).json()
      .organisation;
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: as(jilin),
      payload: { name: '吉林省老年大学（总校）', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().organisation.version).toBe(2);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: as(jilin),
      payload: { name: '旧标签页的名称', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'STALE_VERSION', message: '数据已被他人修改，请刷新后重试' });
    const row = await t.database.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('吉林省老年大学（总校）');
  });

  it('disables an organisation, whose accounts are then refused and which takes no new children', async () => {
    const admin = await loginAs(t, 'admin');
    const changchun = await loginAs(t, 'changchun');
    const cc = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '长春市教育局')
      .executeTakeFirstOrThrow();
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${cc.id}/disable`,
      headers: as(admin),
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().organisation).toMatchObject({ disabled: true });
    expect(off.json().organisation.actions).toContain('enable');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(changchun) });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('ACCOUNT_DISABLED');
    const child = await create({ parentId: cc.id, name: '南关区教育局', type: 'other_unit' });
    expect(child.statusCode).toBe(403);
    const on = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${cc.id}/enable`,
      headers: as(admin),
    });
    expect(on.json().organisation.disabled).toBe(false);
  });

  it('answers 404 for an id that is not a uuid or does not exist', async () => {
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/not-an-id',
      headers: as(jilin),
      payload: { version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/00000000-0000-4000-8000-000000000000',
      headers: as(jilin),
      payload: { version: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });
});
