/**
 * The demo's expert review: a national campaign in 评审中 whose nominations from three provinces were
 * accepted, six experts in its pool (the demo `expert` account among them), conflicts of interest among
 * them (同省回避, a declared close relative, a unit's request to exclude an expert), the 初评 round open
 * and closing in a few days, reviews assigned automatically and under way: some submitted and frozen,
 * some drafts. Everything moves through the platform's transition functions, as on a real campaign.
 */
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { copyRulesForYear } from '#core/campaign/copy.ts';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { assignReviews } from '#core/review/assignment.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { type Recommendation, type Rubric, rubricTotal } from '#core/review/rubric.ts';
import { insertAccount } from '../modules/accounts/service.ts';
import { deadlineAt, visibleCampaign } from '../modules/campaigns/service.ts';
import { applyCampaignTransition, insertCampaign } from '../modules/campaigns/transition-campaign.ts';
import { notify } from '../modules/notifications/notify.ts';
import type { OrganisationRow } from '../modules/organisations/queries.ts';
import { conflictInputs, recomputeConflicts } from '../modules/review/conflicts-recompute.ts';
import { sealRelations } from '../modules/review/experts-relatives.ts';
import { recusedPairs } from '../modules/review/review-access.ts';
import { reviewContentHash } from '../modules/review/review-hash.ts';
import { findOrCreateReview, transitionReview } from '../modules/review/transition-review.ts';
import { createRound, transitionRound } from '../modules/review/transition-round.ts';
import type { Trx } from '../platform/db/database.ts';
import { dataKeys } from '../platform/personal-data/data-keys.ts';
import { demoActor, seedDemoNominations } from './demo-nominations.ts';
import { EXCLUSION, type Pooled, REVIEW_EXPERTS, REVIEW_UNITS } from './demo-review-people.ts';

/** The demo round closes this many days after the first start: time to try the scoring screen. */
const ROUND_DAYS = 4;
/** The automatic assignment's seed (the same seed gives the same assignment). */
const ASSIGNMENT_SEED = 2026;

export interface DemoReviewCredential {
  username: string;
  displayName: string;
  roles: readonly string[];
  password: string;
}

async function reviewCampaign(trx: Trx, national: OrganisationRow, today: string) {
  const year = Number(today.slice(0, 4));
  const rules = copyRulesForYear(getTemplate('national-2024')!, year);
  rules.title = `${rules.title}（评审演示）`;
  // Reporting closed a week ago; the nominations came in before that.
  rules.deadline = { date: addDays(today, -7), time: '17:00', timeFromNotice: false };
  return insertCampaign(trx, null, national, rules, {
    templateId: 'national-2024',
    copiedFrom: null,
    demoOpen: true,
  });
}

/** The experts: the demo account and five more, each in the association's pool with their facts. */
async function seedExperts(trx: Trx, national: OrganisationRow, credentials: DemoReviewCredential[]) {
  const experts: Pooled[] = [];
  for (const e of REVIEW_EXPERTS) {
    const existing = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', e.username)
      .executeTakeFirst();
    let id = existing?.id;
    if (!id) {
      const { account, initialPassword } = await insertAccount(trx, null, national, {
        username: e.username,
        displayName: e.displayName,
        roles: ['expert'],
      });
      id = account.id;
      credentials.push({
        username: e.username,
        displayName: e.displayName,
        roles: ['expert'],
        password: initialPassword,
      });
    }
    experts.push({ ...e, id });
  }
  return experts;
}

function scoresOf(rubric: Rubric, expert: Pooled, index: number, position: number) {
  // A nomination's merit, and each expert's own leniency and judgement, in whole points of 10.
  const merit = [8, 7, 9, 6, 8, 7, 9, 6][index % 8]!;
  return Object.fromEntries(
    rubric.criteria.map((c, k) => [
      c.id,
      Math.max(c.min, Math.min(c.max, merit + expert.leniency + ((k + position + index) % 3) - 1)),
    ]),
  );
}

function recommendationFor(total: number): Recommendation {
  if (total >= 80) return 'recommend';
  if (total >= 65) return 'may_recommend';
  return 'not_recommend';
}

const COMMENTS = [
  '事迹真实感人，学习成效突出，带动作用明显。',
  '材料翔实，示范作用较好，建议推介。',
  '学习经历丰富，但带动他人方面的材料略显单薄。',
  '项目持续多年，参与面广，成效可见。',
];

