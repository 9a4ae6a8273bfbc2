/**
 * What the print view takes from the campaign's rules: the 推介表 layout (core's campaignFormLayout,
 * the same choice the DOCX makes: the campaign's own when valid, else the built-in one after the
 * notices' attachments) and the number of stamped paper copies of each form (一式N份, `forms[].paperCopies`).
 */
import type { CampaignRules } from '#core/campaign/rules.ts';

export { campaignFormLayout as printLayout } from '#core/documents/index.ts';

/** 一式N份 of a form (`star.form`, `project.registration`…): at least one, at most ten. */
export function paperCopies(rules: CampaignRules, formId: string): number {
  const copies = rules.forms.find((f) => f.id === formId)?.paperCopies ?? 1;
  return Number.isInteger(copies) ? Math.min(Math.max(copies, 1), 10) : 1;
}
