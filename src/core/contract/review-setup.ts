/**
 * Expert review, the organiser's side: the campaign's expert pool and its conflicts of interest (回避),
 * review rounds, and who reviews what. Also the unit's request to exclude experts and the expert's own
 * declaration of a conflict. Routes under /api/campaigns/:campaignId/review and /api/nominations/:id.
 */
import { z } from 'zod';
import { CATEGORIES } from '../campaign/rules.ts';
import { CONFLICT_CODES, UNIT_RELATION_KINDS } from '../review/conflict-facts.ts';
import { BLIND_FIELDS, ROUND_KINDS, ROUND_STATES } from '../review/round-states.ts';
import { rubricSchema } from '../review/rubric.ts';
import { Finding, nameText, username, version } from './fields.ts';

const category = z.enum(CATEGORIES);
const reason = z.string().trim().min(1, '请填写理由').max(500, '理由不能超过 500 个字');
const province = z
  .string()
  .regex(/^[1-9][0-9]$/, '省份应为两位行政区划代码，如 22（吉林省）')
  .nullable();

const person = z.object({
  name: nameText('姓名', 50),
  idNumber: z.string().trim().max(18).nullable().optional(),
});
const outsideUnit = z.object({
  name: nameText('单位名称', 100).nullable().optional(),
  creditCode: z.string().trim().max(18).nullable().optional(),
});
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD');

/** A relation the expert declares: the same shape as core's DeclaredRelation, passed through as is. */
export const DeclaredRelationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('close_relative'), person, note: z.string().max(200).optional() }),
  z.object({
    kind: z.enum(Object.keys(UNIT_RELATION_KINDS) as [keyof typeof UNIT_RELATION_KINDS]),
    unit: outsideUnit,
    from: partialDate.nullable().optional(),
    until: partialDate.nullable().optional().describe('空：至今'),
  }),
  z.object({
    kind: z.literal('other'),
    unit: outsideUnit.optional(),
    person: person.optional(),
    note: z.string().trim().min(1, '请说明关系').max(200),
  }),
]);

/** The facts of an expert that conflicts are computed from; the same for inviting, checking and editing. */
export const ExpertFactsBody = z.object({
  panels: z.array(category).min(1, '请至少选择一个评审组（百姓学习之星或终身学习品牌项目）'),
  chairOf: z.array(category).default([]),
  employerName: z.string().trim().max(100).nullable().default(null),
  employerCreditCode: z.string().trim().max(18).nullable().default(null),
  province: province.default(null),
  field: z.string().trim().max(100).default(''),
  idNumber: z.string().trim().max(18).nullable().default(null),
  minLoad: z.number().int().min(0).max(2000).default(0),
  maxLoad: z.number().int().min(1).max(2000).nullable().default(null),
  relations: z.array(DeclaredRelationBody).max(50).default([]),
});

export const NewExpertAccount = z.object({
  username,
  displayName: nameText('姓名', 50),
  /** The organisation the account belongs to; defaults to the campaign organiser's. */
  organisationId: z.uuid().optional(),
  phone: z.string().trim().max(30).nullable().default(null),
  email: z.email('邮箱格式不正确').nullable().default(null),
});

/** Invite an existing account with the expert role, or create one. */
export const InviteExpertBody = ExpertFactsBody.extend({
  accountId: z.uuid().optional(),
  newAccount: NewExpertAccount.optional(),
}).refine((b) => (b.accountId ? 1 : 0) + (b.newAccount ? 1 : 0) === 1, {
  message: '请选择已有的专家账号，或填写新账号信息（二者选一）',
});
/** An edit that leaves the ID number out keeps it (the form never shows it again); null clears it. */
export const UpdateExpertBody = ExpertFactsBody.extend({
  idNumber: z.string().trim().max(18).nullable().optional(),
  version,
});
/** Check a candidate against the campaign's nominations before inviting: the facts and a name. */
export const CheckExpertBody = ExpertFactsBody.extend({
  accountId: z.uuid().optional(),
  name: nameText('专家姓名', 50),
  organisationId: z.uuid().optional(),
});

