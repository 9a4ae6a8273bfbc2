/**
 * The factories make what the HTTP routes make: a factory-submitted nomination carries the frozen snapshot
 * (with its files), the content hash and the audit trail a submit through the API leaves; every other
 * state is reached by the transition table's own moves, and a move the rules refuse is refused to a
 * factory as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '#core/nomination/snapshot.ts';
import { manualClock } from '#server/platform/clock.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { as, createTestApp, type TestApp } from '#test/support/app.ts';
import { draftWith } from '#test/support/nominations.ts';
import {
  completeForm,
  loginAs,
  newCampaign,
  newExpert,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestOrganiser,
  type TestUnit,
} from './index.ts';

let t: TestApp;
let organiser: TestOrganiser;
let unit: TestUnit;
let campaign: TestCampaign;

beforeAll(async () => {
  t = await createTestApp({
    // 公示 and 审定 are lived through on the app's clock (a date the official calendar covers); the
    // sessions are set to outlast the period, as a deployment may configure them.
    clock: manualClock('2026-11-02T10:00:00+08:00'),
    config: { sessionIdleMinutes: 60 * 24 * 30, sessionMaxHours: 24 * 30 },
  });
  organiser = await newOrganiser(t);
  unit = await newUnit(t, organiser);
  campaign = await newCampaign(t, organiser);
}, 120_000);
afterAll(() => t?.close());

/** An entity's audit trail: who did what, in order, without the instants. */
async function trail(entityId: string) {
  const rows = await t.database.db
    .selectFrom('auditLog')
    .select(['action', 'actorId', 'before', 'after'])
    .where('entityId', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, after: { ...(r.after as object), contentHash: undefined } }));
}

