import { z } from 'zod';
import { CATEGORIES } from '../../../core/campaign/rules.ts';
import { SEVERITIES } from '../../../core/findings.ts';
import { NOMINATION_STATES } from '../../../core/nomination/states.ts';

const category = z.enum(CATEGORIES, { error: '类别应为 star（百姓学习之星）或 project（终身学习品牌项目）' });
const state = z.enum(Object.keys(NOMINATION_STATES) as [keyof typeof NOMINATION_STATES]);
export const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  field: z.string(),
  message: z.string(),
  /** Set when the organiser accepted this warning for the nomination. */
  accepted: z.object({ reason: z.string() }).optional(),
});

export const Nomination = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    category,
    state,
    stateLabel: z.string(),
    special: z.boolean(),
    rank: z.number().nullable(),
    remark: z.string().describe('排序备注'),
    title: z.string(),
    form: z.record(z.string(), z.unknown()),
    contentHash: z.string().nullable(),
    submittedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    version: z.number(),
    updatedAt: z.string(),
    findings: z.array(FindingSchema),
    actions: z.array(z.string()),
    transitions: z.array(z.object({ to: state, label: z.string(), requiresReason: z.boolean() })),
  })
  .meta({ id: 'Nomination' });

export const CreateNominationBody = z.object({ campaignId: z.uuid('活动编号格式不正确'), category });
export const UpdateNominationBody = z.object({
  form: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1),
});
export const TransitionBody = z.object({
  reason: z.string().trim().max(500, '原因不能超过 500 个字符').optional(),
});
export const ReviewBody = z.object({
  decision: z.enum(['accept', 'return'], { error: '审查结论应为 accept（通过）或 return（退回修改）' }),
  reason: z.string().trim().max(500, '原因不能超过 500 个字符').optional(),
});
export const GenericTransitionBody = z.object({
  to: state,
  reason: z.string().trim().max(500, '原因不能超过 500 个字符').optional(),
});
export const OrderBody = z.object({
  campaignId: z.uuid('活动编号格式不正确'),
  category,
  order: z.array(z.uuid()).max(500),
});
export const SpecialBody = z.object({ special: z.boolean() });

export const ListNominationsQuery = z.object({
  campaignId: z.uuid('活动编号格式不正确'),
  unitId: z.uuid('单位编号格式不正确').optional(),
  category: category.optional(),
  state: state.optional(),
});

export const NominationResponse = z.object({ nomination: Nomination });
export const NominationListItem = Nomination.omit({ form: true, findings: true }).extend({
  entity: z.string().describe('工作单位（百姓学习之星）或实施主体（品牌项目）'),
  openErrors: z.number().nullable().describe('草稿或退回修改时尚需修改的问题数；其余状态为 null'),
});
export const NominationListResponse = z.object({ items: z.array(NominationListItem) });

const CategoryUse = z.object({
  min: z.number(),
  max: z.number(),
  used: z.number(),
  special: z.number(),
  drafts: z.number(),
});
export const QuotaDashboardResponse = z.object({
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      unitTypeLabel: z.string(),
      star: CategoryUse,
      project: CategoryUse,
      findings: z.array(FindingSchema),
    }),
  ),
});

/** The fields of a form being typed that the registry compares (name, 身份证号, unit, credit code). */
export const RegistryCheckBody = z.object({
  form: z.object({
    name: z.string().max(200).optional(),
    idNumber: z.string().max(30).optional(),
    workUnit: z.string().max(200).optional(),
    entityName: z.string().max(200).optional(),
    creditCode: z.string().max(30).optional(),
  }),
});
