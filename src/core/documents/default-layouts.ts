/**
 * The default 推介表 layouts, after attachments 1 and 3 of the national 2024 and Jilin 2023 notices:
 * a title, a bordered table with the nominee's details on top, the story (or the project's sections)
 * in the middle, and the recommending unit's opinion with room to sign, date and stamp at the bottom.
 * Labels are the forms' own (STAR_LABELS, PROJECT_LABELS). The title and the attachment number come
 * from the campaign's rules (`forms`), so a new year or province changes data, not this file.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import { PROJECT_LABELS } from '../nomination/forms/project-form.ts';
import { STAR_LABELS } from '../nomination/forms/star-form.ts';
import type { FormLayout, LayoutCell } from './form-layout.ts';

const label = (text: string, span = 1): LayoutCell => ({ label: text, span, kind: 'text' });
const value = (field: string, span = 1): LayoutCell => ({ field, span, kind: 'text' });
const S = (field: string) => STAR_LABELS[field]!;
const P = (field: string) => PROJECT_LABELS[field]!;

const SIGNATURE = { signer: '负责人签字：', seal: '（推荐单位盖章）', date: '年    月    日' };

/** Title and 附件N of a form from the campaign's list of required forms. */
export function formHeading(rules: CampaignRules, formId: string, fallback: string) {
  const form = rules.forms.find((f) => f.id === formId);
  const title = (form?.title ?? fallback).replace(/^《|》$/g, '');
  return { title, attachmentLabel: form?.attachment ? `附件${form.attachment}` : '' };
}

/**
 * 百姓学习之星推介表: seven columns, the last holding the ID photo box beside the first four rows.
 * 性别 and 出生年月 are printed from the 身份证号 (deriveStarIdentity), as the form asks neither.
 */
export function defaultStarLayout(rules: CampaignRules): FormLayout {
  return {
    ...formHeading(rules, 'star.form', '百姓学习之星推介表'),
    columnWidths: [21, 25, 21, 22, 21, 22, 28],
    rows: [
      {
        cells: [
          label(S('name')),
          value('name'),
          label('性别'),
          value('sex'),
          label('出生年月'),
          value('birthMonth'),
          { label: '照片\n（2寸免冠彩色证件照）', span: 1, rowSpan: 4, kind: 'photo' },
        ],
        minHeightMm: 10,
      },
      {
        cells: [
          label(S('ethnicity')),
          value('ethnicity'),
          label(S('nationality')),
          value('nationality'),
          label(S('politicalStatus')),
          value('politicalStatus'),
        ],
        minHeightMm: 10,
      },
      {
        cells: [label(S('education')), value('education'), label(S('phone')), value('phone', 3)],
        minHeightMm: 10,
      },
      { cells: [label(S('idNumber')), value('idNumber', 5)], minHeightMm: 10 },
      {
        cells: [label(S('workUnit')), value('workUnit', 3), label(S('post')), value('post', 2)],
        minHeightMm: 10,
      },
      { cells: [label(S('address')), value('address', 6)], minHeightMm: 10 },
      {
        cells: [
          label(S('focusGroups')),
          value('focusGroups', 3),
          label(S('isCountyLevelOfficialOrAbove'), 2),
          value('isCountyLevelOfficialOrAbove'),
        ],
        minHeightMm: 10,
      },
      { cells: [label(S('story')), { field: 'story', span: 6, kind: 'paragraph' }], minHeightMm: 110 },
      { cells: [label(S('awards')), { field: 'awards', span: 6, kind: 'paragraph' }], minHeightMm: 30 },
      {
        cells: [label(S('unitOpinion')), { field: 'unitOpinion', span: 6, kind: 'signature' }],
        minHeightMm: 45,
      },
    ],
    signature: SIGNATURE,
  };
}

/** 终身学习品牌项目推介表: four columns, label and value twice; the sections follow 条件3 and 条件4. */
export function defaultProjectLayout(rules: CampaignRules): FormLayout {
  const section = (field: string, minHeightMm: number) => ({
    cells: [label(P(field)), { field, span: 3, kind: 'paragraph' as const }],
    minHeightMm,
  });
  return {
    ...formHeading(rules, 'project.form', '终身学习品牌项目推介表'),
    columnWidths: [25, 31, 25, 31],
    rows: [
      { cells: [label(P('name')), value('name', 3)], minHeightMm: 10 },
      { cells: [label(P('entityName')), value('entityName', 3)], minHeightMm: 10 },
      {
        cells: [label(P('entityType')), value('entityType'), label(P('creditCode')), value('creditCode')],
        minHeightMm: 10,
      },
      {
        cells: [label(P('startDate')), value('startDate'), label('信用记录'), value('creditRecord')],
        minHeightMm: 10,
      },
      {
        cells: [
          label(P('participationsOffline')),
          value('participationsOffline'),
          label(P('participationsOnline')),
          value('participationsOnline'),
        ],
        minHeightMm: 10,
      },
      {
        cells: [
          label(P('contactName')),
          value('contactName'),
          label(P('contactPhone')),
          value('contactPhone'),
        ],
        minHeightMm: 10,
      },
      section('content', 50),
      {
        cells: [
          label(P('measures')),
          {
            span: 3,
            kind: 'paragraph',
            parts: ['site', 'funding', 'team'].map((part) => ({
              label: P(`measures.${part}`),
              field: `measures.${part}`,
            })),
          },
        ],
        minHeightMm: 40,
      },
      section('results', 40),
      // No 工作总结 here: the notices ask for it as a document of its own, beside the 推介表.
      {
        cells: [label(P('unitOpinion')), { field: 'unitOpinion', span: 3, kind: 'signature' }],
        minHeightMm: 45,
      },
    ],
    signature: SIGNATURE,
  };
}

export function defaultFormLayout(category: Category, rules: CampaignRules): FormLayout {
  return category === 'star' ? defaultStarLayout(rules) : defaultProjectLayout(rules);
}
