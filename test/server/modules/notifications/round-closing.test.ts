import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS } from '#core/review/default-rubrics.ts';
import { rubricTotal } from '#core/review/rubric.ts';
import { remindRoundsClosing } from '#server/modules/review/closing-reminders.ts';
import { findOrCreateReview, transitionReview } from '#server/modules/review/transition-review.ts';
import { createRound, transitionRound } from '#server/modules/review/transition-round.ts';
import { manualClock } from '#server/platform/clock.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  moveCampaign,
  newCampaign,
  newExpert,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAccount,
} from '#test/support/factories/index.ts';

const clock = manualClock('2026-10-12T09:00:00+08:00');
let t: TestApp;
let roundId: string;
let closesAt: Date;
let done: TestAccount;
let drafting: TestAccount;
let notStarted: TestAccount;
const HOUR = 3_600_000;

async function closingMessages() {
  return t.database.db
    .selectFrom('notifications')
    .select(['accountId', 'kind', 'title', 'body', 'link', 'dedupeKey'])
    .where('kind', '=', 'round_closing')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const organiser = await newOrganiser(t);
  const unit = await newUnit(t, organiser);
  const campaign = await newCampaign(t, organiser);
  const nominations = [
    await newNomination(t, { campaign, unit, state: 'accepted' }),
    await newNomination(t, { campaign, unit, state: 'accepted' }),
  ];
  await moveCampaign(t, campaign, 'reviewing');
  done = await newExpert(t, organiser);
  drafting = await newExpert(t, organiser);
  notStarted = await newExpert(t, organiser);
  const experts = [done, drafting, notStarted];
  closesAt = new Date(clock.now().getTime() + 48 * HOUR);
  const actor = organiser.admin.actor;
  const scope = { campaignState: 'reviewing' as const, scopePath: organiser.organisationPath };
  await t.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reviewExperts')
      .values(experts.map((e) => ({ campaignId: campaign.id, expertId: e.id, panels: ['star'] })))
      .execute();
    const round = await createRound(
      trx,
      actor,
      { campaignId: campaign.id, position: 1, name: '初评', kind: 'online', closesAt },
      scope,
    );
    roundId = round.id;
    await trx
      .insertInto('reviewRoundExperts')
      .values(experts.map((e) => ({ roundId, expertId: e.id })))
      .execute();
    await transitionRound(trx, actor, roundId, 'open', { ...scope, now: clock.now() });
    await trx
      .insertInto('reviewAssignments')
      .values(
        experts.flatMap((e) =>
          nominations.map((n) => ({
            roundId,
            nominationId: n.id,
            expertId: e.id,
            source: 'manual' as const,
          })),
        ),
      )
      .execute();
    const rubric = DEFAULT_RUBRICS.star;
    const scores = Object.fromEntries(rubric.criteria.map((c) => [c.id, 8]));
    const content = {
      scores,
      comment: '事迹突出。',
      recommendation: 'recommend' as const,
      proposeSpecial: false,
    };
    for (const n of nominations) {
      const review = await findOrCreateReview(
        trx,
        { roundId, nominationId: n.id, expertId: done.id },
        rubric,
      );
      await transitionReview(trx, done.actor, review, 'submitted', {
        roundState: 'open',
        content,
        frozen: { total: rubricTotal(rubric, scores), contentHash: 'a'.repeat(64) },
        scopePath: organiser.organisationPath,
        now: clock.now(),
      });
    }
    const draft = await findOrCreateReview(
      trx,
      { roundId, nominationId: nominations[0]!.id, expertId: drafting.id },
      rubric,
    );
    await transitionReview(trx, drafting.actor, draft, 'draft', {
      roundState: 'open',
      content,
      scopePath: organiser.organisationPath,
      now: clock.now(),
    });
  });
});
afterAll(() => t.close());

describe('a round closing in 24 hours', () => {
  it('is not announced 25 hours before it closes', async () => {
    clock.set(new Date(closesAt.getTime() - 25 * HOUR));
    expect(await remindRoundsClosing(t.database.db, clock.now())).toEqual([]);
    expect(await closingMessages()).toEqual([]);
  });

  it('is announced by the periodic job 23 hours before, to each expert with reviews still to submit', async () => {
    clock.set(new Date(closesAt.getTime() - 23 * HOUR));
    await t.context.jobs.send(QUEUES.reviewRoundClosing, {});
    await expect.poll(async () => (await closingMessages()).length, { timeout: 15_000 }).toBe(2);
    const messages = await closingMessages();
    expect(new Set(messages.map((m) => m.accountId))).toEqual(new Set([drafting.id, notStarted.id]));
    const toDrafting = messages.find((m) => m.accountId === drafting.id)!;
    expect(toDrafting).toMatchObject({
      kind: 'round_closing',
      title: '「初评」将于2026年10月14日 09:00结束',
      link: '/reviews',
      dedupeKey: `closing:${roundId}`,
    });
    expect(toDrafting.body).toContain('您还有 2 项评审尚未提交');
    const round = await t.database.db
      .selectFrom('reviewRounds')
      .select(['closingNotifiedAt', 'state'])
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(round).toEqual({ closingNotifiedAt: clock.now(), state: 'open' });
  });

  it('is not announced twice when the job runs again', async () => {
    clock.advance(HOUR);
    expect(await remindRoundsClosing(t.database.db, clock.now())).toEqual([]);
    expect(await closingMessages()).toHaveLength(2);
  });
});
