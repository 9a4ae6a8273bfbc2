import { describe, expect, it } from 'vitest';
import { type ApprovalFacts, approvalRefusal } from './approval-preconditions.ts';

const ready: ApprovalFacts = {
  campaignStatus: 'announcing',
  announcement: { state: 'closed', startDay: '2026-10-09', endDay: '2026-10-15' },
  openObjections: 0,
};

describe('approvalRefusal', () => {
  it('lets a closed announcement without open objections be approved', () => {
    expect(approvalRefusal(ready)).toBeNull();
  });

  it('refuses while objections are open, with their count', () => {
    expect(approvalRefusal({ ...ready, openObjections: 2 })).toEqual({
      code: 'OBJECTIONS_OPEN',
      message: '还有 2 件异议尚未办结（待受理、调查核实中或待复核），全部办结后才能审定。',
    });
  });

  it('refuses during the period, with its dates', () => {
    const refusal = approvalRefusal({
      ...ready,
      announcement: { ...ready.announcement!, state: 'open' },
    });
    expect(refusal).toEqual({
      code: 'CAMPAIGN_NOT_READY',
      message: '公示期为2026年10月9日至2026年10月15日，尚未结束；公示期满后才能审定。',
    });
  });

  it('refuses before any announcement and outside 公示中', () => {
    expect(approvalRefusal({ ...ready, announcement: null })?.message).toContain('还没有公示');
    expect(
      approvalRefusal({
        ...ready,
        announcement: { state: 'scheduled', startDay: '2026-10-09', endDay: null },
      })?.message,
    ).toContain('定于2026年10月9日开始');
    expect(approvalRefusal({ ...ready, campaignStatus: 'reviewing' })).toEqual({
      code: 'CAMPAIGN_NOT_READY',
      message: '本活动当前为「评审中」，拟推介名单公示结束后才能审定。',
    });
    expect(approvalRefusal({ ...ready, campaignStatus: 'approved' })?.message).toContain('无需再次审定');
  });
});
