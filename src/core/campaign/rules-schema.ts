/**
 * Zod 4 schema for CampaignRules: the server validates stored and edited rules with it, the browser may
 * too. Shape only; business sense (min ≤ max, a real deadline) comes from validateCampaignRules, whose
 * Chinese findings the organiser can act on. parseCampaignRules runs both.
 */
import { z } from 'zod';
import { documentFindings } from '../documents/campaign-layouts.ts';
import { campaignDocumentsSchema } from '../documents/form-layout-schema.ts';
import { error, type Finding } from '../findings.ts';
import { materialSetSpecSchema } from '../materials/spec-schema.ts';
import { reviewRulesSchema } from '../review/review-rules.ts';
import type { CampaignRules } from './rules.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './unit-types.ts';
import { validateCampaignRules } from './validate.ts';

const range = z.strictObject({ min: z.number(), max: z.number() });
const categoryQuota = z.strictObject({ star: range, project: range });
const unitTypes = Object.keys(ORGANISATION_TYPES) as [OrganisationType, ...OrganisationType[]];
const categoryInfo = z.strictObject({ label: z.string(), unit: z.string(), specialLabel: z.string() });

const contact = z.strictObject({
  organisation: z.string(),
  topic: z.string(),
  people: z.array(z.string()),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
});

export const campaignRulesSchema = z.strictObject({
  schemaVersion: z.literal(1),
  templateId: z.string().nullable(),
  year: z.number(),
  level: z.enum(['national', 'provincial', 'city']),
  title: z.string(),
  organisers: z.array(z.string()),
  publishers: z.array(z.string()),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  deadline: z.strictObject({ date: z.string().nullable(), time: z.string(), timeFromNotice: z.boolean() }),
  categories: z.strictObject({ star: categoryInfo, project: categoryInfo }),
  quotas: z.strictObject({
    byUnitType: z.partialRecord(z.enum(unitTypes), categoryQuota),
    unitOverrides: z.record(
      z.string(),
      z.strictObject({ star: range.optional(), project: range.optional() }),
    ),
  }),
  specialPicks: z.strictObject({ star: z.number(), project: z.number() }),
  forms: z.array(
    z.strictObject({
      id: z.string(),
      category: z.enum(['star', 'project']),
      title: z.string(),
      attachment: z.number().nullable(),
      paperCopies: z.number(),
    }),
  ),
  materials: z.strictObject({
    star: materialSetSpecSchema,
    project: materialSetSpecSchema,
    specialStar: materialSetSpecSchema,
    specialProject: materialSetSpecSchema,
  }),
  announcement: z.strictObject({
    workingDays: z.number(),
    startDay: z.enum(['counts_if_working_day', 'never_counts']),
    venue: z.string(),
  }),
  eligibility: z.strictObject({
    star: z.strictObject({
      nationality: z.string(),
      focusGroups: z.array(z.string()),
      warnOfficialRank: z.boolean(),
      conditions: z.array(z.string()),
      excludePreviousWinners: z.boolean(),
    }),
    project: z.strictObject({
      registration: z.discriminatedUnion('scope', [
        z.strictObject({ scope: z.literal('china') }),
        z.strictObject({ scope: z.literal('province'), provinceCode: z.string(), provinceName: z.string() }),
      ]),
      minYearsRunning: z.number(),
      minParticipationsOffline: z.number(),
      minParticipationsOnline: z.number(),
      workSummaryChars: z.strictObject({ target: z.number(), min: z.number(), max: z.number() }),
      creditCheckMaxAgeDays: z.number(),
      conditions: z.array(z.string()),
      excludePreviousWinners: z.boolean(),
    }),
  }),
  // Rules stored before contacts were shown kept working: none is an empty list, not a broken campaign.
  contacts: z.array(contact).default([]),
  submission: z.strictObject({
    onlineUrl: z.string().nullable(),
    paperAddress: z.string().nullable(),
    electronicCopyByMail: z.boolean(),
    lateCountsAsWithdrawn: z.boolean(),
  }),
  forwardsToNationalRound: z.boolean(),
  documents: campaignDocumentsSchema.optional(),
  review: reviewRulesSchema.optional(),
  supervision: z.strictObject({ parentMayView: z.boolean() }).optional(),
});

// Fails to compile when rules.ts and this schema drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _rulesInSync: Same<z.output<typeof campaignRulesSchema>, CampaignRules> = true;
void _rulesInSync;

export type ParsedCampaignRules =
  | { ok: true; rules: CampaignRules; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/**
 * Shape first, then business sense. `ok` means the data has the right shape; the findings may still
 * contain errors that keep the campaign from opening.
 */
export function parseCampaignRules(data: unknown): ParsedCampaignRules {
  const parsed = campaignRulesSchema.safeParse(data);
  if (!parsed.success) {
    const findings = parsed.error.issues.map((issue) =>
      error(
        'RULES_SHAPE_INVALID',
        issue.path.join('.'),
        `活动规则数据格式不正确（${issue.message}），请检查该项。`,
      ),
    );
    return { ok: false, findings };
  }
  return {
    ok: true,
    rules: parsed.data,
    findings: [...validateCampaignRules(parsed.data), ...documentFindings(parsed.data)],
  };
}
