import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let jilin: Session;
let cace: Session;

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
});
afterAll(() => t.close());

const audit = (session: Session, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: as(session) }).then((r) => r.json());

describe('audit log', () => {
  it('records who changed what, with before and after, the address and the time', async () => {
    const org = await t.database.db
      .selectFrom('organisations')
      .select(['id', 'version'])
      .where('name', '=', '四平市教育局')
      .executeTakeFirstOrThrow();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: as(jilin),
      payload: { name: '四平市教育局（改）', version: org.version },
    });
    expect(patch.statusCode).toBe(200);
    const { items } = await audit(jilin, `?entityType=organisation&action=organisation.updated`);
    expect(items[0]).toMatchObject({
      action: 'organisation.updated',
      entityId: org.id,
      actor: { displayName: '吉林省教育厅职成处' },
      before: { name: '四平市教育局' },
      after: { name: '四平市教育局（改）' },
      ip: '127.0.0.1',
    });
    expect(Date.now() - Date.parse(items[0].at)).toBeLessThan(60_000);
  });

  it('shows an organiser only entries of their subtree', async () => {
    const jilinEntries = await audit(jilin, '?pageSize=200');
    const jilinActions = new Set(
      jilinEntries.items.map((e: { actor: { displayName: string } | null }) => e.actor?.displayName),
    );
    expect(jilinActions.has('协会秘书处')).toBe(false);
    const national = await audit(cace, '?pageSize=200&action=auth.login');
    expect(national.items.map((e: { actor: { displayName: string } }) => e.actor.displayName)).toEqual(
      expect.arrayContaining(['吉林省教育厅职成处', '协会秘书处']),
    );
  });

  it('filters by day in Beijing time and refuses malformed dates', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await audit(cace, `?from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await audit(cace, '?to=2000-01-01')).total).toBe(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/audit?from=2024/4/10', headers: as(cace) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('YYYY-MM-DD');
  });

  it('writes the audit row in the same transaction: a refused change leaves no entry', async () => {
    const before = (await audit(cace, '?pageSize=1')).total;
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${(await t.database.db.selectFrom('organisations').select('id').where('name', '=', '白山市教育局').executeTakeFirstOrThrow()).id}`,
      headers: as(jilin),
      payload: { name: '不会保存', version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await audit(cace, '?pageSize=1')).total).toBe(before);
  });

  it('names what each entry is about, and the ids inside it, instead of showing ids', async () => {
    const unit = await loginAs(t, 'changchun');
    const { campaign } = await campaignOf(t, unit, '吉林省教育厅');
    const n = await draftWith(t, unit, campaign.id, { name: '周丽华' }, 'star', { materials: false });
    const created = await audit(jilin, '?action=nomination.created&pageSize=200');
    const entry = created.items.find((e: { entityId: string }) => e.entityId === n.id);
    expect(entry.entityName).toBe('周丽华（长春市教育局）');
    expect(entry.after.campaignId).toBe(campaign.id);
    expect(created.names[campaign.id]).toBe(campaign.title);
    const org = await audit(jilin, '?action=organisation.updated');
    expect(org.items[0].entityName).toBe('四平市教育局（改）');
    const logins = await audit(jilin, '?action=auth.login');
    expect(logins.items[0].entityName).toBe(logins.items[0].actor.displayName);
  });
});