export const ConflictReason = z.object({
  code: z.enum(CONFLICT_CODES),
  message: z.string(),
  dismissal: z.string().optional().describe('组织单位排除此项回避的理由'),
});

export const PoolExpert = z
  .object({
    expertId: z.string(),
    name: z.string(),
    username: z.string(),
    organisationName: z.string(),
    panels: z.array(category),
    chairOf: z.array(category),
    employerName: z.string().nullable(),
    employerCreditCode: z.string().nullable(),
    province: z.string().nullable(),
    provinceName: z.string().nullable(),
    field: z.string(),
    idNumberMasked: z.string().nullable(),
    minLoad: z.number(),
    maxLoad: z.number().nullable(),
    relations: z.array(DeclaredRelationBody),
    conflicts: z.number().describe('回避的推介数'),
    version: z.number(),
  })
  .meta({ id: 'PoolExpert' });

export const ReviewRound = z
  .object({
    id: z.string(),
    position: z.number(),
    name: z.string(),
    kind: z.enum(Object.keys(ROUND_KINDS) as [keyof typeof ROUND_KINDS]),
    state: z.enum(Object.keys(ROUND_STATES) as [keyof typeof ROUND_STATES]),
    stateLabel: z.string(),
    opensOn: z.string().nullable(),
    closesAt: z.string(),
    reviewsPerNomination: z.number(),
    blindFields: z.array(z.enum(Object.keys(BLIND_FIELDS) as [keyof typeof BLIND_FIELDS])),
    showOthersAfterSubmit: z.boolean(),
    expertIds: z.array(z.string()),
    assignmentSeed: z.number().nullable(),
    progress: z.object({ assigned: z.number(), submitted: z.number() }),
    moves: z.array(
      z.object({ to: z.enum(Object.keys(ROUND_STATES) as [keyof typeof ROUND_STATES]), label: z.string() }),
    ),
    version: z.number(),
  })
  .meta({ id: 'ReviewRound' });

export const ReviewSetupResponse = z.object({
  campaignId: z.string(),
  campaignState: z.string(),
  settings: z.object({
    rubrics: z.object({ star: rubricSchema, project: rubricSchema }),
    sameProvinceConflicts: z.boolean(),
    reviewsPerNomination: z.number(),
    disagreementThreshold: z.number(),
    method: z.enum(['mean', 'trimmed', 'zscore']),
  }),
  experts: z.array(PoolExpert),
  rounds: z.array(ReviewRound),
  /** Accepted nominations per category: what a round reviews. */
  nominations: z.object({ star: z.number(), project: z.number() }),
  conflicts: z.object({ pairs: z.number(), dismissed: z.number() }),
});

export const ExpertCandidate = z.object({
  accountId: z.string(),
  name: z.string(),
  username: z.string(),
  organisationName: z.string(),
  inPool: z.boolean(),
});
export const ExpertCandidatesResponse = z.object({ items: z.array(ExpertCandidate) });

export const ConflictPair = z.object({
  nominationId: z.string(),
  nominationTitle: z.string(),
  unitName: z.string(),
  category,
  expertId: z.string(),
  expertName: z.string(),
  conflicted: z.boolean().describe('仍须回避（未被全部排除）'),
  reasons: z.array(ConflictReason),
  dismissed: z.array(ConflictReason),
});
export const ConflictsResponse = z.object({ items: z.array(ConflictPair) });
export const CheckExpertResponse = z.object({ conflicts: z.array(ConflictPair.omit({ expertId: true })) });
export const DismissConflictBody = z.object({
  nominationId: z.uuid(),
  expertId: z.uuid(),
  code: z.enum(CONFLICT_CODES),
  reason,
});

