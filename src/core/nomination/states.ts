/**
 * The life of a nomination: the one state enum and the one transition table (house rule 1). The
 * server's single transition function reads this table for its guard; nothing else changes a
 * nomination's state. Conditions that need data the table cannot see (the deadline, the quota, the
 * campaign's own state) are named on the transition so the server cannot forget them.
 */
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';

export const NOMINATION_STATES = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  accepted: '形式审查通过',
  withdrawn: '已撤回',
  shortlisted: '拟推介',
  not_selected: '未入选',
  selected: '入选',
  forwarded: '已报送上级',
} as const;

export type NominationState = keyof typeof NOMINATION_STATES;

/** Who may take a transition: the nominating unit, the campaign's organiser, or the platform itself. */
export type ActorKind = 'unit' | 'organiser' | 'system';

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  unit: '报送单位',
  organiser: '组织单位',
  system: '系统',
};

export interface NominationTransition {
  from: NominationState;
  to: NominationState;
  /** The verb on the button or in the audit log, e.g. 提交. */
  label: string;
  actors: readonly ActorKind[];
  /** The actor must say why (退回修改 needs a reason the unit can act on). */
  requiresReason: boolean;
  /** Only until the unit's deadline (its extension, else the campaign's): units edit, submit and withdraw before it. */
  beforeDeadlineOnly: boolean;
  /** Only once the unit's deadline has passed: 逾期视为自动放弃, which an extension postpones. */
  afterDeadlineOnly: boolean;
  /** The campaign states in which the transition makes sense; the server checks the campaign too. */
  campaignStates: readonly CampaignState[];
  /** Submitting freezes the form: the server stores the snapshot and its content hash. */
  freezesSnapshot: boolean;
  /** Counts are checked against the quota (QUOTA_EXCEEDED) with this nomination included. */
  checksQuota: boolean;
}

const OPEN: readonly CampaignState[] = ['open'];
const REVIEW: readonly CampaignState[] = ['reviewing'];

function t(
  from: NominationState,
  to: NominationState,
  label: string,
  actors: readonly ActorKind[],
  extra: Partial<Omit<NominationTransition, 'from' | 'to' | 'label' | 'actors'>> = {},
): NominationTransition {
  return {
    from,
    to,
    label,
    actors,
    requiresReason: false,
    beforeDeadlineOnly: false,
    afterDeadlineOnly: false,
    campaignStates: OPEN,
    freezesSnapshot: false,
    checksQuota: false,
    ...extra,
  };
}

