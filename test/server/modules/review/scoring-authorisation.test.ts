/**
 * A nomination an expert may not review does not exist for them: a recused expert, an expert of the pool
 * not assigned to it, the nominating unit and another campaign's expert get 404 on every route of the
 * nomination under review, its files included, and the recused expert's list and counts leave it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundRow } from '#server/modules/review/transition-round.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newCampaign,
  newExpert,
  newNomination,
  newOrganiser,
  newUnit,
  type TestNomination,
} from '#test/support/factories/index.ts';
import { addToPool, assign, newRound, recuse } from '#test/support/factories/review.ts';

let t: TestApp;
let round: RoundRow;
let n: TestNomination;
let other: TestNomination;
let assigned: Session;
const outsiders: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  const organiser = await newOrganiser(t);
  const campaign = await newCampaign(t, organiser);
  const unit = await newUnit(t, organiser);
  n = await newNomination(t, { campaign, unit, state: 'accepted' });
  other = await newNomination(t, { campaign, unit, state: 'accepted' });
  await moveCampaign(t, campaign, 'reviewing');
  const [reviewer, recused, unassigned] = [
    await newExpert(t, organiser),
    await newExpert(t, organiser),
    await newExpert(t, organiser),
  ];
  for (const e of [reviewer, recused, unassigned]) await addToPool(t, campaign, e);
  round = await newRound(t, campaign);
  await assign(t, round, n.id, [reviewer, recused]);
  await assign(t, round, other.id, [recused, unassigned]);
  await recuse(t, campaign, n.id, recused);

  // Another campaign's expert, with work of their own there.
  const elsewhere = await newOrganiser(t);
  const otherCampaign = await newCampaign(t, elsewhere);
  const otherUnit = await newUnit(t, elsewhere);
  const theirs = await newNomination(t, { campaign: otherCampaign, unit: otherUnit, state: 'accepted' });
  await moveCampaign(t, otherCampaign, 'reviewing');
  const stranger = await newExpert(t, elsewhere);
  await addToPool(t, otherCampaign, stranger);
  await assign(t, await newRound(t, otherCampaign), theirs.id, [stranger]);

  assigned = await loginAs(t.app, reviewer);
  outsiders.recused = await loginAs(t.app, recused);
  outsiders.unassigned = await loginAs(t.app, unassigned);
  outsiders.unit = await loginAs(t.app, unit.submitter);
  outsiders.stranger = await loginAs(t.app, stranger);
}, 180_000);
afterAll(() => t.close());

describe('a nomination one may not review', () => {
  it('answers 404 on every route of it, files included, and changes nothing', async () => {
    const base = `/api/reviews/${round.id}/${n.id}`;
    const view = await t.app.inject({ method: 'GET', url: base, headers: as(assigned) });
    expect(view.statusCode).toBe(200);
    const file = view.json().files[0].contentUrl;
    expect((await t.app.inject({ method: 'GET', url: file, headers: as(assigned) })).statusCode).toBe(200);
    const routes = [
      { method: 'GET' as const, url: base },
      { method: 'GET' as const, url: file },
      { method: 'GET' as const, url: `/api/reviews/${round.id}/${n.id}/files/${crypto.randomUUID()}` },
      { method: 'PUT' as const, url: base, payload: { scores: {} } },
      { method: 'POST' as const, url: `${base}/submit`, payload: {} },
      { method: 'POST' as const, url: `${base}/reopen`, payload: {} },
    ];
    for (const [who, session] of Object.entries(outsiders))
      for (const route of routes) {
        const response = await t.app.inject({ ...route, headers: as(session) });
        expect([who, route.method, route.url, response.statusCode]).toEqual([
          who,
          route.method,
          route.url,
          404,
        ]);
        expect(response.body).not.toContain(n.row.title);
      }
    // The round's printable score sheet: theirs only, without the nomination (or none at all).
    for (const session of Object.values(outsiders)) {
      const sheet = await t.app.inject({
        method: 'GET',
        url: `/api/reviews/${round.id}/sheet`,
        headers: as(session),
      });
      expect([200, 404]).toContain(sheet.statusCode);
      expect(sheet.body).not.toContain(n.row.title);
    }
    expect(await t.database.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
  });

  it('is left out of the recused expert’s list and counts', async () => {
    const body = (
      await t.app.inject({ method: 'GET', url: '/api/reviews', headers: as(outsiders.recused!) })
    ).json();
    expect(body.rounds[0].items.map((i: { nominationId: string }) => i.nominationId)).toEqual([other.id]);
    expect(body.rounds[0].progress).toEqual({ submitted: 0, assigned: 1 });
    expect(JSON.stringify(body)).not.toContain(n.row.title);
  });
});