export const RoundBody = z.object({
  name: nameText('轮次名称', 40),
  kind: z.enum(Object.keys(ROUND_KINDS) as [keyof typeof ROUND_KINDS]),
  opensOn: z.string().max(10).nullable().default(null),
  /** An instant (ISO 8601) or a Beijing date-time 'YYYY-MM-DD HH:mm'. */
  closesAt: z.string().min(10, '请填写评审截止时间').max(40),
  reviewsPerNomination: z.number().int().min(1).max(30).optional(),
  blindFields: z.array(z.enum(Object.keys(BLIND_FIELDS) as [keyof typeof BLIND_FIELDS])).default([]),
  showOthersAfterSubmit: z.boolean().default(false),
  /** Empty: every expert of the pool. */
  expertIds: z.array(z.uuid()).default([]),
});
export const UpdateRoundBody = RoundBody.extend({ version });
export const MoveRoundBody = z.object({
  to: z.enum(Object.keys(ROUND_STATES) as [keyof typeof ROUND_STATES]),
  version,
});

export const AssignBody = z.object({
  /** Reproducible: the same seed and the same data give the same assignment. Default: a new seed. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  category: category.optional(),
});
export const AssignmentPairBody = z.object({ nominationId: z.uuid(), expertId: z.uuid() });

export const AssignmentRow = z.object({
  nominationId: z.string(),
  title: z.string(),
  unitName: z.string(),
  category,
  provinceName: z.string().nullable(),
  need: z.number(),
  experts: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      source: z.enum(['automatic', 'manual']),
      reviewState: z.enum(['none', 'draft', 'submitted']),
    }),
  ),
  /** Experts of the pool who are recused from this nomination: others see 已回避. */
  recused: z.array(z.object({ expertId: z.string(), name: z.string() })),
});
export const ExpertLoadRow = z.object({
  expertId: z.string(),
  name: z.string(),
  provinceName: z.string().nullable(),
  load: z.number(),
  minLoad: z.number(),
  maxLoad: z.number().nullable(),
  submitted: z.number(),
});
export const AssignmentsResponse = z.object({
  roundId: z.string(),
  seed: z.number().nullable(),
  nominations: z.array(AssignmentRow),
  experts: z.array(ExpertLoadRow),
  findings: z.array(Finding),
});

/** The unit's side: the pool's names (no personal data) and its requests for one nomination. */
export const ExclusionsResponse = z.object({
  maximum: z.number(),
  editable: z.boolean(),
  experts: z.array(z.object({ expertId: z.string(), name: z.string(), employerName: z.string().nullable() })),
  requests: z.array(z.object({ expertId: z.string(), name: z.string(), reason: z.string() })),
});
export const ExclusionsBody = z.object({
  requests: z.array(z.object({ expertId: z.uuid(), reason })),
});

/** The expert's own 回避 on a nomination (assigned or not). */
export const DeclareConflictBody = z.object({ nominationId: z.uuid(), reason });

export const ImportExpertsResponse = z.object({
  imported: z.number(),
  findings: z.array(Finding.extend({ row: z.number().optional() })),
  /** Accounts the import created, each with its one-time password (shown once). */
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), initialPassword: z.string() })),
});

export type PoolExpert = z.infer<typeof PoolExpert>;
export type ReviewRound = z.infer<typeof ReviewRound>;
export type ReviewSetup = z.infer<typeof ReviewSetupResponse>;
export type ConflictPair = z.infer<typeof ConflictPair>;
export type AssignmentsResponse = z.infer<typeof AssignmentsResponse>;
export type ExclusionsResponse = z.infer<typeof ExclusionsResponse>;
export type InviteExpertInput = z.input<typeof InviteExpertBody>;
export type RoundInput = z.input<typeof RoundBody>;

/** Inviting an expert: the pool entry, and for a new account its one-time password (shown once). */
export const InviteExpertResponse = z.object({
  expert: PoolExpert,
  account: z.object({ username: z.string(), displayName: z.string() }).optional(),
  initialPassword: z.string().optional().describe('新建账号的一次性初始密码，仅显示这一次'),
});
export const PoolExpertResponse = z.object({ expert: PoolExpert });
export const CandidatesQuery = z.object({ q: z.string().trim().max(50).default('') });
export const ReviewRoundResponse = z.object({ round: ReviewRound });
/** The expert's declaration was recorded; the nomination is gone from their lists. */
export const DeclareConflictResponse = z.object({
  declared: z.literal(true),
  assignmentsRemoved: z.number(),
});
