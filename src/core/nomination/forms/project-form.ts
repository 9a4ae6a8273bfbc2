/**
 * The 终身学习品牌项目推介表 (attachment 3 of both notices) as data: the sections follow 条件3 and 条件4
 * of the notices (项目名称、活动内容与形式、具体措施与保障、取得的成效与影响; 场所、经费、队伍). The ceilings
 * here are generous bounds of about a printed page or two per section, not targets.
 *
 * The 工作总结 (1500字左右) is not part of the 推介表: the notices ask for it as material of its own, so
 * it is required once, as the document in the material slot (docs/decisions/0007-work-summary-once.md).
 * `workSummary` here is optional text a unit may write on the page and turn into that document; its
 * length is checked (a warning) when it is written.
 */
import { z } from 'zod';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import type { ProjectEligibilityInput } from '../eligibility/index.ts';
import { conditionFields, isFilled, missingFieldFindings, type RequiredField, readPath } from './required.ts';
import { count, type FieldLabels, text } from './text.ts';

export const PROJECT_LIMITS = {
  name: 100,
  entityName: 100,
  creditCode: 30,
  startDate: 10,
  content: 3000,
  measure: 1000,
  results: 3000,
  contactName: 50,
  contactPhone: 30,
  workSummary: 5000,
  unitOpinion: 1000,
  creditCheckedOn: 10,
} as const;

/** 在我国境内依法注册或登记的企业、事业单位、机关、社会组织及其他组织 (both notices). */
export const ENTITY_TYPES = ['企业', '事业单位', '机关', '社会组织', '其他组织'] as const;

export const PROJECT_LABELS: FieldLabels = {
  name: '项目名称',
  entityName: '实施主体',
  entityType: '实施主体类型',
  creditCode: '统一社会信用代码',
  startDate: '项目启动或创建时间',
  participationsOffline: '年参与学习人次（线下）',
  participationsOnline: '年参与学习人次（线上）',
  content: '活动内容与形式',
  measures: '具体措施与保障',
  'measures.site': '学习场所',
  'measures.funding': '经费保障',
  'measures.team': '队伍建设',
  results: '取得的成效与影响',
  contactName: '联系人',
  contactPhone: '联系电话',
  workSummary: '工作总结',
  unitOpinion: '推荐单位意见',
  attestations: '推介单位承诺',
  'attestations.conditions': '推介条件确认',
  'attestations.creditRecord': '已查询实施主体在“国家企业信用信息公示系统”或“信用中国”中无不良记录',
  'attestations.creditCheckedOn': '信用记录查询日期',
};

const L = PROJECT_LIMITS;
const label = (path: string) => PROJECT_LABELS[path]!;
const paragraphs = (path: string, max: number) => text(label(path), max, { multiline: true }).optional();

export const projectFormSchema = z.strictObject({
  name: text(label('name'), L.name, { name: true }).optional(),
  entityName: text(label('entityName'), L.entityName, { name: true }).optional(),
  entityType: z.enum(ENTITY_TYPES).nullable().optional(),
  creditCode: text(label('creditCode'), L.creditCode).optional(),
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  startDate: text(label('startDate'), L.startDate).optional(),
  participationsOffline: count(label('participationsOffline')).optional(),
  participationsOnline: count(label('participationsOnline')).optional(),
  content: paragraphs('content', L.content),
  measures: z
    .strictObject({
      site: paragraphs('measures.site', L.measure),
      funding: paragraphs('measures.funding', L.measure),
      team: paragraphs('measures.team', L.measure),
    })
    .optional(),
  results: paragraphs('results', L.results),
  contactName: text(label('contactName'), L.contactName, { name: true }).optional(),
  contactPhone: text(label('contactPhone'), L.contactPhone).optional(),
  workSummary: paragraphs('workSummary', L.workSummary),
  unitOpinion: paragraphs('unitOpinion', L.unitOpinion),
  attestations: z
    .strictObject({
      conditions: z.array(z.boolean()).max(20).optional(),
      creditRecord: z.boolean().optional(),
      /** YYYY-MM-DD */
      creditCheckedOn: text(label('attestations.creditCheckedOn'), L.creditCheckedOn).optional(),
    })
    .optional(),
});

export type ProjectForm = z.infer<typeof projectFormSchema>;

const PROJECT_REQUIRED: RequiredField[] = [
  { path: 'name', label: '项目名称', kind: 'text' },
  { path: 'entityName', label: '实施主体', kind: 'text' },
  { path: 'creditCode', label: '统一社会信用代码', kind: 'text' },
  { path: 'startDate', label: '项目启动或创建时间', kind: 'text' },
  { path: 'content', label: '活动内容与形式', kind: 'text' },
  { path: 'measures.site', label: '学习场所', kind: 'text' },
  { path: 'measures.funding', label: '经费保障', kind: 'text' },
  { path: 'measures.team', label: '队伍建设', kind: 'text' },
  { path: 'results', label: '取得的成效与影响', kind: 'text' },
  { path: 'contactName', label: '联系人', kind: 'text' },
  { path: 'contactPhone', label: '联系电话', kind: 'text' },
  { path: 'unitOpinion', label: '推荐单位意见', kind: 'text' },
];

/** Missing required fields; of the two participation counts one suffices, as in the notices. */
export function projectCompletenessFindings(form: unknown, rules: CampaignRules): Finding[] {
  const findings = missingFieldFindings(form, [
    ...PROJECT_REQUIRED,
    ...conditionFields(rules.eligibility.project.conditions, 'attestations.conditions'),
    { path: 'attestations.creditRecord', label: label('attestations.creditRecord'), kind: 'confirm' },
    { path: 'attestations.creditCheckedOn', label: '信用记录查询日期', kind: 'text' },
  ]);
  if (
    !isFilled(readPath(form, 'participationsOffline')) &&
    !isFilled(readPath(form, 'participationsOnline'))
  ) {
    findings.push(
      ...missingFieldFindings(form, [
        { path: 'participationsOffline', label: '年参与学习人次（线下或线上至少填写一项）', kind: 'text' },
      ]),
    );
  }
  return findings;
}

/** The existing eligibility input; the registry match reports previous winners (see star-form.ts). */
export function toProjectEligibilityInput(form: ProjectForm): Omit<ProjectEligibilityInput, 'today'> {
  return {
    programmeName: form.name ?? '',
    entity: { name: form.entityName ?? '', creditCode: form.creditCode ?? '' },
    creditRecord: {
      attested: form.attestations?.creditRecord === true,
      checkedOn: form.attestations?.creditCheckedOn ?? '',
    },
    startDate: form.startDate ?? '',
    participationsOffline: form.participationsOffline ?? null,
    participationsOnline: form.participationsOnline ?? null,
    workSummary: form.workSummary ?? '',
    conditionsAttested: form.attestations?.conditions ?? [],
    previousWinner: false,
  };
}

/** Eligibility's field names → this form's paths. */
export const PROJECT_ELIGIBILITY_FIELDS: Record<string, string> = {
  programmeName: 'name',
  'entity.name': 'entityName',
  'entity.creditCode': 'creditCode',
  'creditRecord.attested': 'attestations.creditRecord',
  'creditRecord.checkedOn': 'attestations.creditCheckedOn',
  conditionsAttested: 'attestations.conditions',
};
