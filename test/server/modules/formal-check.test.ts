/**
 * 形式审查 in sequence and in bulk: the organiser goes from one nomination waiting for the check to the
 * next (下一条), and accepts several at once; each through the one transition function, audited each,
 * all or none, the response naming those accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilinCity: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  jilinCity = await secondUnitSession(t, jilin);
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
}, 60_000);
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });

let sequence = 700;
async function submitted(unit: Session, name: string) {
  const draft = await draftWith(t, unit, campaignId, completeStar(rules, sequence++, { name }));
  const response = await call(unit, 'POST', `/api/nominations/${draft.id}/submit`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return draft.id as string;
}

const waitingList = async () =>
  (await call(jilin, 'GET', `/api/nominations?campaignId=${campaignId}&state=submitted`))
    .json()
    .items.map((n: { id: string }) => n.id) as string[];

const stateOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('nominations')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).state;

describe('下一条: the formal check in sequence', () => {
  it('goes to the next one waiting in the list’s order, skips the checked, wraps round, and ends', async () => {
    await submitted(changchun, '顺序一');
    await submitted(changchun, '顺序二');
    await submitted(jilinCity, '顺序三');
    const order = await waitingList();
    expect(order).toHaveLength(3);

    const next = async (id: string) =>
      (await call(jilin, 'GET', `/api/nominations/${id}/next-to-check`)).json();
    expect(await next(order[0]!)).toMatchObject({ next: { id: order[1] }, remaining: 2 });

    // Accepting the second, the organiser goes on from where it was to the third.
    const accepted = await call(jilin, 'POST', `/api/nominations/${order[1]}/review`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = await next(order[1]!);
    expect(after).toMatchObject({ next: { id: order[2] }, remaining: 2 });
    expect(after.next.title).toBeTruthy();
    expect(after.next.unitName).toMatch(/教育局$/);
    // From the last one it wraps round to the first still waiting.
    expect(await next(order[2]!)).toMatchObject({ next: { id: order[0] } });

    for (const id of [order[0], order[2]])
      expect(
        (await call(jilin, 'POST', `/api/nominations/${id}/review`, { decision: 'accept' })).statusCode,
      ).toBe(200);
    expect(await next(order[2]!)).toEqual({ next: null, remaining: 0 });
  });

  it('is the organiser’s: a unit is refused', async () => {
    const id = await submitted(changchun, '单位不能用');
    const refused = await call(changchun, 'GET', `/api/nominations/${id}/next-to-check`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/组织单位/);
  });
});

describe('accepting several at once', () => {
  it('accepts each through the state table, audits each, and names them in the response', async () => {
    const a = await submitted(changchun, '批量甲');
    const b = await submitted(jilinCity, '批量乙');
    const response = await call(jilin, 'POST', `/api/campaigns/${campaignId}/formal-check/accept`, {
      nominationIds: [a, b],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().accepted).toEqual([
      expect.objectContaining({ id: a, title: '批量甲', unitName: '长春市教育局', category: 'star' }),
      expect.objectContaining({ id: b, title: '批量乙', unitName: '吉林市教育局', category: 'star' }),
    ]);
    expect([await stateOf(a), await stateOf(b)]).toEqual(['accepted', 'accepted']);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['entityId', 'before', 'after', 'actorName'])
      .where('action', '=', 'nomination.transitioned')
      .where('entityId', 'in', [a, b])
      .where('after', '@>', JSON.stringify({ state: 'accepted' }) as never)
      .execute();
    expect(audit.map((r) => r.entityId).sort()).toEqual([a, b].sort());
    for (const row of audit) {
      expect(row.before).toEqual({ state: 'submitted' });
      expect(row.after).toMatchObject({ label: '形式审查通过' });
    }
  });

  it('accepts none when one cannot be accepted, and says which and why', async () => {
    const fresh = await submitted(changchun, '批量丙');
    const done = await submitted(changchun, '已通过的');
    expect(
      (await call(jilin, 'POST', `/api/nominations/${done}/review`, { decision: 'accept' })).statusCode,
    ).toBe(200);
    const audited = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'nomination.transitioned')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audited();
    const refused = await call(jilin, 'POST', `/api/campaigns/${campaignId}/formal-check/accept`, {
      nominationIds: [fresh, done],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('已通过的');
    expect(refused.json().message).toMatch(/均未通过/);
    expect(refused.json().details).toMatchObject({ nominationId: done });
    expect(await stateOf(fresh)).toBe('submitted');
    expect(await audited()).toBe(before);

    // A draft does not exist for the organiser: the whole batch is refused too.
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, sequence++), 'star', {
      materials: false,
    });
    const hidden = await call(jilin, 'POST', `/api/campaigns/${campaignId}/formal-check/accept`, {
      nominationIds: [fresh, draft.id],
    });
    expect(hidden.statusCode).toBe(404);
    expect(await stateOf(fresh)).toBe('submitted');
  });

  it('refuses an empty or repeated selection, another campaign’s nomination, and a unit, in Chinese', async () => {
    const id = await submitted(changchun, '批量丁');
    const url = `/api/campaigns/${campaignId}/formal-check/accept`;
    const empty = await call(jilin, 'POST', url, { nominationIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/请选择/);
    const twice = await call(jilin, 'POST', url, { nominationIds: [id, id] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/重复/);
    const byUnit = await call(changchun, 'POST', url, { nominationIds: [id] });
    expect(byUnit.statusCode).toBe(403);

    // A Jilin nomination is not the national round's, and the national organiser is not Jilin's (decision 0015).
    const cace = await loginAs(t, 'cace-admin');
    const { campaign: national } = await campaignOf(t, cace, '中国成人教育协会');
    const elsewhere = await call(cace, 'POST', `/api/campaigns/${national.id}/formal-check/accept`, {
      nominationIds: [id],
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().message).toMatch(/无权查看/);
    expect(await stateOf(id)).toBe('submitted');
  });
});
