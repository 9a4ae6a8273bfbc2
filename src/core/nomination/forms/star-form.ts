/**
 * The 百姓学习之星推介表 (attachment 1 of both notices) as data. Field bounds follow the paper form:
 * short boxes for personal details, a page or two for 主要事迹. The notices set no length for 主要事迹,
 * so 5,000 characters is a ceiling (about three printed pages), not a target. 性别 and 出生年月 are not
 * asked: they are read from the 身份证号 (deriveStarIdentity), so they can never disagree with it.
 */
import { z } from 'zod';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import { parseIdNumber, type Sex } from '#core/identity/index.ts';
import type { StarEligibilityInput } from '../eligibility/index.ts';
import { conditionFields, missingFieldFindings, type RequiredField } from './required.ts';
import { type FieldLabels, text } from './text.ts';

/** Maximum characters per field. */
export const STAR_LIMITS = {
  name: 50,
  idNumber: 30,
  ethnicity: 20,
  nationality: 20,
  politicalStatus: 20,
  education: 30,
  workUnit: 100,
  post: 50,
  phone: 30,
  address: 200,
  focusGroup: 20,
  story: 5000,
  awards: 2000,
  unitOpinion: 1000,
} as const;

export const STAR_LABELS: FieldLabels = {
  name: '姓名',
  idNumber: '身份证号',
  ethnicity: '民族',
  nationality: '国籍',
  politicalStatus: '政治面貌',
  education: '文化程度',
  workUnit: '工作单位',
  post: '职务或职业',
  phone: '联系电话',
  address: '通讯地址',
  isCountyLevelOfficialOrAbove: '是否县处级及以上领导干部',
  focusGroups: '所属群体',
  story: '主要事迹',
  awards: '获奖情况',
  unitOpinion: '推荐单位意见',
  attestations: '推介单位承诺',
  'attestations.conditions': '推介条件确认',
  'attestations.noMisconduct': '推介对象无违法违纪等不良行为记录',
};

const L = STAR_LIMITS;
const label = (path: string) => STAR_LABELS[path]!;

export const starFormSchema = z.strictObject({
  name: text(label('name'), L.name, { name: true }).optional(),
  idNumber: text(label('idNumber'), L.idNumber).optional(),
  ethnicity: text(label('ethnicity'), L.ethnicity).optional(),
  nationality: text(label('nationality'), L.nationality).optional(),
  politicalStatus: text(label('politicalStatus'), L.politicalStatus).optional(),
  education: text(label('education'), L.education).optional(),
  workUnit: text(label('workUnit'), L.workUnit).optional(),
  post: text(label('post'), L.post).optional(),
  phone: text(label('phone'), L.phone).optional(),
  address: text(label('address'), L.address).optional(),
  isCountyLevelOfficialOrAbove: z.boolean().nullable().optional(),
  // The campaign's focus groups are checked by eligibility; here only a bound on the list.
  focusGroups: z
    .array(text(label('focusGroups'), L.focusGroup))
    .max(10)
    .optional(),
  story: text(label('story'), L.story, { multiline: true }).optional(),
  awards: text(label('awards'), L.awards, { multiline: true }).optional(),
  unitOpinion: text(label('unitOpinion'), L.unitOpinion, { multiline: true }).optional(),
  attestations: z
    .strictObject({
      conditions: z.array(z.boolean()).max(20).optional(),
      noMisconduct: z.boolean().optional(),
    })
    .optional(),
});

export type StarForm = z.infer<typeof starFormSchema>;

const STAR_REQUIRED: RequiredField[] = [
  { path: 'name', label: '姓名', kind: 'text' },
  { path: 'idNumber', label: '身份证号', kind: 'text' },
  { path: 'ethnicity', label: '民族', kind: 'text' },
  { path: 'nationality', label: '国籍', kind: 'text' },
  { path: 'politicalStatus', label: '政治面貌', kind: 'choice' },
  { path: 'education', label: '文化程度', kind: 'choice' },
  // Retired people and farmers write 退休 or the village; the box is never left empty on paper.
  { path: 'workUnit', label: '工作单位', kind: 'text' },
  { path: 'phone', label: '联系电话', kind: 'text' },
  { path: 'address', label: '通讯地址', kind: 'text' },
  { path: 'story', label: '主要事迹', kind: 'text' },
  { path: 'unitOpinion', label: '推荐单位意见', kind: 'text' },
];

/**
 * Missing required fields, each named in Chinese. 职务, 获奖情况 and 所属群体 are optional here:
 * many nominees have no post or award, and eligibility warns about a missing focus group.
 */
export function starCompletenessFindings(form: unknown, rules: CampaignRules): Finding[] {
  return missingFieldFindings(form, [
    ...STAR_REQUIRED,
    ...conditionFields(rules.eligibility.star.conditions, 'attestations.conditions'),
    { path: 'attestations.noMisconduct', label: label('attestations.noMisconduct'), kind: 'confirm' },
  ]);
}

/**
 * The existing eligibility input. `previousWinner` is false: the registry match (previous-winners.ts)
 * reports a previous winner itself, with the matching record, so it is not reported twice.
 */
export function toStarEligibilityInput(form: StarForm): StarEligibilityInput {
  return {
    nationality: form.nationality ?? '',
    noMisconductAttested: form.attestations?.noMisconduct === true,
    isCountyLevelOfficialOrAbove: form.isCountyLevelOfficialOrAbove ?? null,
    focusGroups: form.focusGroups ?? [],
    conditionsAttested: form.attestations?.conditions ?? [],
    previousWinner: false,
  };
}

/** Eligibility's field names → this form's paths, so findings land next to the right input. */
export const STAR_ELIGIBILITY_FIELDS: Record<string, string> = {
  conditionsAttested: 'attestations.conditions',
  noMisconductAttested: 'attestations.noMisconduct',
};

export interface StarIdentity {
  sex?: Sex;
  /** 男 / 女, as printed on the form. */
  sexLabel?: '男' | '女';
  /** YYYY-MM-DD */
  birthDate?: string;
}

/** 性别 and 出生日期 read from a valid 身份证号; empty when the number is missing or invalid. */
export function deriveStarIdentity(form: Pick<StarForm, 'idNumber'>, today: string): StarIdentity {
  const raw = typeof form.idNumber === 'string' ? form.idNumber : '';
  if (raw.trim() === '') return {};
  const parsed = parseIdNumber(raw, today);
  if (!parsed.valid) return {};
  return { sex: parsed.sex, sexLabel: parsed.sex === 'male' ? '男' : '女', birthDate: parsed.birthDate };
}
