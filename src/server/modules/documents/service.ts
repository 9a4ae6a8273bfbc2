/**
 * Official documents of a nomination and of a unit's table. Who may see what is the nominations
 * module's business: this module asks its service (visibleNomination, listVisibleNominations) and its
 * rules, never its queries. A submitted nomination prints its snapshot, the content that was checked
 * and hashed, so the stamped paper copy matches what the organiser holds online.
 */
import type { Category } from '#core/campaign/rules.ts';
import { formFileName, registrationSheet, safeFileName } from '#core/documents/index.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { convertToPdf, findSoffice, pdfUnavailable } from '#server/platform/documents/convert-to-pdf.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';
import { renderRegistrationXlsx } from '#server/platform/documents/render-registration-xlsx.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { nominationRules } from '../nominations/rules.ts';
import { listVisibleNominations, visibleNomination } from '../nominations/service.ts';
import { cachedFormPdf, formPdfKey } from './form-pdf-cache.ts';
import { formInputs, registrationSheets } from './nomination-documents.ts';

export interface DocumentFile {
  fileName: string;
  body: Buffer;
}

const valueOptions = (actor: Actor) => (n: NominationRow) => ({
  maskPersonalData: !nominationRules.can(actor, 'seeIdentity', n),
});

/**
 * The 推介表 of one nomination as DOCX, or as PDF when the server has LibreOffice. A submitted form's PDF
 * is made once and then read from storage; the caller's own conversions are limited (PDF_BUSY).
 */
export async function nominationForm(
  context: { db: Db; storage: Storage },
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
): Promise<DocumentFile> {
  const { db, storage } = context;
  // Refused before any work: a server without LibreOffice says so at once.
  if (format === 'pdf' && !findSoffice()) throw pdfUnavailable();
  const n = await visibleNomination(db, actor, id);
  const campaign = await visibleCampaign(db, actor, n.campaignId);
  const inputs = formInputs(n, campaign.rules, valueOptions(actor)(n));
  const docx = () => renderFormDocx(inputs.layout, inputs.values, { footerNote: inputs.footerNote });
  const pdf = async () =>
    convertToPdf(await docx(), 'form.docx', { lane: 'interactive', owner: actor.accountId });
  const body =
    format === 'docx'
      ? await docx()
      : n.contentHash
        ? await cachedFormPdf(storage, formPdfKey(inputs), pdf)
        : await pdf();
  // PIPL: a form carries the nominee's ID number and phone; who took a copy is kept.
  await recordAudit(db, actor, {
    action: 'document.downloaded',
    entityType: 'nomination',
    entityId: n.id,
    scopePath: n.unitPath,
    after: { document: 'form', format },
  });
  return { fileName: formFileName(inputs.layout.title, inputs.values.name ?? '', format), body };
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
  const rows = (await listVisibleNominations(db, actor, campaign, input)).filter((n) =>
    QUOTA_STATES.has(n.state),
  );
  const sheets = registrationSheets(rows, input.category, campaign.rules, valueOptions(actor));
  const context = { category: input.category, rules: campaign.rules };
  if (sheets.length === 0) sheets.push(registrationSheet([], { ...context, unitName: '' }));
  const body = await renderRegistrationXlsx(sheets);
  await recordAudit(db, actor, {
    action: 'document.downloaded',
    entityType: 'campaign',
    entityId: campaign.id,
    scopePath: actor.organisationPath,
    after: { document: 'registration', category: input.category, unitId: input.unitId, count: rows.length },
  });
  const units = new Set(rows.map((n) => n.unitName));
  const who = units.size === 1 ? [...units][0]! : units.size > 1 ? '各报送单位' : '';
  const title = `${campaign.rules.year}年${sheets[0]!.title}`;
  return { fileName: safeFileName(who ? `${title}-${who}` : title, 'xlsx'), body };
}