export async function seedDemoReview(
  trx: Trx,
  national: OrganisationRow,
  now: Date,
): Promise<DemoReviewCredential[]> {
  const today = todayInShanghai(now);
  const credentials: DemoReviewCredential[] = [];
  let campaign = await reviewCampaign(trx, national, today);
  const submittedAt = new Date(deadlineAt(campaign.rules)!.getTime() - 3 * 86_400_000);

  // The nominations, submitted by their provinces before the deadline and accepted in the formal check.
  const units = new Map<string, OrganisationRow>();
  for (const u of REVIEW_UNITS) {
    const unit = await trx
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', u.organisation)
      .executeTakeFirstOrThrow();
    units.set(unit.id, unit as OrganisationRow);
    if (u.username)
      await insertAccount(trx, null, unit, {
        username: u.username,
        displayName: u.displayName,
        roles: ['unit_submitter'],
      });
    await seedDemoNominations(trx, campaign, unit.id, u.nominations(campaign.rules, today), submittedAt);
  }
  const organiser = await demoActor(trx, national.id, 'organiser_admin');
  campaign = await visibleCampaign(trx, organiser, campaign.id, true);
  campaign = await applyCampaignTransition(trx, organiser, campaign, 'reviewing', null, now);
  const scope = { campaignState: campaign.status, scopePath: national.path };

  const experts = await seedExperts(trx, national, credentials);
  const keyring = dataKeys();
  await trx
    .insertInto('reviewExperts')
    .values(
      experts.map((e) => ({
        campaignId: campaign.id,
        expertId: e.id,
        panels: ['star', 'project'],
        chairOf: e.chairOf,
        employerName: e.employer,
        province: e.province,
        field: e.field,
        minLoad: 2,
        maxLoad: 6,
        // Sealed as an invitation seals them: the demo starts with no clear 身份证号 at rest.
        relations: JSON.stringify(sealRelations(e.relations, [], keyring)),
        dataKeyId: keyring.current.kid,
        invitedBy: organiser.accountId,
      })),
    )
    .execute();

  const nominations = await trx
    .selectFrom('nominations')
    .select(['id', 'unitId', 'category', 'title', 'form'])
    .where('campaignId', '=', campaign.id)
    .orderBy('title')
    .execute();
  const excluded = nominations.find((n) => n.title === EXCLUSION.nomination)!;
  const excludedExpert = experts.find((e) => e.username === EXCLUSION.expert)!;
  const unitSubmitter = await demoActor(trx, excluded.unitId, 'unit_submitter');
  await trx
    .insertInto('reviewExclusionRequests')
    .values({
      nominationId: excluded.id,
      expertId: excludedExpert.id,
      reason: EXCLUSION.reason,
      requestedBy: unitSubmitter.accountId,
    })
    .execute();

  const settings = reviewSettingsOf(campaign.rules);
  // The conflicts as the platform computes them (pool, forms, the exclusion request), then the same inputs
  // feed the assignment below.
  await recomputeConflicts(trx, campaign.id, today);
  const { nominationFacts } = await conflictInputs(trx, campaign.id, today);
  const conflicted = await recusedPairs(trx, campaign.id);

  // 初评, online, open since two days ago and closing in a few days.
  const round = await createRound(
    trx,
    organiser,
    {
      campaignId: campaign.id,
      position: 1,
      name: '初评',
      kind: 'online',
      opensOn: addDays(today, -2),
      closesAt: new Date(now.getTime() + ROUND_DAYS * 86_400_000),
      reviewsPerNomination: settings.reviewsPerNomination,
      blindFields: ['contacts', 'idNumbers'],
      assignmentSeed: ASSIGNMENT_SEED,
    },
    scope,
  );
  await trx
    .insertInto('reviewRoundExperts')
    .values(experts.map((e) => ({ roundId: round.id, expertId: e.id })))
    .execute();
  await transitionRound(trx, organiser, round.id, 'open', { ...scope, now });

  const assignment = assignReviews({
    experts: experts.map((e) => ({
      id: e.id,
      name: e.displayName,
      province: e.province,
      minLoad: 2,
      maxLoad: 6,
    })),
    nominations: nominationFacts.map((n) => ({
      id: n.id,
      label: nominations.find((x) => x.id === n.id)!.title,
      province: n.province,
    })),
    reviewsPerNomination: settings.reviewsPerNomination,
    conflicted,
    seed: ASSIGNMENT_SEED,
  });
  if (!assignment.ok) throw new Error(assignment.findings.map((f) => f.message).join('；'));
  await trx
    .insertInto('reviewAssignments')
    .values(
      assignment.assignments.map((a) => ({
        roundId: round.id,
        nominationId: a.nominationId,
        expertId: a.expertId,
        source: 'automatic' as const,
        assignedBy: organiser.accountId,
      })),
    )
    .execute();

  for (const expert of experts) {
    const mine = assignment.assignments.filter((a) => a.expertId === expert.id);
    await notify(
      trx,
      [expert.id],
      {
        kind: 'review_assigned',
        title: `您有 ${mine.length} 项初评任务`,
        body: `「${campaign.title}」初评已开始，分配给您 ${mine.length} 项推介，请在评审结束前完成评分并提交。`,
        link: '/reviews',
        dedupeKey: `assigned:${round.id}`,
      },
      { jobs: null },
    );
    for (const [position, pair] of mine.entries()) {
      if (position >= expert.submitted + expert.drafts) break;
      const index = nominations.findIndex((n) => n.id === pair.nominationId);
      const n = nominations[index]!;
      const rubric = settings.rubrics[n.category];
      const scores = scoresOf(rubric, expert, index, position);
      const total = rubricTotal(rubric, scores);
      const content = {
        scores,
        comment: COMMENTS[(index + position) % COMMENTS.length]!,
        recommendation: recommendationFor(total),
        proposeSpecial: total >= 90,
      };
      const actor = {
        ...organiser,
        accountId: expert.id,
        username: expert.username,
        displayName: expert.displayName,
        roles: ['expert' as const],
      };
      const key = { roundId: round.id, nominationId: n.id, expertId: expert.id };
      const review = await findOrCreateReview(trx, key, rubric);
      const input = { roundState: 'open' as const, content, scopePath: national.path, now };
      if (position < expert.submitted) {
        const contentHash = await reviewContentHash(rubric, content);
        await transitionReview(trx, actor, review, 'submitted', { ...input, frozen: { total, contentHash } });
      } else {
        await transitionReview(trx, actor, review, 'draft', input);
      }
    }
  }
  return credentials;
}
