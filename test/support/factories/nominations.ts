/**
 * Nominations in any state the platform can reach, reached the way the platform reaches it: created and
 * saved through the nominations service by the unit's submitter, real files uploaded to the required
 * slots and judged by the check job, then moved by the one transition function under the same actors the
 * routes use (the unit submits and withdraws, the organiser checks and decides, the platform lapses).
 */
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { NominationState } from '#core/nomination/states.ts';
import { campaignForJob } from '#server/modules/campaigns/service.ts';
import { findNomination, lockNomination, type NominationRow } from '#server/modules/nominations/queries.ts';
import {
  createNomination,
  transitionNomination,
  updateNomination,
} from '#server/modules/nominations/service.ts';
import { applyNominationTransition } from '#server/modules/nominations/transition-nomination.ts';
import type { Session, TestApp } from '../app.ts';
import { supplyRequiredMaterials } from '../materials.ts';
import { completeProject, completeStar } from '../nominations.ts';
import { loginAs, type TestAccount } from './accounts.ts';
import { moveCampaign, type TestCampaign } from './campaigns.ts';
import type { TestUnit } from './organisations.ts';

/** A state of the table, or `lapsed`: a draft withdrawn by the platform at the deadline (逾期视为自动放弃). */
export type FactoryState = Exclude<NominationState, 'forwarded'> | 'lapsed';

export interface NewNominationOptions {
  campaign: TestCampaign;
  unit: TestUnit;
  state?: FactoryState;
  category?: Category;
  /** The form; by default a complete, eligible one for a nominee no other factory call uses. */
  form?: Record<string, unknown>;
  /** Upload the required material; by default whenever the nomination is (or was) submitted. */
  materials?: boolean;
  /** The organiser's reason for `returned`. */
  reason?: string;
}

export interface TestNomination {
  id: string;
  campaign: TestCampaign;
  unit: TestUnit;
  category: Category;
  row: NominationRow;
}

const SUBMITTED_STATES: ReadonlySet<FactoryState> = new Set([
  'submitted',
  'returned',
  'accepted',
  'withdrawn',
  'shortlisted',
  'not_selected',
  'selected',
]);

// Nominees 600–999: distinct people and programmes across a file, apart from the numbers tests pick by hand.
let nominee = 600;
function nextNominee(): number {
  nominee = nominee >= 999 ? 600 : nominee + 1;
  return nominee;
}

const sessions = new WeakMap<TestAccount, Promise<Session>>();
/** One HTTP session per account, for what only HTTP does (tus uploads). */
export function sessionOf(t: TestApp, account: TestAccount): Promise<Session> {
  let session = sessions.get(account);
  if (!session) {
    session = loginAs(t.app, account);
    sessions.set(account, session);
  }
  return session;
}

/** A complete, eligible form of `category` for a new nominee of `campaign`. */
export function completeForm(
  t: TestApp,
  campaign: TestCampaign,
  category: Category,
): Record<string, unknown> {
  const n = nextNominee();
  return category === 'star'
    ? { ...completeStar(campaign.rules, n) }
    : { ...completeProject(campaign.rules, n, todayInShanghai(t.context.clock.now())) };
}

/** A nomination of `unit` in `campaign` brought to `state` (a draft by default). */
export async function newNomination(t: TestApp, options: NewNominationOptions): Promise<TestNomination> {
  const { campaign, unit } = options;
  const state = options.state ?? 'draft';
  const category = options.category ?? 'star';
  const { db, clock } = t.context;
  const submitter = unit.submitter.actor;
  const organiser = campaign.organiser.admin.actor;

  const created = await createNomination(db, submitter, { campaignId: campaign.id, category }, clock.now());
  await updateNomination(
    db,
    submitter,
    created.id,
    {
      form: options.form ?? completeForm(t, campaign, category),
      version: created.version,
    },
    clock.now(),
  );
  if (options.materials ?? SUBMITTED_STATES.has(state)) {
    await supplyRequiredMaterials(t, await sessionOf(t, unit.submitter), created.id);
  }
  const move = (actor: typeof submitter, to: NominationState, reason?: string) =>
    transitionNomination(db, actor, created.id, { to, reason, now: clock.now() });

  if (state === 'lapsed') await lapse(t, campaign, created.id);
  if (SUBMITTED_STATES.has(state)) await move(submitter, 'submitted');
  if (state === 'returned') await move(organiser, 'returned', options.reason ?? '请补充先进事迹的具体事例。');
  if (state === 'withdrawn') await move(submitter, 'withdrawn');
  if (state === 'accepted' || state === 'shortlisted' || state === 'not_selected' || state === 'selected') {
    await move(organiser, 'accepted');
  }
  if (state === 'shortlisted' || state === 'not_selected') {
    await toReview(t, campaign);
    await move(organiser, state);
  }
  if (state === 'selected') await selectNominations(t, campaign, [created.id]);

  const row = (await findNomination(db, created.id))!;
  return { id: created.id, campaign, unit, category, row };
}

/**
 * 逾期视为自动放弃 for one draft: the platform's move, as the deadline job makes it, at a minute past the
 * unit's deadline (so the campaign's rules must say late work counts as withdrawn, as the national one does).
 */
async function lapse(t: TestApp, campaign: TestCampaign, id: string) {
  const now = new Date(campaign.deadlineAt.getTime() + 60_000);
  await t.context.db.transaction().execute(async (trx) => {
    const n = (await lockNomination(trx, id))!;
    const row = (await campaignForJob(trx, campaign.id))!;
    await applyNominationTransition(trx, null, n, row, { to: 'withdrawn', now });
  });
}

async function toReview(t: TestApp, campaign: TestCampaign) {
  const row = (await campaignForJob(t.context.db, campaign.id))!;
  if (row.status === 'open') await moveCampaign(t, campaign, 'reviewing');
}

/**
 * The end of a round for accepted nominations of `campaign`: the campaign goes to review, `ids` are put on
 * the 拟推介名单, 公示 starts and the campaign is approved, which makes them 审定入选 by itself. This moves the whole campaign
 * (no unit can submit afterwards), so a test makes its other nominations first or uses another campaign.
 */
export async function selectNominations(t: TestApp, campaign: TestCampaign, ids: readonly string[]) {
  const { db, clock } = t.context;
  const organiser = campaign.organiser.admin.actor;
  await toReview(t, campaign);
  for (const id of ids)
    await transitionNomination(db, organiser, id, { to: 'shortlisted', now: clock.now() });
  await moveCampaign(t, campaign, 'announcing');
  await moveCampaign(t, campaign, 'approved');
}
