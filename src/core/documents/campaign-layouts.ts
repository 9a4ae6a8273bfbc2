/**
 * The 推介表 layout a campaign prints with: its own (`rules.documents`) when it has one that holds
 * together, else the built-in one. An organiser's layout is judged by documentFindings when the rules
 * are saved; a broken one never reaches a renderer, it falls back to the built-in layout instead.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import { error, type Finding } from '../findings.ts';
import { defaultFormLayout } from './default-layouts.ts';
import { type FormLayout, layoutProblems } from './form-layout.ts';
import { projectFormValues, starFormValues } from './form-values.ts';

const LAYOUT_KEY = { star: 'starForm', project: 'projectForm' } as const;
const FORM_NAME = { star: '百姓学习之星推介表', project: '终身学习品牌项目推介表' } as const;

export function campaignFormLayout(category: Category, rules: CampaignRules): FormLayout {
  const own = rules.documents?.[LAYOUT_KEY[category]];
  return own && layoutProblems(own).length === 0 ? own : defaultFormLayout(category, rules);
}

/** The value keys a layout may print: exactly what form-values.ts produces for the category. */
export function printableFields(category: Category): Set<string> {
  const values =
    category === 'star'
      ? starFormValues({}, { maskPersonalData: false })
      : projectFormValues({}, { maskPersonalData: false });
  return new Set(Object.keys(values));
}

function layoutFindings(category: Category, layout: FormLayout): Finding[] {
  const field = `documents.${LAYOUT_KEY[category]}`;
  const name = `活动自定的${FORM_NAME[category]}样式`;
  const findings = layoutProblems(layout).map((problem) =>
    error('FORM_LAYOUT_GRID', field, `${name}${problem}请调整跨列数或列数，否则将使用平台默认样式。`),
  );
  const known = printableFields(category);
  const used = layout.rows.flatMap((row) =>
    row.cells.flatMap((cell) => [
      ...(cell.field ? [cell.field] : []),
      ...(cell.parts ?? []).map((p) => p.field),
    ]),
  );
  for (const key of [...new Set(used)].filter((k) => !known.has(k))) {
    findings.push(
      error(
        'FORM_LAYOUT_UNKNOWN_FIELD',
        field,
        `${name}中的字段“${key}”不存在，打印出来会是空格。请改为以下之一：${[...known].join('、')}。`,
      ),
    );
  }
  return findings;
}

/** Findings about `rules.documents`, for the rules editor (parseCampaignRules runs it). */
export function documentFindings(rules: Pick<CampaignRules, 'documents'>): Finding[] {
  const findings: Finding[] = [];
  for (const category of ['star', 'project'] as const) {
    const layout = rules.documents?.[LAYOUT_KEY[category]];
    if (layout) findings.push(...layoutFindings(category, layout));
  }
  return findings;
}
