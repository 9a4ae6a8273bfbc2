import { describe, expect, it } from 'vitest';
import { NOMINATION_STATES, type NominationState } from './states.ts';
import { organiserMaySee, reviewRequestProblem } from './visibility.ts';

const ALL = Object.keys(NOMINATION_STATES) as NominationState[];

describe('what the organiser may see', () => {
  it('sees every state from submission on, but neither a draft nor a withdrawn nomination', () => {
    const seen = ALL.filter((state) => organiserMaySee({ state }));
    expect(seen.sort()).toEqual(
      ['accepted', 'forwarded', 'not_selected', 'returned', 'selected', 'shortlisted', 'submitted'].sort(),
    );
  });

  it('sees a draft while its unit asks for a review, and only a draft', () => {
    const at = '2024-04-01T08:00:00Z';
    expect(organiserMaySee({ state: 'draft', reviewRequestedAt: at })).toBe(true);
    expect(organiserMaySee({ state: 'draft', reviewRequestedAt: null })).toBe(false);
    expect(organiserMaySee({ state: 'withdrawn', reviewRequestedAt: at })).toBe(false);
  });

  it('lets only a draft ask for a review, and says why not in Chinese', () => {
    expect(reviewRequestProblem('draft')).toBeUndefined();
    expect(reviewRequestProblem('returned')).toMatch(/本来就能查看/);
    expect(reviewRequestProblem('submitted')).toMatch(/只有草稿/);
  });
});
