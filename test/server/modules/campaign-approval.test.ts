/**
 * 审定 makes the 拟推介名单 the result: the approver's approval moves every 拟推介 nomination to 入选 in its
 * own transaction, the platform's move (no person's), audited like any other move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionCampaign } from '#server/modules/campaigns/transition-campaign.ts';
import { findNomination } from '#server/modules/nominations/queries.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { manualClock } from '#server/platform/clock.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

let t: TestApp;
let organiser: TestOrganiser;
let unit: TestUnit;
let campaign: TestCampaign;

beforeAll(async () => {
  // The 公示 period is lived through on the app's clock (a date the official calendar covers).
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  organiser = await newOrganiser(t);
  unit = await newUnit(t, organiser);
  campaign = await newCampaign(t, organiser);
}, 120_000);
afterAll(() => t?.close());

async function movesOf(ids: readonly string[]) {
  return t.database.db
    .selectFrom('auditLog')
    .select(['entityId', 'actorId', 'at', 'before', 'after'])
    .where('action', '=', 'nomination.transitioned')
    .where('entityId', 'in', ids)
    .orderBy('id')
    .execute();
}

const states = async (ids: readonly string[]) =>
  Promise.all(ids.map(async (id) => (await findNomination(t.database.db, id))!.state));

describe('审定 selects the 拟推介名单', () => {
  it('moves the 2 拟推介 nominations to 入选 with the approval, audited; refused approvals move nothing', {
    timeout: 120_000,
  }, async () => {
    const { db, jobs, clock } = t.context;
    const actor = organiser.admin.actor;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await newNomination(t, { campaign, unit, state: 'accepted' }));
    const ids = made.map((n) => n.id);
    const [first, second] = ids as [string, string];
    await moveCampaign(t, campaign, 'reviewing');
    for (const id of [first, second])
      await transitionNomination(db, actor, id, { to: 'shortlisted', now: clock.now() });
    const before = (await movesOf(ids)).length;

    // Refused: 审定 only follows 公示, and only the organiser approves.
    await expect(
      transitionCampaign(db, actor, campaign.id, 'approved', jobs, clock.now()),
    ).rejects.toMatchObject({
      code: 'CAMPAIGN_MOVE_NOT_ALLOWED',
    });
    await moveCampaign(t, campaign, 'announcing');
    await expect(
      transitionCampaign(db, unit.submitter.actor, campaign.id, 'approved', jobs, clock.now()),
    ).rejects.toThrow();
    expect(await states(ids)).toEqual(['shortlisted', 'shortlisted', 'accepted']);
    expect(await movesOf(ids)).toHaveLength(before);

    // 审定 is the approver's own use case, once the 公示 period has ended; the factory makes it so.
    const approved = await moveCampaign(t, campaign, 'approved');
    const now = clock.now();
    expect(approved.status).toBe('approved');
    expect(await states(ids)).toEqual(['selected', 'selected', 'accepted']);
    for (const id of [first, second]) expect((await findNomination(db, id))!.updatedAt).toEqual(now);

    const moves = (await movesOf(ids)).slice(before);
    expect(
      moves.map((m) => ({ id: m.entityId, actor: m.actorId, before: m.before, after: m.after })),
    ).toEqual(
      [first, second].map((id) => ({
        id,
        actor: null,
        before: { state: 'shortlisted' },
        after: { state: 'selected', label: '审定入选', reason: null, contentHash: null },
      })),
    );
    // One transaction: PostgreSQL's now() is the transaction's start, the same on the campaign's row.
    const campaignRow = await db
      .selectFrom('auditLog')
      .select('at')
      .where('action', '=', 'campaign.transitioned')
      .where('entityId', '=', campaign.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    for (const m of moves) expect(m.at).toEqual(campaignRow.at);
  });
});
