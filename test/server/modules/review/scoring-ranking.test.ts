/**
 * The chair's ranking and the shortlist through the API: the ranking of a category with every method
 * side by side for the chair and the organiser only; a proposal that departs from the ranking without a
 * reason refused, naming the nominations; a staged proposal confirmed by the organiser moving every
 * nomination through the one transition function, all or nothing, with the panel's special recorded.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSpecial } from '#server/modules/nominations/registration.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
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
  type TestAccount,
  type TestCampaign,
  type TestNomination,
} from '#test/support/factories/index.ts';
import { addToPool, assign, newRound, recuse } from '#test/support/factories/review.ts';

let t: TestApp;
let campaign: TestCampaign;
let round: RoundRow;
let a1: TestNomination;
let a2: TestNomination;
let b1: TestNomination;
let b2: TestNomination;
let chair: TestAccount;
let member: TestAccount;
let lenient: TestAccount;
let s: Record<'chair' | 'member' | 'lenient' | 'organiser' | 'unit' | 'stranger', Session>;

const full = (score: number) =>
  Object.fromEntries(
    ['political_standing', 'values_and_culture', 'lifelong_learning', 'leading_others'].map((id) => [
      id,
      score,
    ]),
  );

beforeAll(async () => {
  t = await createTestApp();
  const organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser, {
    change: (rules) => {
      rules.review = { shortlistSize: { star: 2 } };
    },
  });
  const unitA = await newUnit(t, organiser);
  const unitB = await newUnit(t, organiser);
  a1 = await newNomination(t, { campaign, unit: unitA, state: 'accepted' });
  a2 = await newNomination(t, { campaign, unit: unitA, state: 'accepted' });
  b1 = await newNomination(t, { campaign, unit: unitB, state: 'accepted' });
  b2 = await newNomination(t, { campaign, unit: unitB, state: 'accepted' });
  await markSpecial(t.context.db, unitB.submitter.actor, b1.id, true, t.context.clock.now());
  await moveCampaign(t, campaign, 'reviewing');
  chair = await newExpert(t, organiser);
  member = await newExpert(t, organiser);
  lenient = await newExpert(t, organiser);
  await addToPool(t, campaign, chair, { chairOf: ['star'] });
  await addToPool(t, campaign, member);
  await addToPool(t, campaign, lenient);
  round = await newRound(t, campaign);
  for (const n of [a1, a2, b1, b2]) await assign(t, round, n.id, [chair, member, lenient]);
  const other = await newOrganiser(t);
  s = {
    chair: await loginAs(t.app, chair),
    member: await loginAs(t.app, member),
    lenient: await loginAs(t.app, lenient),
    organiser: await loginAs(t.app, organiser.admin),
    unit: await loginAs(t.app, unitA.submitter),
    stranger: await loginAs(t.app, await newExpert(t, other)),
  };
  const scores: [Session, TestNomination, number][] = [
    [s.chair, a1, 9],
    [s.chair, a2, 7],
    [s.chair, b1, 8],
    [s.chair, b2, 5],
    [s.member, a1, 8],
    [s.member, a2, 8],
    [s.member, b1, 6],
    [s.member, b2, 4],
    [s.lenient, a1, 10],
    [s.lenient, a2, 9],
    [s.lenient, b1, 10],
    [s.lenient, b2, 7],
  ];
  for (const [session, n, score] of scores) {
    const url = `/api/reviews/${round.id}/${n.id}`;
    const payload = {
      scores: full(score),
      comment: '评语',
      recommendation: 'recommend',
      proposeSpecial: n === b1,
    };
    const saved = await t.app.inject({ method: 'PUT', url, headers: as(session), payload });
    if (saved.statusCode !== 200) throw new Error(saved.body);
    await t.app.inject({ method: 'POST', url: `${url}/submit`, headers: as(session), payload: {} });
  }
}, 180_000);
afterAll(() => t.close());

const rankingUrl = (query = '') =>
  `/api/campaigns/${campaign.id}/review/ranking?roundId=${round.id}&category=star${query}`;
const shortlistUrl = () => `/api/campaigns/${campaign.id}/review/shortlist`;
const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(session) });
const post = (session: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(session), payload });
const states = async () =>
  Object.fromEntries(
    (
      await t.database.db
        .selectFrom('nominations')
        .select(['id', 'state', 'special'])
        .where('id', 'in', [a1.id, a2.id, b1.id, b2.id])
        .execute()
    ).map((n) => [n.id, `${n.state}${n.special ? '+special' : ''}`]),
  );

describe('the ranking', () => {
  it('shows the chair every method side by side, ranked by the chosen one', async () => {
    const response = await get(s.chair, rankingUrl('&method=mean'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      method: 'mean',
      methodLabel: '平均分',
      complete: true,
      canPropose: true,
      canConfirm: false,
    });
    expect(body.rows.map((r: { nominationId: string }) => r.nominationId)[0]).toBe(a1.id);
    expect(body.rows.at(-1).nominationId).toBe(b2.id);
    const b2Row = body.rows.at(-1);
    expect(b2Row.mean).toBeCloseTo((50 + 40 + 70) / 3);
    expect(b2Row).toMatchObject({ reviews: 3, expected: 3, stateLabel: '形式审查通过', scored: true });
    expect(body.rows.find((r: { nominationId: string }) => r.nominationId === b1.id)).toMatchObject({
      special: true,
      specialVotes: 3,
      spread: 40,
      disagreement: true,
    });
    for (const row of body.rows) expect(typeof row.zscore).toBe('number');
    expect(body.constraints).toEqual({ size: 2, perUnit: null, specials: 1 });
    // With two places the method does not matter here: the lenient expert lifts every nomination alike.
    expect(body.sensitivity).toEqual([
      { method: 'trimmed', methodLabel: '去掉最高分和最低分后的平均分', enter: [], leave: [] },
      { method: 'zscore', methodLabel: '按专家标准化后的分数', enter: [], leave: [] },
    ]);
    expect(body.fallbackExperts).toEqual([]);
  });

  it('defaults to the campaign’s method and shows it to the organiser, who may not propose', async () => {
    const body = (await get(s.organiser, rankingUrl())).json();
    expect(body).toMatchObject({ method: 'zscore', canPropose: false, canConfirm: false });
  });

  it('is refused to an expert who does not chair the panel, to a unit, and unknown to another organiser’s expert', async () => {
    expect((await get(s.member, rankingUrl())).statusCode).toBe(403);
    expect((await get(s.unit, rankingUrl())).statusCode).toBe(403);
    expect((await get(s.stranger, rankingUrl())).statusCode).toBe(404);
    expect((await get(s.member, shortlistUrl())).statusCode).toBe(403);
  });
});

describe('the shortlist', () => {
  const decide = (ins: TestNomination[], extra: Record<string, object> = {}) =>
    [a1, a2, b1, b2].map((n) => ({
      nominationId: n.id,
      decision: ins.includes(n) ? 'shortlisted' : 'not_selected',
      reason: '',
      ...extra[n.id],
    }));

  it('refuses a departure from the ranking without reasons, naming the nominations, and stores nothing', async () => {
    const entries = decide([a1, b2]);
    const response = await post(s.chair, shortlistUrl(), {
      roundId: round.id,
      category: 'star',
      method: 'mean',
      entries,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('SHORTLIST_INVALID');
    expect(response.json().message).toContain(b2.row.title);
    const fields = response.json().details.findings.map((f: { field: string }) => f.field);
    expect(fields).toContain('entries.3.reason');
    expect(await t.database.db.selectFrom('shortlistProposals').selectAll().execute()).toEqual([]);
  });

  it('is proposed by the chair only, and the organiser is told', async () => {
    const body = {
      roundId: round.id,
      category: 'star',
      method: 'mean',
      entries: decide([a1, b1], { [b1.id]: { special: true } }),
    };
    expect((await post(s.organiser, shortlistUrl(), body)).statusCode).toBe(403);
    const response = await post(s.chair, shortlistUrl(), body);
    expect(response.statusCode).toBe(201);
    expect(response.json().entries[2]).toMatchObject({
      title: b1.row.title,
      special: true,
      decision: 'shortlisted',
    });
    const told = await t.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'shortlist_proposed')
      .execute();
    expect(told.map((n) => n.accountId)).toEqual([campaign.organiser.admin.id]);
    const list = (await get(s.organiser, shortlistUrl())).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].proposedBy).toBe(chair.displayName);
    expect((await get(s.organiser, rankingUrl())).json().canConfirm).toBe(true);
  });

  it('applies nothing when one entry cannot move', async () => {
    const [proposal] = (await get(s.organiser, shortlistUrl())).json().items;
    const before = await states();
    await transitionNomination(t.context.db, campaign.organiser.admin.actor, a2.id, {
      to: 'returned',
      reason: '请补充材料',
      now: t.context.clock.now(),
    });
    const response = await post(s.organiser, `${shortlistUrl()}/${proposal.id}/confirm`);
    expect(response.statusCode).toBe(409);
    expect(await states()).toEqual({ ...before, [a2.id]: 'returned' });
    const stored = await t.database.db.selectFrom('shortlistProposals').select('confirmedAt').execute();
    expect(stored).toEqual([{ confirmedAt: null }]);
  });

  it('is confirmed by the organiser: every nomination moves together, the special recorded, once', async () => {
    const entries = decide([a1, b1], { [b1.id]: { special: true } }).filter((e) => e.nominationId !== a2.id);
    const proposed = await post(s.chair, shortlistUrl(), {
      roundId: round.id,
      category: 'star',
      method: 'mean',
      entries,
    });
    expect(proposed.statusCode).toBe(201);
    const url = `${shortlistUrl()}/${proposed.json().id}/confirm`;
    expect((await post(s.chair, url)).statusCode).toBe(403);
    const response = await post(s.organiser, url);
    expect(response.statusCode).toBe(200);
    expect(response.json().confirmedAt).not.toBeNull();
    expect(await states()).toEqual({
      [a1.id]: 'shortlisted',
      [a2.id]: 'returned',
      [b1.id]: 'shortlisted+special',
      [b2.id]: 'not_selected',
    });
    const again = await post(s.organiser, url);
    expect(again.json().code).toBe('SHORTLIST_NOT_PROPOSED');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', 'in', [a1.id, b1.id, b2.id, proposed.json().id])
      .execute();
    const decided = audit.filter(
      (a) =>
        a.action.startsWith('review.') ||
        (a.action === 'nomination.transitioned' &&
          ['shortlisted', 'not_selected'].includes((a.after as { state: string }).state)),
    );
    expect(decided.map((a) => a.action).sort()).toEqual([
      'nomination.transitioned',
      'nomination.transitioned',
      'nomination.transitioned',
      'review.shortlist_confirmed',
      'review.shortlist_proposed',
    ]);
  });
});

describe('a recusal after the fact', () => {
  it('takes the recused expert’s submitted review out of the ranking', async () => {
    await recuse(t, campaign, b2.id, lenient);
    const body = (await get(s.organiser, rankingUrl('&method=mean'))).json();
    const row = body.rows.find((r: { nominationId: string }) => r.nominationId === b2.id);
    expect(row).toMatchObject({ reviews: 2, expected: 2 });
    expect(row.mean).toBeCloseTo(45);
  });
});

describe('a chair recused from a nomination', () => {
  it('never sees it, not as a row, a gap in the ranks or an export; the organiser is told to decide it apart', async () => {
    await recuse(t, campaign, b2.id, chair);
    const theirs = (await get(s.organiser, rankingUrl('&method=mean'))).json();
    const titleOf = (id: string) =>
      theirs.rows.find((r: { nominationId: string }) => r.nominationId === id).title as string;
    const mine = (await get(s.chair, rankingUrl('&method=mean'))).json();
    expect(mine.rows.map((r: { nominationId: string }) => r.nominationId)).not.toContain(b2.id);
    expect(mine.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    expect(JSON.stringify(mine)).not.toContain(titleOf(b2.id));
    expect(mine.chairRecused).toEqual([]);
    const exported = await get(
      s.chair,
      `/api/campaigns/${campaign.id}/review/rounds/${round.id}/ranking.xlsx`,
    );
    expect(exported.statusCode, exported.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells).toContain(titleOf(a1.id));
    expect(cells).not.toContain(titleOf(b2.id));

    expect(theirs.rows.map((r: { nominationId: string }) => r.nominationId)).toContain(b2.id);
    expect(theirs.chairRecused).toEqual([titleOf(b2.id)]);
  });
});
