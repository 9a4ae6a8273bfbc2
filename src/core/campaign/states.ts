/**
 * The life of a campaign: the one state enum and the one transition table. The server's single
 * transition function reads this table; nothing else changes a campaign's status.
 */
export const CAMPAIGN_STATES = {
  draft: '筹备中',
  open: '报送中',
  reviewing: '评审中',
  announcing: '公示中',
  approved: '已审定',
  published: '已公布',
} as const;

export type CampaignState = keyof typeof CAMPAIGN_STATES;

export interface CampaignTransition {
  from: CampaignState;
  to: CampaignState;
  /** The verb on the button, e.g. 开放报送. */
  label: string;
}

export const CAMPAIGN_TRANSITIONS: readonly CampaignTransition[] = [
  { from: 'draft', to: 'open', label: '开放报送' },
  { from: 'open', to: 'draft', label: '撤回为筹备' },
  { from: 'open', to: 'reviewing', label: '结束报送，进入评审' },
  { from: 'reviewing', to: 'open', label: '重新开放报送' },
  { from: 'reviewing', to: 'announcing', label: '开始公示' },
  { from: 'announcing', to: 'reviewing', label: '中止公示' },
  { from: 'announcing', to: 'approved', label: '审定' },
  { from: 'approved', to: 'published', label: '公布结果' },
];

export function isCampaignState(value: string): value is CampaignState {
  return Object.hasOwn(CAMPAIGN_STATES, value);
}

export function findTransition(from: CampaignState, to: CampaignState): CampaignTransition | undefined {
  return CAMPAIGN_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(from: CampaignState): CampaignTransition[] {
  return CAMPAIGN_TRANSITIONS.filter((t) => t.from === from);
}
