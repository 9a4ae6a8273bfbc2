/**
 * A nomination's documents as the single downloads and the submission package both make them, so a
 * form in the package is byte for byte the form a unit downloads: the campaign's layout, the snapshot
 * of a submitted nomination (what was checked and hashed), the content hash in the footer.
 */
import type { CampaignRules, Category } from '#core/campaign/rules.ts';
import {
  campaignFormLayout,
  formValues,
  type RegistrationEntry,
  type RegistrationSheet,
  registrationSheet,
  type ValueOptions,
} from '#core/documents/index.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';
import type { NominationRow } from '../nominations/queries.ts';

/** A submitted nomination prints its snapshot; a draft its current form. */
export const printedForm = (n: Pick<NominationRow, 'snapshot' | 'form'>) => n.snapshot ?? n.form;

export function nominationValues(n: NominationRow, options: ValueOptions) {
  return formValues(n.category, printedForm(n), options);
}

/** Everything a printed form is drawn from: the campaign's layout, the values, the footer. */
export function formInputs(n: NominationRow, rules: CampaignRules, options: ValueOptions) {
  return {
    layout: campaignFormLayout(n.category, rules),
    values: nominationValues(n, options),
    // The first 16 hex digits are enough for a person comparing paper with the screen.
    footerNote: n.contentHash ? `内容校验码 ${n.contentHash.slice(0, 16)}` : '草稿（尚未提交）',
  };
}

export async function nominationDocx(n: NominationRow, rules: CampaignRules, options: ValueOptions) {
  const { layout, values, footerNote } = formInputs(n, rules, options);
  const body = await renderFormDocx(layout, values, { footerNote });
  return { layout, values, body };
}

/** 推介登记表 sheets of one category, one per unit, in the order the rows come (by unit). */
export function registrationSheets(
  rows: readonly NominationRow[],
  category: Category,
  rules: CampaignRules,
  options: (n: NominationRow) => ValueOptions,
): RegistrationSheet[] {
  const units = new Map<string, { unitName: string; entries: RegistrationEntry[] }>();
  for (const n of rows) {
    const unit = units.get(n.unitId) ?? { unitName: n.unitName, entries: [] };
    unit.entries.push({
      id: n.id,
      rank: n.rank ?? 0,
      special: n.special,
      values: formValues(category, printedForm(n), options(n)),
    });
    units.set(n.unitId, unit);
  }
  return [...units.values()].map((u) =>
    registrationSheet(u.entries, { category, rules, unitName: u.unitName }),
  );
}
