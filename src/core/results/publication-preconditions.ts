/**
 * 印发通知公布 follows 审定: results are published once, from an approved campaign, in the organisers'
 * names. A second publication would put a second notice and a second set of registry entries out.
 */
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';

export interface PublicationRefusal {
  code: 'NOT_APPROVED' | 'ALREADY_PUBLISHED';
  message: string;
}

export function publicationRefusal(f: {
  campaignStatus: CampaignState;
  published: boolean;
}): PublicationRefusal | null {
  if (f.published || f.campaignStatus === 'published')
    return { code: 'ALREADY_PUBLISHED', message: '本活动的推介结果已经公布，不能重复公布。' };
  if (f.campaignStatus !== 'approved')
    return {
      code: 'NOT_APPROVED',
      message: `本活动当前为「${CAMPAIGN_STATES[f.campaignStatus]}」，拟推介名单经审定后才能公布结果。`,
    };
  return null;
}
