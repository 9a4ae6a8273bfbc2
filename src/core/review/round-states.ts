/**
 * A review round (初评 online, 会评 at a meeting): the one state enum and the one transition table
 * (house rule 1). A round is planned, opened for scoring, closed; the organiser may open it again to let
 * a late expert finish. One round of a campaign is open at a time (the database keeps to that too).
 */
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';

export const ROUND_STATES = {
  planned: '未开始',
  open: '评审中',
  closed: '已结束',
} as const;
export type RoundState = keyof typeof ROUND_STATES;

export const ROUND_KINDS = {
  online: '网上初评',
  meeting: '会议评审',
} as const;
export type RoundKind = keyof typeof ROUND_KINDS;

/** Fields a round may hide from its experts (盲评). */
export const BLIND_FIELDS = {
  unit: '推荐单位',
  contacts: '联系人及联系方式',
  idNumbers: '身份证号码',
} as const;
export type BlindField = keyof typeof BLIND_FIELDS;

export interface RoundTransition {
  from: RoundState;
  to: RoundState;
  label: string;
}

export const ROUND_TRANSITIONS: readonly RoundTransition[] = [
  { from: 'planned', to: 'open', label: '开始评审' },
  { from: 'open', to: 'closed', label: '结束评审' },
  { from: 'closed', to: 'open', label: '重新开放评审' },
];

/** Rounds run while the campaign is 评审中. */
const ROUND_CAMPAIGN_STATES: readonly CampaignState[] = ['reviewing'];

/**
 * Whether a round may move from `from` to `to` now: the transition, or the Chinese reason why not.
 * `otherOpenRound` names a round of the same campaign that is open already.
 */
export function roundMove(
  from: RoundState,
  to: RoundState,
  context: { campaignState: CampaignState; otherOpenRound: string | null },
): { ok: true; transition: RoundTransition } | { ok: false; message: string } {
  const transition = ROUND_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition)
    return { ok: false, message: `评审轮次“${ROUND_STATES[from]}”时不能改为“${ROUND_STATES[to]}”。` };
  if (!ROUND_CAMPAIGN_STATES.includes(context.campaignState))
    return {
      ok: false,
      message: `活动处于“${CAMPAIGN_STATES[context.campaignState]}”状态，只有“评审中”的活动可以开始或结束评审轮次。`,
    };
  if (to === 'open' && context.otherOpenRound)
    return {
      ok: false,
      message: `「${context.otherOpenRound}」正在进行，同一时间只能有一个评审轮次在进行；请先结束它。`,
    };
  return { ok: true, transition };
}
