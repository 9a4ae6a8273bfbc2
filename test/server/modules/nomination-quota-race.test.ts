import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('quota under concurrency', () => {
  it('lets exactly 5 of 50 parallel submits through a quota of 5', { timeout: 120_000 }, async () => {
    const changchun = await loginAs(t, 'changchun');
    const jilin = await loginAs(t, 'jilin-admin');
    const { campaign, rules } = await campaignOf(t, jilin, '吉林省教育厅');
    const unit = (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', '长春市教育局')
        .executeTakeFirstOrThrow()
    ).id;
    rules.quotas.unitOverrides[unit] = { star: { min: 1, max: 5 } };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}/rules`,
      headers: as(jilin),
      payload: { rules, rulesVersion: campaign.rulesVersion },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const drafts = [];
    for (let i = 0; i < 50; i++)
      drafts.push(await draftWith(t, changchun, campaign.id, completeStar(rules, 100 + i)));
    const results = await Promise.all(
      drafts.map((d) =>
        t.app.inject({ method: 'POST', url: `/api/nominations/${d.id}/submit`, headers: as(changchun) }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.json().code)).toEqual(
      Array(45).fill('QUOTA_EXCEEDED'),
    );
    const ranks = results
      .filter((r) => r.statusCode === 200)
      .map((r) => r.json().nomination.rank)
      .sort();
    expect(ranks).toEqual([1, 2, 3, 4, 5]);
    const stored = await t.database.db
      .selectFrom('nominations')
      .select('state')
      .where('unitId', '=', unit)
      .where('state', '=', 'submitted')
      .execute();
    expect(stored).toHaveLength(5);
  });
});
