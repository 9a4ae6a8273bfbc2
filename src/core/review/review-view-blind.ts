/**
 * The nomination's form as an expert sees it on the scoring screen. The round's blind fields (盲评) are
 * removed, not blanked, so nothing of them reaches the browser; the response lists what was hidden so the
 * screen can say so. Whatever is not hidden is still personal data an expert has no need to read whole
 * (PIPL): ID numbers, phones and addresses are masked. The frozen file list of the snapshot is the files' business.
 */
import type { Category } from '../campaign/rules.ts';
import { concealValue, isPersonalField } from '../identity/personal-fields.ts';
import type { BlindField } from './round-states.ts';

/** The form fields each blind field removes, per category (star-form.ts, project-form.ts). */
export const BLIND_FORM_FIELDS: Record<BlindField, Record<Category, readonly string[]>> = {
  // 推荐单位意见 is signed by the nominating unit and names it.
  unit: { star: ['unitOpinion'], project: ['unitOpinion'] },
  contacts: { star: ['phone', 'address'], project: ['contactName', 'contactPhone'] },
  idNumbers: { star: ['idNumber'], project: [] },
};

/** Keys of the snapshot that are not the form. */
const NOT_FORM = ['materials'];

export function blindForm(
  category: Category,
  form: Readonly<Record<string, unknown>>,
  hidden: readonly BlindField[],
): Record<string, unknown> {
  const removed = new Set([...NOT_FORM, ...hidden.flatMap((field) => BLIND_FORM_FIELDS[field][category])]);
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (removed.has(key)) continue;
    // Sealed at rest: the envelope's own mask, without the key (core/identity/personal-fields.ts).
    shown[key] = isPersonalField(key) ? concealValue(key, value) : value;
  }
  return shown;
}
