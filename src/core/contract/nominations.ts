/**
 * Nominations: drafts, transitions, the unit's 推介登记表, the formal check, the organiser's dashboards
 * and forwarding to the next round.
 */
import { z } from 'zod';
import { CATEGORIES } from '../campaign/rules.ts';
import { SEVERITIES } from '../findings.ts';
import { MAX_BULK_ACCEPT } from '../nomination/formal-check.ts';
import { projectFormSchema } from '../nomination/forms/project-form.ts';
import { starFormSchema } from '../nomination/forms/star-form.ts';
import { NOMINATION_STATES } from '../nomination/states.ts';
import { NominationPublicity } from './publicity.ts';

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

/** `edit`: the form can be changed now (the unit's own submitter, in a state that allows it). */
export const NominationAction = z.enum(['view', 'edit', 'actAsUnit', 'actAsOrganiser', 'seeIdentity']);

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
    lapsedAt: z.string().nullable().describe('逾期未提交、视为自动放弃的时间'),
    deadline: z
      .object({ at: z.string().nullable(), extended: z.boolean(), passed: z.boolean() })
      .describe('报送单位的截止时间（含延期）及是否已过'),
    returnReason: z.string().nullable(),
    reviewRequested: z.boolean().describe('报送单位已请组织单位查看此草稿'),
    version: z.number(),
    updatedAt: z.string(),
    findings: z.array(FindingSchema),
    actions: z.array(NominationAction),
    transitions: z.array(z.object({ to: state, label: z.string(), requiresReason: z.boolean() })),
    publicity: NominationPublicity.optional().describe('报送单位对该推介的公示情况（仅组织单位可见）'),
  })
  .meta({ id: 'Nomination' });

export const CreateNominationBody = z.object({ campaignId: z.uuid('活动编号格式不正确'), category });
/**
 * The form a save sends. The save checks it against its nomination's form (parseNominationForm), so its
 * problems come back with the form's Chinese labels; the request schema lets any object through to it, and
 * only the description names the two forms a client may send.
 */
const formJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' });
const { $schema: _star, ...starForm } = formJson(starFormSchema);
const { $schema: _project, ...projectForm } = formJson(projectFormSchema);
export const NominationFormPayload = z.record(z.string(), z.unknown()).meta({
  description: '推介表内容：百姓学习之星推介表或终身学习品牌项目推介表，保存时按推介的类别检查',
  anyOf: [
    { title: '百姓学习之星推介表', ...starForm },
    { title: '终身学习品牌项目推介表', ...projectForm },
  ],
});

export const UpdateNominationBody = z.object({
  form: NominationFormPayload,
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
export const BulkAcceptBody = z.object({
  nominationIds: z
    .array(z.uuid('推介编号格式不正确'), { error: '请选择要通过的推介' })
    .min(1, '请选择要通过的推介')
    .max(MAX_BULK_ACCEPT, `一次最多通过 ${MAX_BULK_ACCEPT} 条，请分批操作`)
    .refine((ids) => new Set(ids).size === ids.length, '所选推介有重复，请刷新后重新选择'),
});
const CheckedNomination = z.object({
  id: z.string(),
  title: z.string(),
  unitName: z.string(),
  category: z.string(),
});
export const BulkAcceptResponse = z.object({ accepted: z.array(CheckedNomination) });
export const NextToCheckResponse = z.object({
  next: CheckedNomination.nullable().describe('下一条待形式审查的推介；没有时为 null'),
  remaining: z.number().describe('除本条外仍待形式审查的推介数'),
});
export const ReviewRequestBody = z.object({
  requested: z.boolean({ error: 'requested 应为 true（请组织单位查看）或 false（取消）' }),
});

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

export const MissedDeadlineResponse = z.object({
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      deadlineAt: z.string().describe('该单位的截止时间（含延期）'),
      extended: z.boolean(),
      lapsed: z
        .object({ star: z.number(), project: z.number() })
        .describe('逾期未提交、视为自动放弃的推介数'),
      unsubmitted: z.number().describe('截止时仍为草稿或退回修改、未（重新）提交的推介数'),
      submitted: z.number().describe('按时提交的推介数'),
    }),
  ),
});

export const ForwardBody = z.object({ targetCampaignId: z.uuid('上级活动编号格式不正确') });

/** What a forwarding did: the copies made in the target round, with what its material rules make of their files. */
export const ForwardResponse = z.object({
  forwarded: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: z.string(),
      materials: z.object({ files: z.number(), findings: z.array(FindingSchema) }),
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
export const RegistryFindingsResponse = z.object({ findings: z.array(FindingSchema) });

export type NominationAction = z.infer<typeof NominationAction>;
export type NominationFinding = z.infer<typeof FindingSchema>;
export type Nomination = z.infer<typeof Nomination>;
export type NominationTransitionOption = Nomination['transitions'][number];
export type NominationSummary = z.infer<typeof NominationListItem>;
/** The list filter as the server reads it; the browser writes it into the query string. */
export type NominationFilter = z.output<typeof ListNominationsQuery>;
export type CheckedNomination = z.infer<typeof CheckedNomination>;
export type UnitQuotaUse = z.infer<typeof QuotaDashboardResponse>['units'][number];
export type CategoryUse = z.infer<typeof CategoryUse>;
export type MissedDeadlineUnit = z.infer<typeof MissedDeadlineResponse>['units'][number];
export type Forwarded = z.infer<typeof ForwardResponse>['forwarded'][number];
export type RegistryFields = z.input<typeof RegistryCheckBody>['form'];
export type BulkAcceptResponse = z.infer<typeof BulkAcceptResponse>;
export type NextToCheckResponse = z.infer<typeof NextToCheckResponse>;
export type NominationResponse = z.infer<typeof NominationResponse>;
export type NominationListResponse = z.infer<typeof NominationListResponse>;
export type QuotaDashboardResponse = z.infer<typeof QuotaDashboardResponse>;
export type MissedDeadlineResponse = z.infer<typeof MissedDeadlineResponse>;
export type ForwardResponse = z.infer<typeof ForwardResponse>;
export type RegistryFindingsResponse = z.infer<typeof RegistryFindingsResponse>;
