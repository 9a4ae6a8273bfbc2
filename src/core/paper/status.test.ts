import { describe, expect, it } from 'vitest';
import { PAPER_STANDING_LABELS, paperStanding, postedLate } from './status.ts';

describe('where a unit’s paper stands', () => {
  it('tells apart nothing to post, not posted, on its way, received and received short', () => {
    expect(paperStanding({ state: 'none', needed: false, problems: [] })).toBe('not_needed');
    expect(paperStanding({ state: 'none', needed: true, problems: [] })).toBe('not_dispatched');
    expect(paperStanding({ state: 'dispatched', needed: true, problems: [] })).toBe('in_transit');
    expect(paperStanding({ state: 'received', needed: true, problems: [] })).toBe('received');
    expect(paperStanding({ state: 'received', needed: true, problems: ['未加盖公章'] })).toBe(
      'received_with_problems',
    );
    for (const label of Object.values(PAPER_STANDING_LABELS)) expect(label).toMatch(/\p{Script=Han}/u);
  });

  it('is late when posted after the deadline day', () => {
    expect(postedLate('2024-04-10', '2024-04-10')).toBe(false);
    expect(postedLate('2024-04-11', '2024-04-10')).toBe(true);
    expect(postedLate(null, '2024-04-10')).toBe(false);
  });
});
