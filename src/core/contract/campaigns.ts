/** Campaigns: the list, one campaign with its rules, history and extensions, and what may be sent. */
import { z } from 'zod';
import { campaignRulesSchema } from '../campaign/rules-schema.ts';
import { CAMPAIGN_STATES } from '../campaign/states.ts';
import { Finding } from './fields.ts';

const campaignState = z.enum(Object.keys(CAMPAIGN_STATES) as [keyof typeof CAMPAIGN_STATES]);

/** `nominate`: the caller's unit may start nominations now (campaign open, its own deadline not passed). */
export const CampaignAction = z.enum(['view', 'editRules', 'transition', 'grantExtension', 'nominate']);

export const CampaignSummary = z
  .object({
    id: z.string(),
    organiserId: z.string(),
    organiserName: z.string(),
    title: z.string(),
    year: z.number(),
    level: z.string(),
    levelLabel: z.string(),
    status: campaignState,
    statusLabel: z.string(),
    deadline: z.string().nullable().describe('截止日期 YYYY-MM-DD（北京时间）'),
    deadlineAt: z.string().nullable().describe('截止时刻，ISO 8601'),
    rulesVersion: z.number(),
    version: z.number(),
    templateId: z.string().nullable(),
    actions: z.array(CampaignAction),
    transitions: z.array(z.object({ to: campaignState, label: z.string() })),
  })
  .meta({ id: 'CampaignSummary' });

const Extension = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  until: z.string(),
  reason: z.string(),
});

export const CampaignDetail = z.object({
  campaign: CampaignSummary,
  rules: campaignRulesSchema,
  findings: z.array(Finding),
  history: z.array(
    z.object({
      rulesVersion: z.number(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      afterOpening: z.boolean(),
      changes: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
  extensions: z.array(Extension),
  /**
   * The organiser's active children: the units that report to this campaign. `type` is the stored
   * type, which an old or hand-made row may have outside the known list.
   */
  reportingUnits: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() }),
  ),
});

export const CreateCampaignBody = z.union([
  z.object({ templateId: z.string().min(1, '请选择模板') }),
  z.object({
    copyFromCampaignId: z.uuid('要复制的活动编号格式不正确'),
    year: z.number().int().min(2000).max(2100),
  }),
]);

export const UpdateRulesBody = z.object({
  rules: z.unknown().describe('完整的活动规则（CampaignRules）'),
  rulesVersion: z.number().int().min(1),
});

export const TransitionBody = z.object({ to: campaignState });

export const GrantExtensionBody = z.object({
  organisationId: z.uuid('单位编号格式不正确'),
  until: z.iso.datetime({
    offset: true,
    error: '延期截止时间应为 ISO 8601 格式，如 2026-12-31T23:59:00+08:00',
  }),
  reason: z.string().trim().min(2, '请填写延期原因').max(500),
});
export const ExtensionsResponse = z.object({ extensions: z.array(Extension) });

export const TemplateList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      year: z.number(),
      level: z.string(),
      organisers: z.array(z.string()),
    }),
  ),
});

export const AnnouncementPeriodQuery = z.object({
  from: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});
export const AnnouncementPeriodResponse = z.object({
  from: z.string(),
  workingDays: z.number(),
  countStart: z.boolean(),
  end: z.string(),
});

export const CampaignListResponse = z.object({ items: z.array(CampaignSummary) });
export const CampaignResponse = z.object({ campaign: CampaignSummary });

export type CampaignAction = z.infer<typeof CampaignAction>;
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export type CampaignDetail = z.infer<typeof CampaignDetail>;
export type RulesHistoryEntry = CampaignDetail['history'][number];
export type Extension = z.infer<typeof Extension>;
export type ReportingUnit = CampaignDetail['reportingUnits'][number];
export type TemplateList = z.infer<typeof TemplateList>;
export type CampaignTemplate = TemplateList['items'][number];
export type NewCampaign = z.input<typeof CreateCampaignBody>;
export type NewExtension = z.input<typeof GrantExtensionBody>;
export type ExtensionsResponse = z.infer<typeof ExtensionsResponse>;
export type AnnouncementPeriodResponse = z.infer<typeof AnnouncementPeriodResponse>;
export type CampaignListResponse = z.infer<typeof CampaignListResponse>;
export type CampaignResponse = z.infer<typeof CampaignResponse>;
