/**
 * What the print view takes from the campaign's rules: the 推介表 layout (the campaign's own when its
 * rules carry a valid one, else the default after the notices' attachments, exactly as the DOCX is
 * built) and the number of stamped paper copies each form is printed in (一式N份, `forms[].paperCopies`).
 */
import type { CampaignRules, Category } from '../../../../src/core/campaign/rules.ts';
import { defaultFormLayout, type FormLayout, layoutProblems } from '../../../../src/core/documents/index.ts';

const LAYOUT_KEY = { star: 'starForm', project: 'projectForm' } as const;

/** The layout the server prints too; a broken override falls back to the default rather than a broken page. */
export function printLayout(category: Category, rules: CampaignRules): FormLayout {
  const documents = (rules as { documents?: Partial<Record<string, FormLayout>> }).documents;
  const own = documents?.[LAYOUT_KEY[category]];
  return own && layoutProblems(own).length === 0 ? own : defaultFormLayout(category, rules);
}

/** 一式N份 of a form (`star.form`, `project.registration`…): at least one, at most ten. */
export function paperCopies(rules: CampaignRules, formId: string): number {
  const copies = rules.forms.find((f) => f.id === formId)?.paperCopies ?? 1;
  return Number.isInteger(copies) ? Math.min(Math.max(copies, 1), 10) : 1;
}
