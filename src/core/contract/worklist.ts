/** The home page's to-do list: one part per role the account has. */
import { z } from 'zod';

const standing = z.enum(['not_needed', 'not_dispatched', 'in_transit', 'received', 'received_with_problems']);
const CheckedNomination = z.object({
  id: z.string(),
  title: z.string(),
  unitName: z.string(),
  category: z.string(),
});

const UnitWork = z.object({
  returned: z.array(
    z.object({
      nominationId: z.string(),
      title: z.string(),
      category: z.string(),
      reason: z.string(),
      campaignId: z.string(),
      campaignTitle: z.string(),
      returnedAt: z.string(),
    }),
  ),
  deadlines: z.array(
    z.object({
      campaignId: z.string(),
      campaignTitle: z.string(),
      until: z.string(),
      extended: z.boolean(),
      /** Whole days left, rounded up: 1 on the last day. */
      daysLeft: z.number(),
      drafts: z.number(),
      returned: z.number(),
    }),
  ),
  extensions: z.array(
    z.object({
      campaignId: z.string(),
      campaignTitle: z.string(),
      until: z.string(),
      reason: z.string(),
    }),
  ),
  paper: z.array(
    z.object({
      campaignId: z.string(),
      campaignTitle: z.string(),
      standing,
      standingLabel: z.string(),
      problems: z.array(z.string()),
    }),
  ),
});

const OrganiserCampaignWork = z.object({
  campaignId: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  awaitingCheck: z.number().describe('待形式审查'),
  firstWaitingId: z.string().nullable(),
  oldestSubmittedAt: z.string().nullable(),
  reviewRequests: z.array(CheckedNomination).describe('报送单位请组织单位查看的草稿'),
  paper: z.object({
    notDispatched: z.number(),
    inTransit: z.number(),
    receivedWithProblems: z.number(),
  }),
});

export const WorklistResponse = z.object({
  unit: UnitWork.nullable().describe('报送单位填报员的待办；没有该角色时为 null'),
  organiser: z
    .object({ campaigns: z.array(OrganiserCampaignWork) })
    .nullable()
    .describe('组织单位管理员的待办（本单位组织的活动）；没有该角色时为 null'),
});

export type UnitWorklist = z.infer<typeof UnitWork>;
export type OrganiserCampaignWork = z.infer<typeof OrganiserCampaignWork>;
export type WorklistResponse = z.infer<typeof WorklistResponse>;
