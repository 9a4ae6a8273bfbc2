import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '#core/nomination/snapshot.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { as, createTestApp, loginAs, type TestApp } from '../support/app.ts';
import { campaignOf } from '../support/nominations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoNominations: true });
});
afterAll(() => t.close());

describe('the demo seed', () => {
  it('gives both demo campaigns living nominations in different states, each frozen one passing every check', async () => {
    const changchun = await loginAs(t, 'changchun');
    const jilin = await loginAs(t, 'jilin-admin');
    const { campaign: jilinRound } = await campaignOf(t, changchun, '吉林省教育厅');
    const { campaign: national } = await campaignOf(t, jilin, '中国成人教育协会');
    const mine = (
      await t.app.inject({
        method: 'GET',
        url: `/api/nominations?campaignId=${jilinRound.id}`,
        headers: as(changchun),
      })
    ).json().items;
    expect(new Set(mine.map((n: { state: string }) => n.state))).toEqual(
      new Set(['submitted', 'accepted', 'returned', 'draft']),
    );
    expect(mine.find((n: { special: boolean }) => n.special).remark).toBe('事迹特别感人');
    const provincial = (
      await t.app.inject({
        method: 'GET',
        url: `/api/nominations?campaignId=${national.id}`,
        headers: as(jilin),
      })
    ).json().items;
    expect(provincial.map((n: { state: string }) => n.state).sort()).toEqual(['draft', 'submitted']);

    for (const n of [...mine, ...provincial].filter((x: { state: string }) => x.state !== 'draft')) {
      const session = mine.includes(n) ? changchun : jilin;
      const detail = (
        await t.app.inject({ method: 'GET', url: `/api/nominations/${n.id}`, headers: as(session) })
      ).json().nomination;
      expect(
        detail.findings.filter((f: { severity: string }) => f.severity === 'error'),
        detail.title,
      ).toEqual([]);
    }
  });

  it('makes its nominations as the platform does: each move audited, each snapshot frozen with its files', async () => {
    const rows = await t.database.db
      .selectFrom('nominations')
      .select(['id', 'state', 'form', 'snapshot', 'contentHash', 'rank'])
      .where('state', '!=', 'draft')
      .execute();
    // Five in the two open campaigns, eight accepted in the review demo (demo-review.ts), four 入选 in the
    // finished 2025 round (demo-decision.ts).
    expect(rows.length).toBe(17);
    for (const n of rows) {
      const moves = await t.database.db
        .selectFrom('auditLog')
        .select(['actorName', 'before', 'after'])
        .where('entityId', '=', n.id)
        .where('action', '=', 'nomination.transitioned')
        .orderBy('id')
        .execute();
      // Submitted by the unit's account; accepted or returned after that by the organiser's.
      expect(moves[0]).toMatchObject({ before: { state: 'draft' }, after: { state: 'submitted' } });
      expect(moves.at(-1)!.after).toMatchObject({ state: n.state });
      // The content hash is the clear form's; the row holds it sealed (decision 0016), no number in sight.
      expect(n.contentHash).toBe(
        await contentHash(revealForm(n.form as Record<string, unknown>, dataKeys())),
      );
      expect(JSON.stringify([n.form, n.snapshot])).not.toMatch(
        /(?<![\da-f])(\d{17}[\dX]|1[3-9]\d{9})(?![\da-f])/,
      );
      expect(n.rank).toBeGreaterThan(0);
      const files = (n.snapshot as { materials: { sha256: string }[] }).materials;
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('gives each frozen demo project the work summary once: the Word file made from the text on its form', async () => {
    const rows = await t.database.db
      .selectFrom('materials as m')
      .innerJoin('nominations as n', 'n.id', 'm.nominationId')
      .select(['n.title', 'n.form', 'm.fileName', 'm.state'])
      .where('m.slotId', '=', 'workSummary')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.fileName).toBe(`${row.title}-工作总结.docx`);
      expect(row.state).toBe('passed');
      expect((row.form as { workSummary?: string }).workSummary).toBeTruthy();
    }
  });
});
