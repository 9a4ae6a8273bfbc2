import { describe, expect, it } from 'vitest';
import { type CampaignMoveFacts, madeElsewhere, previewCampaignMove } from './move-preconditions.ts';

const facts: CampaignMoveFacts = {
  now: new Date('2024-04-01T02:00:00Z'),
  deadlineAt: new Date('2024-04-10T15:59:00Z'),
  counts: { draft: 3, submitted: 2, returned: 1, accepted: 4, shortlisted: 0 },
};

describe('madeElsewhere', () => {
  it('leaves 公示, 审定 and 公布 to their own use cases, saying where', () => {
    expect(madeElsewhere('reviewing', 'announcing')).toMatch('请在「公示」中发布公示');
    expect(madeElsewhere('announcing', 'approved')).toMatch('由审定人审定');
    expect(madeElsewhere('approved', 'published')).toMatch('在「公布结果」中公布');
    expect(madeElsewhere('open', 'reviewing')).toBeNull();
    expect(madeElsewhere('announcing', 'reviewing')).toBeNull();
  });
});

describe('previewCampaignMove', () => {
  it('ending submission before the deadline gives the deadline and the counts', () => {
    expect(previewCampaignMove('open', 'reviewing', facts)).toEqual({
      allowed: true,
      message:
        '截止时间为2024年4月10日 23:59，尚未到截止时间。尚有 3 份草稿、1 份退回修改未重新提交、2 份已提交待形式审查、4 份形式审查通过；' +
        '现在结束报送，报送单位将不能再提交或修改，草稿和退回修改的推介不会进入评审。',
    });
  });

  it('after the deadline says it has passed', () => {
    const after = previewCampaignMove('open', 'reviewing', {
      ...facts,
      now: new Date('2024-04-11T00:00:00Z'),
    });
    expect(after.message).toMatch(/^报送已于2024年4月10日 23:59截止。尚有 3 份草稿/);
  });

  it('refuses moves that are not in the table or are made elsewhere', () => {
    expect(previewCampaignMove('open', 'published', facts)).toEqual({
      allowed: false,
      message: '活动当前为「报送中」，不能改为「已公布」。',
    });
    expect(previewCampaignMove('reviewing', 'announcing', facts).allowed).toBe(false);
  });

  it('says an open 公示 keeps its period when the campaign goes back to review', () => {
    expect(previewCampaignMove('announcing', 'reviewing', facts).message).toMatch('仍按原公示期显示');
  });
});
