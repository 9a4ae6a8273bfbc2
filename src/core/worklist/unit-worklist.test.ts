import { describe, expect, it } from 'vitest';
import { type UnitCampaignFacts, unitWorklist } from './unit-worklist.ts';

const now = new Date('2024-04-05T09:00:00+08:00');
const campaign = (patch: Partial<UnitCampaignFacts> = {}): UnitCampaignFacts => ({
  campaignId: 'c1',
  campaignTitle: '2024年全国推介',
  status: 'open',
  until: new Date('2024-04-10T17:00:00+08:00'),
  extension: null,
  nominations: [],
  paper: null,
  ...patch,
});
const nomination = (state: string, patch: object = {}) => ({
  id: `n-${state}`,
  title: `${state}的推介`,
  category: 'star',
  state,
  returnReason: null,
  updatedAt: '2024-04-01T08:00:00Z',
  ...patch,
});

describe('a unit’s to-do list', () => {
  it('lists what was returned, with the reason, while the campaign runs', () => {
    const list = unitWorklist(
      [
        campaign({
          nominations: [nomination('returned', { returnReason: '请补充照片' }), nomination('submitted')],
        }),
      ],
      now,
    );
    expect(list.returned).toEqual([
      expect.objectContaining({ nominationId: 'n-returned', reason: '请补充照片', campaignId: 'c1' }),
    ]);
    expect(
      unitWorklist([campaign({ status: 'published', nominations: [nomination('returned')] })], now).returned,
    ).toEqual([]);
  });

  it('names a deadline within seven days with what is still unsubmitted, and not one further off or passed', () => {
    const near = unitWorklist(
      [campaign({ nominations: [nomination('draft'), nomination('returned'), nomination('accepted')] })],
      now,
    );
    expect(near.deadlines).toEqual([
      expect.objectContaining({
        daysLeft: 6,
        drafts: 1,
        returned: 1,
        extended: false,
        until: '2024-04-10T09:00:00.000Z',
      }),
    ]);
    expect(unitWorklist([campaign({ until: new Date('2024-04-13T09:00:01+08:00') })], now).deadlines).toEqual(
      [],
    );
    expect(unitWorklist([campaign({ until: new Date('2024-04-05T08:59:00+08:00') })], now).deadlines).toEqual(
      [],
    );
    expect(unitWorklist([campaign({ status: 'reviewing' })], now).deadlines).toEqual([]);
  });

  it('counts the unit’s extension as its deadline and lists the extension until it has passed', () => {
    const extension = { until: new Date('2024-04-11T17:00:00+08:00'), reason: '系统故障' };
    const list = unitWorklist([campaign({ until: extension.until, extension })], now);
    expect(list.deadlines).toEqual([expect.objectContaining({ extended: true, daysLeft: 7 })]);
    expect(list.extensions).toEqual([
      {
        campaignId: 'c1',
        campaignTitle: '2024年全国推介',
        until: extension.until.toISOString(),
        reason: '系统故障',
      },
    ]);
    const later = new Date('2024-04-13T00:00:00+08:00');
    expect(unitWorklist([campaign({ until: extension.until, extension })], later).extensions).toEqual([]);
  });

  it('asks for the paper copies when none was posted or what arrived was short', () => {
    const paper = (standing: 'not_dispatched' | 'in_transit' | 'received_with_problems' | 'not_needed') =>
      unitWorklist(
        [campaign({ paper: { standing, standingLabel: standing, problems: ['未加盖公章'] } })],
        now,
      ).paper;
    expect(paper('not_dispatched')).toHaveLength(1);
    expect(paper('received_with_problems')).toEqual([expect.objectContaining({ problems: ['未加盖公章'] })]);
    expect(paper('in_transit')).toEqual([]);
    expect(paper('not_needed')).toEqual([]);
  });
});
