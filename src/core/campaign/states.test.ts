import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATES,
  CAMPAIGN_TRANSITIONS,
  findTransition,
  isCampaignState,
  transitionsFrom,
} from './states.ts';

describe('campaign states', () => {
  it('moves a new campaign only to open, and only forward through review to publication', () => {
    expect(transitionsFrom('draft').map((t) => t.to)).toEqual(['open']);
    expect(findTransition('draft', 'published')).toBeUndefined();
    expect(findTransition('approved', 'published')?.label).toBe('公布结果');
    expect(transitionsFrom('published')).toEqual([]);
  });

  it('names only known states in its table, each with a Chinese label', () => {
    for (const t of CAMPAIGN_TRANSITIONS) {
      expect(isCampaignState(t.from) && isCampaignState(t.to)).toBe(true);
      expect(t.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(isCampaignState('deleted')).toBe(false);
    expect(Object.keys(CAMPAIGN_STATES)).toHaveLength(6);
  });
});