export const NOMINATION_TRANSITIONS: readonly NominationTransition[] = [
  // The unit prepares and submits within the deadline and quota.
  t('draft', 'submitted', '提交', ['unit'], {
    beforeDeadlineOnly: true,
    freezesSnapshot: true,
    checksQuota: true,
  }),
  t('returned', 'submitted', '修改后重新提交', ['unit'], {
    beforeDeadlineOnly: true,
    freezesSnapshot: true,
    checksQuota: true,
  }),
  // Withdrawing is allowed until the deadline, also after the organiser's check.
  t('submitted', 'withdrawn', '撤回', ['unit'], { beforeDeadlineOnly: true }),
  t('returned', 'withdrawn', '撤回', ['unit'], { beforeDeadlineOnly: true }),
  t('accepted', 'withdrawn', '撤回', ['unit'], { beforeDeadlineOnly: true }),
  t('withdrawn', 'draft', '恢复为草稿', ['unit'], { beforeDeadlineOnly: true }),
  // 逾期视为自动放弃: at the unit's deadline the platform withdraws what was never (re)submitted.
  t('draft', 'withdrawn', '逾期未提交，视为自动放弃', ['system'], {
    afterDeadlineOnly: true,
    campaignStates: ['open', 'reviewing'],
  }),
  t('returned', 'withdrawn', '逾期未重新提交，视为自动放弃', ['system'], {
    afterDeadlineOnly: true,
    campaignStates: ['open', 'reviewing'],
  }),
  // 形式审查: the organiser accepts, or returns with a reason the unit can act on.
  t('submitted', 'accepted', '形式审查通过', ['organiser'], { campaignStates: ['open', 'reviewing'] }),
  t('submitted', 'returned', '退回修改', ['organiser'], {
    requiresReason: true,
    campaignStates: ['open', 'reviewing'],
  }),
  t('accepted', 'returned', '撤销通过并退回修改', ['organiser'], {
    requiresReason: true,
    campaignStates: ['open', 'reviewing'],
  }),
  // The expert panel's proposal, recorded by the organiser; objections during 公示 can reverse it.
  t('accepted', 'shortlisted', '列入拟推介名单', ['organiser'], { campaignStates: REVIEW }),
  t('accepted', 'not_selected', '不列入拟推介名单', ['organiser'], { campaignStates: REVIEW }),
  t('not_selected', 'shortlisted', '改为拟推介', ['organiser'], {
    requiresReason: true,
    campaignStates: REVIEW,
  }),
  t('shortlisted', 'not_selected', '移出拟推介名单', ['organiser'], {
    requiresReason: true,
    campaignStates: ['reviewing', 'announcing'],
  }),
  // 审定: the approved shortlist becomes the result when the campaign is approved.
  t('shortlisted', 'selected', '审定入选', ['organiser', 'system'], { campaignStates: ['approved'] }),
  // A province's selected nominations go on to the national round of the same year.
  t('selected', 'forwarded', '报送上级', ['organiser'], { campaignStates: ['approved', 'published'] }),
];

export function isNominationState(value: string): value is NominationState {
  return Object.hasOwn(NOMINATION_STATES, value);
}

export function nominationStateLabel(state: NominationState): string {
  return NOMINATION_STATES[state];
}

/** The transition from one state to another; with `actor`, only if that kind of actor may take it. */
export function findTransition(
  from: NominationState,
  to: NominationState,
  actor?: ActorKind,
): NominationTransition | undefined {
  return NOMINATION_TRANSITIONS.find(
    (tr) => tr.from === from && tr.to === to && (actor === undefined || tr.actors.includes(actor)),
  );
}

/** What the table lets this kind of actor do next; `availableMoves` (moves.ts) adds deadline and campaign. */
export function transitionsFrom(from: NominationState, actor: ActorKind): NominationTransition[] {
  return NOMINATION_TRANSITIONS.filter((tr) => tr.from === from && tr.actors.includes(actor));
}

/** The unit may edit the form only here; everything else is a frozen snapshot. */
export const EDITABLE_STATES: ReadonlySet<NominationState> = new Set(['draft', 'returned']);

/**
 * States that hold a place in the unit's quota and its 推介登记表. A returned nomination keeps its
 * place: otherwise a unit could fill the slot while it is being revised and then exceed the quota on
 * resubmission.
 */
export const QUOTA_STATES: ReadonlySet<NominationState> = new Set([
  'submitted',
  'returned',
  'accepted',
  'shortlisted',
  'not_selected',
  'selected',
  'forwarded',
]);

/** Why a transition is not possible, in Chinese, or undefined when the table allows it. */
export function transitionProblem(
  from: NominationState,
  to: NominationState,
  actor: ActorKind,
): string | undefined {
  if (findTransition(from, to, actor)) return undefined;
  const move = `从“${NOMINATION_STATES[from]}”改为“${NOMINATION_STATES[to]}”`;
  if (findTransition(from, to)) return `${ACTOR_KIND_LABELS[actor]}不能将推介${move}。`;
  return `推介不能${move}，请刷新页面查看当前状态。`;
}

/** Labels of the campaign states a transition needs, for messages such as 仅在“报送中”可提交. */
export function campaignStateLabels(transition: NominationTransition): string {
  return transition.campaignStates.map((s) => `“${CAMPAIGN_STATES[s]}”`).join('、');
}
