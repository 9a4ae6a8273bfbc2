import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let campaignId: string;
beforeAll(async () => {
  t = await createTestApp({ demoNominations: true });
  const campaign = await t.database.db
    .selectFrom('campaigns')
    .select(['id', 'status', 'level', 'title'])
    .where('title', 'like', '%评审演示%')
    .executeTakeFirstOrThrow();
  expect(campaign).toMatchObject({ status: 'reviewing', level: 'national' });
  campaignId = campaign.id;
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('the demo review', () => {
  it('has six experts with the expert role, the demo expert among them, each with employer, province and field', async () => {
    const pool = await db()
      .selectFrom('reviewExperts as e')
      .innerJoin('accounts as a', 'a.id', 'e.expertId')
      .select([
        'a.username',
        'a.displayName',
        'a.roles',
        'e.employerName',
        'e.province',
        'e.field',
        'e.chairOf',
      ])
      .where('e.campaignId', '=', campaignId)
      .execute();
    expect(pool).toHaveLength(6);
    expect(pool.map((e) => e.username)).toContain('expert');
    for (const e of pool) {
      expect(e.roles).toContain('expert');
      expect(e.employerName).toBeTruthy();
      expect(e.province).toMatch(/^[1-9][0-9]$/);
      expect(e.field).toBeTruthy();
    }
    expect(pool.flatMap((e) => e.chairOf).sort()).toEqual(['project', 'star']);
    // The five new experts can log in like the other demo accounts.
    for (const username of ['expert2', 'expert3', 'expert4', 'expert5', 'expert6'])
      expect(t.credentials.get(username)?.roles).toEqual(['expert']);
  });

  it('reviews accepted nominations of three provinces in an open 初评 closing in a few days', async () => {
    const states = await db()
      .selectFrom('nominations')
      .select('state')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(states.length).toBeGreaterThanOrEqual(6);
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['accepted']));
    const rounds = await db()
      .selectFrom('reviewRounds')
      .select(['name', 'state', 'closesAt', 'closingNotifiedAt'])
      .where('campaignId', '=', campaignId)
      .execute();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ name: '初评', state: 'open', closingNotifiedAt: null });
    const days = (rounds[0]!.closesAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2);
    expect(days).toBeLessThan(7);
  });

  it('has conflicts of each kind seeded, and no recused expert is assigned the nomination', async () => {
    const conflicts = await db()
      .selectFrom('reviewConflicts')
      .select(['nominationId', 'expertId', 'conflicted', 'reasons'])
      .where('campaignId', '=', campaignId)
      .execute();
    const codes = conflicts.flatMap((c) => (c.reasons as { code: string }[]).map((r) => r.code));
    for (const code of ['SAME_PROVINCE', 'DECLARED_RELATIVE', 'UNIT_EXCLUSION'])
      expect(codes).toContain(code);
    // The relative's 身份证号 that gives DECLARED_RELATIVE is sealed at rest from the first start.
    const relations = await db()
      .selectFrom('reviewExperts')
      .select('relations')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(JSON.stringify(relations)).toContain('"ct"');
    expect(JSON.stringify(relations)).not.toMatch(/\d{17}[\dX]/);
    const assignments = await db()
      .selectFrom('reviewAssignments as a')
      .innerJoin('reviewRounds as r', 'r.id', 'a.roundId')
      .select(['a.nominationId', 'a.expertId'])
      .where('r.campaignId', '=', campaignId)
      .execute();
    const assigned = new Set(assignments.map((a) => `${a.nominationId}/${a.expertId}`));
    const recused = conflicts.filter((c) => c.conflicted);
    expect(recused.length).toBeGreaterThan(0);
    for (const c of recused) expect(assigned.has(`${c.nominationId}/${c.expertId}`)).toBe(false);
    // Three reviews for each nomination.
    const perNomination = new Map<string, number>();
    for (const a of assignments)
      perNomination.set(a.nominationId, (perNomination.get(a.nominationId) ?? 0) + 1);
    expect(new Set(perNomination.values())).toEqual(new Set([3]));
  });

  it('has reviews under way: submitted ones frozen with their total and hash, drafts not', async () => {
    const reviews = await db()
      .selectFrom('reviews as v')
      .innerJoin('reviewRounds as r', 'r.id', 'v.roundId')
      .select(['v.id', 'v.state', 'v.total', 'v.contentHash', 'v.submittedAt', 'v.scores'])
      .where('r.campaignId', '=', campaignId)
      .execute();
    const submitted = reviews.filter((r) => r.state === 'submitted');
    const drafts = reviews.filter((r) => r.state === 'draft');
    expect(submitted.length).toBeGreaterThan(0);
    expect(drafts.length).toBeGreaterThan(0);
    for (const r of submitted) {
      expect(Number(r.total)).toBeGreaterThan(0);
      expect(Number(r.total)).toBeLessThanOrEqual(100);
      expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.submittedAt).toBeInstanceOf(Date);
    }
    for (const r of drafts)
      expect({ total: r.total, hash: r.contentHash }).toEqual({ total: null, hash: null });
    // Each submission moved through the review transition and is audited.
    const audited = await db()
      .selectFrom('auditLog')
      .select('entityId')
      .where('action', '=', 'review.submitted')
      .execute();
    expect(new Set(audited.map((a) => a.entityId))).toEqual(new Set(submitted.map((r) => r.id)));
  });

  it('tells each expert of their assignment in the bell', async () => {
    const expert = await loginAs(t, 'expert');
    const bell = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: as(expert) })
    ).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: 'review_assigned', kindLabel: '评审任务', link: '/reviews' });
    expect(bell.items[0].title).toMatch(/^您有 \d+ 项初评任务$/);
  });
});
