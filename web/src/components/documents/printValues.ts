/**
 * A nomination as the print view prints it: the display values core builds for the DOCX, and the
 * footnote that ties paper to the online record (the first 16 hex digits of the content hash, as the
 * DOCX footer has them). The server has already masked the ID number and phone for a caller who may
 * not see them (PIPL), so values are printed as received, never unmasked here.
 */
import type { Category } from '#core/campaign/rules.ts';
import { type FormValues, formValues } from '#core/documents/index.ts';
import type { Nomination } from '#web/api/nominations.ts';

export function printValues(n: Pick<Nomination, 'category' | 'form'>): FormValues {
  return formValues(n.category as Category, n.form, { maskPersonalData: false });
}

/**
 * A returned nomination keeps the hash of what was submitted before while the unit edits it, so the
 * hash is printed only while the form is the submitted one (not draft, not returned).
 */
export function printFootnote(n: Pick<Nomination, 'contentHash' | 'state'>): string {
  if (n.state === 'returned') return '退回修改中（尚未重新提交）';
  return n.contentHash && n.state !== 'draft'
    ? `内容校验码 ${n.contentHash.slice(0, 16)}`
    : '草稿（尚未提交）';
}