describe('organisations and accounts', () => {
  it('a unit sits under its organiser, made by the organiser’s admin; its submitter logs in over HTTP', async () => {
    const org = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', unit.organisationId)
      .executeTakeFirstOrThrow();
    expect(org.parentId).toBe(organiser.organisationId);
    expect(org.path).toBe(`${organiser.organisationPath}${org.id}/`);
    expect((await trail(org.id)).map((r) => [r.action, r.actorId])).toEqual([
      ['organisation.created', organiser.admin.id],
    ]);
    const account = await t.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', unit.submitter.id)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ roles: ['unit_submitter'], mustChangePassword: false, disabled: false });
    expect((await trail(account.id)).map((r) => [r.action, r.actorId])).toEqual([
      ['account.created', organiser.admin.id],
      ['auth.login', account.id],
      ['account.password_changed', account.id],
      ['auth.login', account.id],
    ]);
    const session = await loginAs(t.app, unit.submitter);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().me).toMatchObject({ username: unit.submitter.username });
  });

  it('an expert holds the expert role in the organiser and sees its campaigns', async () => {
    const expert = await newExpert(t, organiser);
    expect(expert.roles).toEqual(['expert']);
    expect(expert.organisationId).toBe(organiser.organisationId);
    const session = await loginAs(t.app, expert);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}`,
      headers: as(session),
    });
    expect(seen.statusCode, seen.body).toBe(200);
  });
});

describe('campaigns', () => {
  it('is created from the template, its rules saved as version 2 and opened by the transition function', async () => {
    const row = await t.database.db
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', templateId: 'jilin-2023', rulesVersion: 2 });
    expect(row.deadlineAt!.getTime()).toBe(campaign.deadlineAt.getTime());
    expect(campaign.deadlineAt.getTime()).toBeGreaterThan(t.context.clock.now().getTime());
    expect((await trail(campaign.id)).map((r) => [r.action, r.actorId, r.before])).toEqual([
      ['campaign.created', organiser.admin.id, null],
      ['campaign.rules_changed', organiser.admin.id, { rulesVersion: 1 }],
      ['campaign.transitioned', organiser.admin.id, { status: 'draft' }],
    ]);
  });
});

describe('nominations', () => {
  it('a factory-submitted nomination equals one submitted through the API: snapshot, hash, files, audit', async () => {
    const made = await newNomination(t, { campaign, unit, state: 'submitted' });
    const session = await loginAs(t.app, unit.submitter);
    const draft = await draftWith(t, session, campaign.id, completeForm(t, campaign, 'star'));
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/submit`,
      headers: as(session),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const rows = await t.database.db
      .selectFrom('nominations')
      .selectAll()
      .where('id', 'in', [made.id, draft.id])
      .execute();
    const factory = rows.find((r) => r.id === made.id)!;
    const http = rows.find((r) => r.id === draft.id)!;
    for (const row of [factory, http]) {
      expect(row.state).toBe('submitted');
      // Both sealed at rest (decision 0016): compared opened.
      const opened = revealForm(row.form as Record<string, unknown>, dataKeys());
      expect(row.contentHash).toBe(await contentHash(opened));
      expect(row.submittedAt).not.toBeNull();
      const { materials, ...form } = revealForm(row.snapshot as Record<string, unknown>, dataKeys()) as {
        materials: { slotId: string; sha256: string }[];
      };
      expect(form).toEqual(opened);
      expect(materials.map((m) => m.slotId).sort()).toEqual(['activityPhoto', 'idPhoto']);
      expect(materials.every((m) => /^[0-9a-f]{64}$/.test(m.sha256))).toBe(true);
    }
    expect([factory.rank, http.rank].sort()).toEqual([1, 2]);
    const strip = (r: Awaited<ReturnType<typeof trail>>[number]) => [r.action, r.actorId, r.before, r.after];
    expect((await trail(made.id)).map(strip)).toEqual((await trail(draft.id)).map(strip));
    expect((await trail(made.id)).map((r) => r.action)).toEqual([
      'nomination.created',
      'nomination.saved',
      'nomination.transitioned',
    ]);
  });

  it('returned, accepted and withdrawn are the table’s moves by the unit and the organiser', async () => {
    const returned = await newNomination(t, { campaign, unit, state: 'returned', reason: '照片不清晰。' });
    expect(returned.row).toMatchObject({ state: 'returned', returnReason: '照片不清晰。' });
    expect((await trail(returned.id)).at(-1)).toMatchObject({
      actorId: organiser.admin.id,
      before: { state: 'submitted' },
      after: { state: 'returned', label: '退回修改', reason: '照片不清晰。' },
    });
    const accepted = await newNomination(t, { campaign, unit, state: 'accepted' });
    expect((await trail(accepted.id)).at(-1)).toMatchObject({
      actorId: organiser.admin.id,
      after: { state: 'accepted', label: '形式审查通过' },
    });
    const withdrawn = await newNomination(t, { campaign, unit, state: 'withdrawn' });
    expect(withdrawn.row).toMatchObject({ state: 'withdrawn', rank: null });
    expect((await trail(withdrawn.id)).at(-1)).toMatchObject({
      actorId: unit.submitter.id,
      after: { state: 'withdrawn', label: '撤回' },
    });
  }, 60_000);

  it('a draft is saved with its form and no snapshot; a project gets its own form', async () => {
    const draft = await newNomination(t, { campaign, unit, category: 'project' });
    expect(draft.row).toMatchObject({
      state: 'draft',
      category: 'project',
      snapshot: null,
      contentHash: null,
    });
    expect(String(draft.row.form.name)).toMatch(/社区学习品牌项目/);
  });

  it('lapsed: the platform withdraws a draft at the deadline, as the job does, where the rules say so', async () => {
    const national = await newOrganiser(t, { type: 'national_organiser' });
    const province = await newUnit(t, national, { type: 'provincial_edu' });
    const round = await newCampaign(t, national, { template: 'national-2024' });
    const lapsed = await newNomination(t, { campaign: round, unit: province, state: 'lapsed' });
    expect(lapsed.row.state).toBe('withdrawn');
    expect(lapsed.row.lapsedAt).not.toBeNull();
    expect((await trail(lapsed.id)).at(-1)).toMatchObject({
      actorId: null,
      after: { state: 'withdrawn', label: '逾期未提交，视为自动放弃' },
    });
    // The Jilin rules keep late work as it is: the same move is refused to the factory too.
    await expect(newNomination(t, { campaign, unit, state: 'lapsed' })).rejects.toMatchObject({
      code: 'LATE_WITHDRAWAL_NOT_IN_RULES',
      message: expect.stringContaining('未规定“逾期视为自动放弃”'),
    });
  });

  it('selected: shortlisted, announced and approved through the campaign’s and the nomination’s moves', async () => {
    const round = await newCampaign(t, organiser);
    const selected = await newNomination(t, { campaign: round, unit, state: 'selected' });
    expect(selected.row.state).toBe('selected');
    expect(
      (await trail(selected.id)).filter((r) => r.action === 'nomination.transitioned').map((r) => r.after),
    ).toMatchObject([
      { state: 'submitted' },
      { state: 'accepted' },
      { state: 'shortlisted' },
      { state: 'selected', label: '审定入选' },
    ]);
    const status = await t.database.db
      .selectFrom('campaigns')
      .select('status')
      .where('id', '=', round.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('approved');
  }, 60_000);

  it('shortlisted and not selected: the campaign goes to review, after which it takes no new nomination', async () => {
    const round = await newCampaign(t, organiser);
    const shortlisted = await newNomination(t, { campaign: round, unit, state: 'shortlisted' });
    expect(shortlisted.row.state).toBe('shortlisted');
    expect((await trail(round.id)).at(-1)).toMatchObject({ after: { status: 'reviewing' } });
    await expect(newNomination(t, { campaign: round, unit })).rejects.toMatchObject({
      code: 'CAMPAIGN_NOT_OPEN',
    });
    const other = await newCampaign(t, organiser);
    const notSelected = await newNomination(t, { campaign: other, unit, state: 'not_selected' });
    expect((await trail(notSelected.id)).at(-1)).toMatchObject({
      actorId: organiser.admin.id,
      after: { state: 'not_selected', label: '不列入拟推介名单' },
    });
  }, 60_000);
});
