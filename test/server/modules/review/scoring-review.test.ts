/**
 * The expert's side of a round through the API: the list of one's reviews, the scoring screen's data
 * with the round's blind fields removed, the files played by byte range, autosave, submit (frozen with
 * its total and hash), a second submit and a submit after the round closed refused, reopening, other
 * experts' reviews only after one's own, and the chairs told when the last review is in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS } from '#core/review/default-rubrics.ts';
import { rubricTotal } from '#core/review/rubric.ts';
import { reviewContentHash } from '#server/modules/review/review-hash.ts';
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
import { addToPool, assign, moveRound, newRound } from '#test/support/factories/review.ts';

let t: TestApp;
let campaign: TestCampaign;
let round: RoundRow;
let n1: TestNomination;
let n2: TestNomination;
let chair: TestAccount;
let second: TestAccount;
let third: TestAccount;
const sessions = new Map<TestAccount, Session>();
const rubric = DEFAULT_RUBRICS.star;
const full = (score: number) => Object.fromEntries(rubric.criteria.map((c) => [c.id, score]));

beforeAll(async () => {
  t = await createTestApp();
  const organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  const unit = await newUnit(t, organiser);
  n1 = await newNomination(t, { campaign, unit, state: 'accepted' });
  n2 = await newNomination(t, { campaign, unit, state: 'accepted' });
  await moveCampaign(t, campaign, 'reviewing');
  chair = await newExpert(t, organiser);
  second = await newExpert(t, organiser);
  third = await newExpert(t, organiser);
  await addToPool(t, campaign, chair, { chairOf: ['star'] });
  await addToPool(t, campaign, second);
  await addToPool(t, campaign, third);
  round = await newRound(t, campaign, {
    blindFields: ['unit', 'contacts', 'idNumbers'],
    showOthersAfterSubmit: true,
  });
  await assign(t, round, n1.id, [chair, second, third]);
  await assign(t, round, n2.id, [chair]);
  for (const e of [chair, second, third]) sessions.set(e, await loginAs(t.app, e));
}, 120_000);
afterAll(() => t.close());

const url = (n: TestNomination, tail = '') => `/api/reviews/${round.id}/${n.id}${tail}`;
const call = (e: TestAccount, method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
  t.app.inject({ method, url: path, headers: as(sessions.get(e)!), payload });
const storedReviews = () => t.database.db.selectFrom('reviews').selectAll().orderBy('id').execute();

describe('my reviews', () => {
  it('lists the assignments by round with progress and the panels chaired', async () => {
    const response = await call(chair, 'GET', '/api/reviews');
    expect(response.statusCode).toBe(200);
    const [mine] = response.json().rounds;
    expect(mine).toMatchObject({
      roundId: round.id,
      roundName: '网上初评',
      campaignId: campaign.id,
      open: true,
      progress: { submitted: 0, assigned: 2 },
      chairOf: ['star'],
    });
    expect(mine.items.map((i: { nominationId: string }) => i.nominationId).sort()).toEqual(
      [n1.id, n2.id].sort(),
    );
    expect(mine.items[0]).toMatchObject({ state: 'none', stateLabel: '未评分', total: null });
  });
});

describe('the scoring screen', () => {
  it('shows the submitted form without the round’s blind fields', async () => {
    const response = await call(chair, 'GET', url(n1));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.hidden).toEqual(['unit', 'contacts', 'idNumbers']);
    expect(body.unitName).toBeNull();
    for (const key of ['unitOpinion', 'phone', 'address', 'idNumber', 'materials'])
      expect(body.form).not.toHaveProperty(key);
    const form = n1.row.form as Record<string, string>;
    expect(body.form.name).toBe(form.name);
    for (const secret of [n1.unit.name, form.phone, form.idNumber, form.address, form.unitOpinion])
      expect(response.body).not.toContain(secret);
    expect(body.rubric).toEqual(rubric);
    expect(body.review).toMatchObject({ state: 'draft', version: 0, total: null });
    expect(body.progress).toEqual({ submitted: 0, assigned: 2 });
    expect([body.previousNominationId, body.nextNominationId]).toContain(n2.id);
    expect(body.others).toBeNull();
    expect(body.files.length).toBeGreaterThan(0);
    expect(body.files[0].contentUrl).toBe(url(n1, `/files/${body.files[0].materialId}`));
    // A unit names files after itself: a round hiding the unit shows the slot's name instead.
    const stored = await t.database.db
      .selectFrom('materials')
      .select('fileName')
      .where('nominationId', '=', n1.id)
      .execute();
    for (const { fileName } of stored) expect(response.body).not.toContain(fileName);
    for (const file of body.files) expect(file.fileName.startsWith(file.slotLabel)).toBe(true);
  });

  it('streams a file whole and by byte range', async () => {
    const { files } = (await call(chair, 'GET', url(n1))).json();
    const whole = await call(chair, 'GET', files[0].contentUrl);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-disposition']).toContain(encodeURIComponent(files[0].fileName));
    const part = await t.app.inject({
      method: 'GET',
      url: files[0].contentUrl,
      headers: { ...as(sessions.get(chair)!), range: 'bytes=2-11' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 2-11/${whole.rawPayload.length}`);
    expect(Buffer.compare(part.rawPayload, whole.rawPayload.subarray(2, 12))).toBe(0);
  });
});

describe('saving and submitting', () => {
  it('autosaves partial scores and refuses a score out of range, storing nothing', async () => {
    const bad = await call(chair, 'PUT', url(n1), { scores: { political_standing: 11 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'SCORES_INVALID' });
    expect(bad.json().message).toContain('超出范围');
    expect(bad.json().details.findings[0]).toMatchObject({ field: 'scores.political_standing' });
    expect(await storedReviews()).toEqual([]);
    const saved = await call(chair, 'PUT', url(n1), {
      scores: { political_standing: 9, lifelong_learning: null },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().review).toMatchObject({
      state: 'draft',
      scores: { political_standing: 9 },
      version: 2,
    });
  });

  it('refuses a save over a newer version', async () => {
    const stale = await call(chair, 'PUT', url(n1), { scores: { political_standing: 8 }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect((await storedReviews())[0]!.scores).toEqual({ political_standing: 9 });
  });

  it('refuses to submit an incomplete review, naming what is missing', async () => {
    const response = await call(chair, 'POST', url(n1, '/submit'), {});
    expect(response.statusCode).toBe(422);
    const codes = response.json().details.findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('SCORE_CRITERION_MISSING');
    expect(codes).toContain('RECOMMENDATION_MISSING');
    expect(codes).toContain('COMMENT_MISSING');
    expect((await storedReviews())[0]!.state).toBe('draft');
  });

  it('submits a complete review frozen with its total and content hash, once', async () => {
    const content = {
      scores: full(8),
      comment: '事迹感人',
      recommendation: 'recommend',
      proposeSpecial: true,
    };
    expect((await call(chair, 'PUT', url(n1), content)).statusCode).toBe(200);
    const response = await call(chair, 'POST', url(n1, '/submit'), {});
    expect(response.statusCode).toBe(200);
    const review = response.json().review;
    expect(review.state).toBe('submitted');
    expect(review.total).toBeCloseTo(rubricTotal(rubric, full(8)));
    expect(review.contentHash).toBe(
      await reviewContentHash(rubric, { ...content, recommendation: 'recommend' }),
    );
    const again = await call(chair, 'POST', url(n1, '/submit'), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REVIEW_ALREADY_SUBMITTED');
    const save = await call(chair, 'PUT', url(n1), content);
    expect(save.json().code).toBe('REVIEW_ALREADY_SUBMITTED');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('action', '=', 'review.submitted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ contentHash: review.contentHash });
  });

  it('shows other experts’ reviews only once one’s own is submitted', async () => {
    const content = { scores: full(6), comment: '较好', recommendation: 'may_recommend' };
    await call(second, 'PUT', url(n1), content);
    await call(second, 'POST', url(n1, '/submit'), {});
    const mine = (await call(chair, 'GET', url(n1))).json();
    expect(mine.others).toEqual([
      {
        expertName: second.displayName,
        total: rubricTotal(rubric, full(6)),
        recommendation: 'may_recommend',
        comment: '较好',
      },
    ]);
    expect((await call(third, 'GET', url(n1))).json().others).toBeNull();
  });

  it('reopens a submitted review while the round is open, and refuses to reopen a draft', async () => {
    const reopened = await call(second, 'POST', url(n1, '/reopen'), {});
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().review).toMatchObject({ state: 'draft', total: null, contentHash: null });
    const twice = await call(second, 'POST', url(n1, '/reopen'), {});
    expect(twice.json().code).toBe('REVIEW_NOT_SUBMITTED');
    expect((await call(second, 'POST', url(n1, '/submit'), {})).statusCode).toBe(200);
  });

  it('tells the chairs and the organiser once when the last review of the round is in', async () => {
    const notes = () =>
      t.database.db.selectFrom('notifications').selectAll().where('kind', '=', 'reviews_complete').execute();
    const content = { scores: full(7), comment: '好', recommendation: 'recommend' };
    await call(third, 'PUT', url(n1), content);
    await call(third, 'POST', url(n1, '/submit'), {});
    expect(await notes()).toEqual([]);
    await call(chair, 'PUT', url(n2), content);
    expect((await call(chair, 'POST', url(n2, '/submit'), {})).statusCode).toBe(200);
    const told = await notes();
    expect(told.map((n) => n.accountId).sort()).toEqual([chair.id, campaign.organiser.admin.id].sort());
    await call(chair, 'POST', url(n2, '/reopen'), {});
    await call(chair, 'POST', url(n2, '/submit'), {});
    expect(await notes()).toHaveLength(2);
    expect(told[0]!.title).toContain('网上初评');
  });

  it('refuses every change once the round is closed', async () => {
    await call(chair, 'POST', url(n2, '/reopen'), {});
    await moveRound(t, campaign, round, 'closed');
    const before = await storedReviews();
    const submit = await call(chair, 'POST', url(n2, '/submit'), {});
    expect(submit.statusCode).toBe(409);
    expect(submit.json()).toMatchObject({
      code: 'ROUND_NOT_OPEN',
      message: '本轮评审已经结束，评分不能再修改或提交。',
    });
    expect((await call(chair, 'PUT', url(n2), { scores: full(1) })).json().code).toBe('ROUND_NOT_OPEN');
    expect((await call(second, 'POST', url(n1, '/reopen'), {})).json().code).toBe('ROUND_NOT_OPEN');
    expect(await storedReviews()).toEqual(before);
  });
});
