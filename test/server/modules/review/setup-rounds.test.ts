/**
 * Review rounds and the assignment of reviews through the API: rounds planned with their dates and
 * experts (bad dates refused), an automatic assignment that respects recusal and is the same for the same
 * seed, an infeasible one refused with core's message and nothing stored, manual changes checked by core,
 * a round opened only while the campaign is 评审中 with the assigned experts told, an expert's declaration
 * taking them off, a submitted review that stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { findOrCreateReview, transitionReview } from '#server/modules/review/transition-review.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newAccount,
  newCampaign,
  newExpert,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAccount,
  type TestCampaign,
  type TestNomination,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

let t: TestApp;
let organiser: TestOrganiser;
let campaign: TestCampaign;
let unitA: TestUnit;
let stars: TestNomination[];
let sameOrg: TestAccount;
let experts: TestAccount[];
let admin: Session;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  unitA = await newUnit(t, organiser, { regionCode: '220100' });
  const unitB = await newUnit(t, organiser, { regionCode: '220200' });
  stars = [];
  for (const unit of [unitA, unitA, unitB, unitB])
    stars.push(await newNomination(t, { campaign, unit, state: 'accepted' }));
  sameOrg = await newAccount(t, organiser.admin, { organisationId: unitA.organisationId, roles: ['expert'] });
  experts = [sameOrg];
  for (let i = 0; i < 3; i++) experts.push(await newExpert(t, organiser));
  admin = await loginAs(t.app, organiser.admin);
  for (const [i, e] of experts.entries()) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/review/experts`,
      headers: as(admin),
      payload: { panels: ['star'], accountId: e.id, province: i % 2 === 0 ? '22' : '11', maxLoad: 4 },
    });
    if (response.statusCode !== 201) throw new Error(response.body);
  }
}, 240_000);
afterAll(() => t?.close());

const url = (tail = '') => `/api/campaigns/${campaign.id}/review${tail}`;
const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  payload?: object,
) => t.app.inject({ method, url: path, headers: as(s), payload });
const inDays = (days: number) => new Date(t.context.clock.now().getTime() + days * 86_400_000).toISOString();
const rounds = () =>
  t.database.db.selectFrom('reviewRounds').selectAll().where('campaignId', '=', campaign.id).execute();
const pairs = async () =>
  (
    await t.database.db
      .selectFrom('reviewAssignments')
      .select(['nominationId', 'expertId', 'source'])
      .where('roundId', '=', roundId)
      .orderBy('nominationId')
      .orderBy('expertId')
      .execute()
  ).map((p) => `${p.nominationId}|${p.expertId}|${p.source}`);
let lastPairs: string[] = [];
const pairsOf = (expertId: string) => lastPairs.filter((p) => p.split('|')[1] === expertId);
const round = async () => (await rounds()).find((r) => r.id === roundId)!;

describe('review rounds', () => {
  it('refuses bad dates, unknown experts and a repeated name, storing nothing', async () => {
    const body = { name: '网上初评', kind: 'online', closesAt: inDays(7) };
    const refusals: [object, number, string, RegExp][] = [
      [{ ...body, closesAt: inDays(-1) }, 400, 'VALIDATION_FAILED', /截止时间已过/],
      [{ ...body, closesAt: '2026年12月20日下午五点' }, 422, 'DATE_INVALID', /格式不正确/],
      [{ ...body, closesAt: '2026-02-30 17:00' }, 422, 'DATE_INVALID', /格式不正确/],
      [{ ...body, expertIds: [organiser.admin.id] }, 400, 'VALIDATION_FAILED', /不在本次活动的专家库中/],
      [{ ...body, reviewsPerNomination: 0 }, 400, 'VALIDATION_FAILED', /./],
      [{ ...body, name: '' }, 400, 'VALIDATION_FAILED', /请填写轮次名称/],
    ];
    for (const [payload, status, code, message] of refusals) {
      const response = await call(admin, 'POST', url('/rounds'), payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await rounds()).toEqual([]);

    const created = await call(admin, 'POST', url('/rounds'), body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().round).toMatchObject({
      name: '网上初评',
      state: 'planned',
      stateLabel: '未开始',
      reviewsPerNomination: 3,
      moves: [{ to: 'open', label: '开始评审' }],
    });
    expect(created.json().round.expertIds.sort()).toEqual(experts.map((e) => e.id).sort());
    roundId = created.json().round.id;
    const twice = await call(admin, 'POST', url('/rounds'), body);
    expect(twice.json().message).toMatch(/已有名为「网上初评」的评审轮次/);
    expect(await rounds()).toHaveLength(1);
  });

  it('edits a planned round; never to close in the past, never from a stale copy', async () => {
    const { version } = await round();
    const body = {
      name: '网上初评',
      kind: 'online',
      closesAt: '2099-12-20 17:00',
      reviewsPerNomination: 5,
      version,
    };
    const past = await call(admin, 'PATCH', url(`/rounds/${roundId}`), { ...body, closesAt: inDays(-2) });
    expect(past.json().code).toBe('VALIDATION_FAILED');
    const edited = await call(admin, 'PATCH', url(`/rounds/${roundId}`), body);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().round).toMatchObject({
      reviewsPerNomination: 5,
      closesAt: '2099-12-20T09:00:00.000Z',
    });
    const stale = await call(admin, 'PATCH', url(`/rounds/${roundId}`), body);
    expect(stale.json().code).toBe('STALE_VERSION');
  });
});

describe('assignment', () => {
  it('refuses an assignment that cannot give every nomination its reviews, with core’s message, storing nothing', async () => {
    const response = await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 7 });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().code).toBe('ASSIGNMENT_INFEASIBLE');
    expect(response.json().message).toMatch(/无法安排5份评审/);
    expect(await pairs()).toEqual([]);
    expect((await round()).assignmentSeed).toBeNull();
  });

  it('assigns 3 reviews per nomination around recusal, the same for the same seed', async () => {
    const { version } = await round();
    await call(admin, 'PATCH', url(`/rounds/${roundId}`), {
      name: '网上初评',
      kind: 'online',
      closesAt: inDays(7),
      reviewsPerNomination: 3,
      version,
    });
    const first = await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 42 });
    expect(first.statusCode, first.body).toBe(200);
    const view = first.json();
    expect(view.seed).toBe(42);
    for (const row of view.nominations) expect(row.experts).toHaveLength(3);
    const unitANominations = stars.filter((n) => n.unit === unitA).map((n) => n.id);
    for (const row of view.nominations.filter((r: { nominationId: string }) =>
      unitANominations.includes(r.nominationId),
    )) {
      expect(row.experts.map((e: { expertId: string }) => e.expertId)).not.toContain(sameOrg.id);
      expect(row.recused).toEqual([{ expertId: sameOrg.id, name: sameOrg.displayName }]);
    }
    expect(view.experts.reduce((sum: number, e: { load: number }) => sum + e.load, 0)).toBe(12);
    const assigned = await pairs();

    const other = await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 43 });
    expect(other.statusCode).toBe(200);
    const again = await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 42 });
    expect(again.statusCode).toBe(200);
    expect(await pairs()).toEqual(assigned);
    expect((await round()).assignmentSeed).toBe(42);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'review.assigned')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => (a.after as { seed: number }).seed)).toEqual([42, 43, 42]);
  });

  it('checks manual changes with core: a recused pair refused, warnings shown', async () => {
    const before = await pairs();
    const recused = await call(admin, 'POST', url(`/rounds/${roundId}/assignments`), {
      nominationId: stars[0]!.id,
      expertId: sameOrg.id,
    });
    expect(recused.statusCode).toBe(409);
    expect(recused.json()).toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
      message: expect.stringContaining('须回避'),
    });
    expect(await pairs()).toEqual(before);
    const taken = (await call(admin, 'GET', url(`/rounds/${roundId}/assignments`))).json();
    const row = taken.nominations.find((r: { nominationId: string }) => r.nominationId === stars[2]!.id);
    const free = experts.find((e) => !row.experts.some((x: { expertId: string }) => x.expertId === e.id))!;
    const added = await call(admin, 'POST', url(`/rounds/${roundId}/assignments`), {
      nominationId: stars[2]!.id,
      expertId: free.id,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().findings.map((f: { code: string }) => f.code)).toContain('ASSIGNMENT_REVIEWS_ABOVE');
    expect((await pairs()).filter((p) => p.endsWith('|manual'))).toHaveLength(1);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: url(`/rounds/${roundId}/assignments`),
      headers: as(admin),
      payload: { nominationId: stars[2]!.id, expertId: free.id },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await pairs()).toEqual(before);
  });

  it('opens a round only while the campaign is 评审中, and tells each assigned expert once', async () => {
    const { version } = await round();
    const early = await call(admin, 'POST', url(`/rounds/${roundId}/move`), { to: 'open', version });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'ROUND_MOVE_NOT_ALLOWED',
      message: expect.stringContaining('评审中'),
    });
    await moveCampaign(t, campaign, 'reviewing');
    const opened = await call(admin, 'POST', url(`/rounds/${roundId}/move`), { to: 'open', version });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().round).toMatchObject({ state: 'open', progress: { assigned: 12, submitted: 0 } });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['accountId', 'kind', 'link', 'dedupeKey'])
      .execute();
    const assignedExperts = new Set((await pairs()).map((p) => p.split('|')[1]));
    expect(notes.map((n) => n.accountId).sort()).toEqual([...assignedExperts].sort());
    for (const n of notes)
      expect(n).toMatchObject({
        kind: 'review_assigned',
        link: '/reviews',
        dedupeKey: `assigned:${roundId}`,
      });

    const unit = await loginAs(t.app, unitA.submitter);
    const closed = await call(unit, 'PUT', `/api/nominations/${stars[0]!.id}/review-exclusions`, {
      requests: [],
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('EXCLUSIONS_CLOSED');
  });

  it('takes an expert who declares a conflict off the nomination; the view shows it short and 已回避', async () => {
    const target = stars[2]!;
    const view = (await call(admin, 'GET', url(`/rounds/${roundId}/assignments`))).json();
    const reviewer = view.nominations.find((r: { nominationId: string }) => r.nominationId === target.id)
      .experts[0].expertId;
    const account = experts.find((e) => e.id === reviewer)!;
    const declared = await call(await loginAs(t.app, account), 'POST', url('/declarations'), {
      nominationId: target.id,
      reason: '与被推介人系同事',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toEqual({ declared: true, assignmentsRemoved: 1 });
    const after = (await call(admin, 'GET', url(`/rounds/${roundId}/assignments`))).json();
    const row = after.nominations.find((r: { nominationId: string }) => r.nominationId === target.id);
    expect(row.experts).toHaveLength(2);
    expect(row.recused).toEqual([{ expertId: reviewer, name: account.displayName }]);
    expect(after.findings).toContainEqual(
      expect.objectContaining({ code: 'ASSIGNMENT_SHORT', message: expect.stringContaining('尚缺1位') }),
    );
    const recused = await call(admin, 'POST', url(`/rounds/${roundId}/assignments`), {
      nominationId: target.id,
      expertId: reviewer,
    });
    expect(recused.json().code).toBe('CONFLICT_OF_INTEREST');
  });

  it('keeps a submitted review: its assignment and its expert stay', async () => {
    const [nominationId, expertId] = (await pairs())[0]!.split('|') as [string, string];
    const rubric = reviewSettingsOf(campaign.rules).rubrics.star;
    await t.database.db.transaction().execute(async (trx) => {
      const review = await findOrCreateReview(trx, { roundId, nominationId, expertId }, rubric);
      await transitionReview(trx, null, review, 'submitted', {
        roundState: 'open',
        frozen: { total: 80, contentHash: 'a'.repeat(64) },
        scopePath: organiser.organisationPath,
        now: t.context.clock.now(),
      });
    });
    const before = await pairs();
    const removal = await t.app.inject({
      method: 'DELETE',
      url: url(`/rounds/${roundId}/assignments`),
      headers: as(admin),
      payload: { nominationId, expertId },
    });
    expect(removal.statusCode).toBe(409);
    expect(removal.json()).toMatchObject({
      code: 'REVIEW_ALREADY_SUBMITTED',
      message: expect.stringContaining('已提交'),
    });
    const expert = await call(admin, 'DELETE', url(`/experts/${expertId}`));
    expect(expert.statusCode).toBe(409);
    expect(expert.json()).toMatchObject({
      code: 'EXPERT_HAS_REVIEWS',
      message: expect.stringContaining('已提交1份评审'),
    });
    expect(await pairs()).toEqual(before);
    // A new automatic assignment keeps the pair that has a review.
    const reassigned = await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 5 });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect((await pairs()).some((p) => p.startsWith(`${nominationId}|${expertId}|`))).toBe(true);
  });

  it('takes an expert moved off a panel off its nominations, unless a review of theirs is submitted there', async () => {
    const submitted = await t.database.db
      .selectFrom('reviews')
      .select('expertId')
      .where('state', '=', 'submitted')
      .execute();
    const busy = submitted[0]!.expertId;
    lastPairs = await pairs();
    const free = experts.find((e) => e.id !== busy && e.id !== sameOrg.id && pairsOf(e.id).length > 0)!;
    const edit = async (expertId: string) => {
      const row = await t.database.db
        .selectFrom('reviewExperts')
        .select('version')
        .where('expertId', '=', expertId)
        .executeTakeFirstOrThrow();
      return call(admin, 'PATCH', url(`/experts/${expertId}`), { panels: ['project'], version: row.version });
    };
    const refused = await edit(busy);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('EXPERT_HAS_REVIEWS');
    const moved = await edit(free.id);
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await pairs()).some((p) => p.split('|')[1] === free.id)).toBe(false);
  });

  it('leaves a closed round as it is: no edits, no assignment changes', async () => {
    const { version } = await round();
    const closed = await call(admin, 'POST', url(`/rounds/${roundId}/move`), { to: 'closed', version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().round.moves).toEqual([{ to: 'open', label: '重新开放评审' }]);
    const before = await pairs();
    const edit = await call(admin, 'PATCH', url(`/rounds/${roundId}`), {
      name: '网上初评',
      kind: 'online',
      closesAt: inDays(9),
      version: version + 1,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({
      code: 'ROUND_NOT_EDITABLE',
      message: expect.stringContaining('已结束'),
    });
    expect((await call(admin, 'POST', url(`/rounds/${roundId}/assign`), { seed: 1 })).json().code).toBe(
      'ROUND_NOT_EDITABLE',
    );
    const add = await call(admin, 'POST', url(`/rounds/${roundId}/assignments`), {
      nominationId: stars[3]!.id,
      expertId: experts[1]!.id,
    });
    expect(add.json().code).toBe('ROUND_NOT_EDITABLE');
    expect(await pairs()).toEqual(before);
    const wrongMove = await call(admin, 'POST', url(`/rounds/${roundId}/move`), {
      to: 'planned',
      version: version + 1,
    });
    expect(wrongMove.json()).toMatchObject({
      code: 'ROUND_MOVE_NOT_ALLOWED',
      message: expect.stringContaining('不能改为'),
    });
  });

  it('keeps experts and units out of the organiser’s routes', async () => {
    const expert = await loginAs(t.app, experts[1]!);
    const unit = await loginAs(t.app, unitA.submitter);
    for (const s of [expert, unit]) {
      expect((await call(s, 'GET', url(`/rounds/${roundId}/assignments`))).statusCode).toBe(403);
      expect((await call(s, 'POST', url(`/rounds/${roundId}/assign`), {})).statusCode).toBe(403);
      expect(
        (await call(s, 'POST', url('/rounds'), { name: 'x', kind: 'online', closesAt: inDays(3) }))
          .statusCode,
      ).toBe(403);
    }
  });
});
