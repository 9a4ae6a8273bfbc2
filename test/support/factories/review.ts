/**
 * Expert review as a test needs it: experts in a campaign's pool, a round created and opened through the
 * round transition function, assignments and recusals (rows, not states: the setup side computes and
 * writes them; here they are inserted as that side would leave them).
 */
import type { Category } from '#core/campaign/rules.ts';
import type { BlindField, RoundState } from '#core/review/round-states.ts';
import { createRound, type RoundRow, transitionRound } from '#server/modules/review/transition-round.ts';
import type { HasContext, TestAccount } from './accounts.ts';
import type { TestCampaign } from './campaigns.ts';

export async function addToPool(
  t: HasContext,
  campaign: TestCampaign,
  expert: TestAccount,
  options: { panels?: Category[]; chairOf?: Category[] } = {},
) {
  await t.context.db
    .insertInto('reviewExperts')
    .values({
      campaignId: campaign.id,
      expertId: expert.id,
      panels: options.panels ?? ['star', 'project'],
      chairOf: options.chairOf ?? [],
      invitedBy: campaign.organiser.admin.id,
    })
    .execute();
}

/** A round of a campaign in review (评审中), opened unless `state` says otherwise. */
export async function newRound(
  t: HasContext,
  campaign: TestCampaign,
  options: {
    name?: string;
    position?: number;
    blindFields?: BlindField[];
    showOthersAfterSubmit?: boolean;
    reviewsPerNomination?: number;
    state?: Exclude<RoundState, 'closed'>;
  } = {},
): Promise<RoundRow> {
  const { db, clock } = t.context;
  const actor = campaign.organiser.admin.actor;
  const scope = { campaignState: 'reviewing' as const, scopePath: campaign.organiser.organisationPath };
  return db.transaction().execute(async (trx) => {
    const round = await createRound(
      trx,
      actor,
      {
        campaignId: campaign.id,
        position: options.position ?? 1,
        name: options.name ?? '网上初评',
        kind: 'online',
        closesAt: new Date(clock.now().getTime() + 7 * 86_400_000),
        reviewsPerNomination: options.reviewsPerNomination ?? 3,
        blindFields: options.blindFields ?? [],
        showOthersAfterSubmit: options.showOthersAfterSubmit ?? false,
      },
      scope,
    );
    if ((options.state ?? 'open') === 'planned') return round;
    return transitionRound(trx, actor, round.id, 'open', { ...scope, now: clock.now() });
  });
}

export function moveRound(t: HasContext, campaign: TestCampaign, round: RoundRow, to: RoundState) {
  const { db, clock } = t.context;
  return db.transaction().execute((trx) =>
    transitionRound(trx, campaign.organiser.admin.actor, round.id, to, {
      campaignState: 'reviewing',
      scopePath: campaign.organiser.organisationPath,
      now: clock.now(),
    }),
  );
}

export async function assign(
  t: HasContext,
  round: RoundRow,
  nominationId: string,
  experts: readonly TestAccount[],
) {
  await t.context.db
    .insertInto('reviewRoundExperts')
    .values(experts.map((e) => ({ roundId: round.id, expertId: e.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await t.context.db
    .insertInto('reviewAssignments')
    .values(
      experts.map((e) => ({ roundId: round.id, nominationId, expertId: e.id, source: 'manual' as const })),
    )
    .execute();
}

/** The expert is recused from the nomination (a declared conflict, as the setup side records it). */
export async function recuse(
  t: HasContext,
  campaign: TestCampaign,
  nominationId: string,
  expert: TestAccount,
) {
  await t.context.db
    .insertInto('reviewConflicts')
    .values({
      campaignId: campaign.id,
      nominationId,
      expertId: expert.id,
      conflicted: true,
      reasons: JSON.stringify([{ code: 'DECLARED', message: '本人申请回避' }]),
      dismissed: '[]',
    })
    .onConflict((oc) => oc.columns(['nominationId', 'expertId']).doUpdateSet({ conflicted: true }))
    .execute();
}
