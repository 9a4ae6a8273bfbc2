import { describe, expect, it } from 'vitest';
import { publicationRefusal } from './publication-preconditions.ts';

describe('publicationRefusal', () => {
  it('publishes an approved campaign once', () => {
    expect(publicationRefusal({ campaignStatus: 'approved', published: false })).toBeNull();
    expect(publicationRefusal({ campaignStatus: 'published', published: true })?.code).toBe(
      'ALREADY_PUBLISHED',
    );
    expect(publicationRefusal({ campaignStatus: 'approved', published: true })?.code).toBe(
      'ALREADY_PUBLISHED',
    );
  });

  it('refuses before approval, naming the present status', () => {
    expect(publicationRefusal({ campaignStatus: 'announcing', published: false })).toEqual({
      code: 'NOT_APPROVED',
      message: '本活动当前为「公示中」，拟推介名单经审定后才能公布结果。',
    });
  });
});
