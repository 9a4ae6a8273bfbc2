/**
 * Official documents of a nomination and of a unit's table. Who may see what is the nominations
 * module's business: this module asks its service (visibleNomination, listVisibleNominations) and its
 * rules, never its queries. A submitted nomination prints its snapshot, the content that was checked
 * and hashed, so the stamped paper copy matches what the organiser holds online.
 */
import type { Category } from '../../../core/campaign/rules.ts';
import {
  defaultFormLayout,
  formFileName,
  formValues,
  type RegistrationEntry,
  registrationSheet,
  safeFileName,
} from '../../../core/documents/index.ts';
import { QUOTA_STATES } from '../../../core/nomination/states.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { convertToPdf, findSoffice, pdfUnavailable } from '../../platform/documents/convert-to-pdf.ts';
import { renderFormDocx } from '../../platform/documents/render-form-docx.ts';
import { renderRegistrationXlsx } from '../../platform/documents/render-registration-xlsx.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { nominationRules } from '../nominations/rules.ts';
import { listVisibleNominations, visibleNomination } from '../nominations/service.ts';

export interface DocumentFile {
  fileName: string;
  body: Buffer;
}

const printedForm = (n: NominationRow) => n.snapshot ?? n.form;
const valueOptions = (actor: Actor, n: NominationRow) => ({
  maskPersonalData: !nominationRules.can(actor, 'seeIdentity', n),
});

/** The 推介表 of one nomination as DOCX, or as PDF when the server has LibreOffice. */
export async function nominationForm(
  db: Db,
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
): Promise<DocumentFile> {
  // Refused before any work: a server without LibreOffice says so at once.
  if (format === 'pdf' && !findSoffice()) throw pdfUnavailable();
  const n = await visibleNomination(db, actor, id);
  const campaign = await visibleCampaign(db, actor, n.campaignId);
  const category = n.category as Category;
  const layout = defaultFormLayout(category, campaign.rules);
  const values = formValues(category, printedForm(n), valueOptions(actor, n));
  const docx = await renderFormDocx(layout, values, {
    // The first 16 hex digits are enough for a person comparing paper with the screen.
    footerNote: n.contentHash ? `内容校验码 ${n.contentHash.slice(0, 16)}` : '草稿（尚未提交）',
  });
  const body = format === 'pdf' ? await convertToPdf(docx, 'form.docx') : docx;
  // PIPL: a form carries the nominee's ID number and phone; who took a copy is kept.
  await recordAudit(db, actor, {
    action: 'document.downloaded',
    entityType: 'nomination',
    entityId: n.id,
    scopePath: n.unitPath,
    after: { document: 'form', format },
  });
  return { fileName: formFileName(layout.title, values.name ?? '', format), body };
}

/**
 * The 推介登记表 of a category: a unit gets its own; an organiser the unit it names, or every unit's,
 * one sheet each. Only nominations holding a quota place are listed, as in the unit's own table.
 */
export async function registrationTable(
  db: Db,
  actor: Actor,
  input: { campaignId: string; category: Category; unitId?: string },
): Promise<DocumentFile> {
  const campaign = await visibleCampaign(db, actor, input.campaignId);
  const rows = (await listVisibleNominations(db, actor, input)).filter((n) =>
    QUOTA_STATES.has(n.state as never),
  );
  const units = new Map<string, { unitName: string; entries: RegistrationEntry[] }>();
  for (const n of rows) {
    const unit = units.get(n.unitId) ?? { unitName: n.unitName, entries: [] };
    unit.entries.push({
      id: n.id,
      rank: n.rank ?? 0,
      special: n.special,
      values: formValues(input.category, printedForm(n), valueOptions(actor, n)),
    });
    units.set(n.unitId, unit);
  }
  const context = { category: input.category, rules: campaign.rules };
  const sheets = [...units.values()].map((u) =>
    registrationSheet(u.entries, { ...context, unitName: u.unitName }),
  );
  if (sheets.length === 0) sheets.push(registrationSheet([], { ...context, unitName: '' }));
  const body = await renderRegistrationXlsx(sheets);
  await recordAudit(db, actor, {
    action: 'document.downloaded',
    entityType: 'campaign',
    entityId: campaign.id,
    scopePath: actor.organisationPath,
    after: { document: 'registration', category: input.category, unitId: input.unitId, count: rows.length },
  });
  const who = units.size === 1 ? [...units.values()][0]!.unitName : units.size > 1 ? '各报送单位' : '';
  const title = `${campaign.rules.year}年${sheets[0]!.title}`;
  return { fileName: safeFileName(who ? `${title}-${who}` : title, 'xlsx'), body };
}
