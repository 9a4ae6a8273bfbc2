/** Paths and parameters the review set-up routes share. */
import { z } from 'zod';

export const tags = ['专家评审'];
export const CampaignParams = z.object({ campaignId: z.uuid('编号格式不正确') });
export const ExpertParams = CampaignParams.extend({ expertId: z.uuid('编号格式不正确') });
export const RoundParams = CampaignParams.extend({ roundId: z.uuid('编号格式不正确') });
export const base = '/api/campaigns/:campaignId/review';
