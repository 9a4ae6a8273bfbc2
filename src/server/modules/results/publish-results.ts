/**
 * 公布结果: the organiser publishes the approved list as the result notice in the organisers' names. The
 * documents (DOCX, PDF when LibreOffice is installed, the XLSX of the list) are made and stored first, out
 * of the transaction (a PDF takes seconds); then, in one transaction with the campaign locked and the
 * preconditions checked again, the campaign moves 已审定 → 已公布 through the one campaign transition, the
 * notice is written with its list frozen, every winner enters the previous-winners registry, and it is all
 * audited. Refused, nothing is stored: the files made for it are removed again.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { todayInShanghai } from '#core/calendar/today.ts';
import { noticeBody, noticeIssuers, noticeSignature, noticeTitle } from '#core/results/notice-text.ts';
import { publicationRefusal } from '#core/results/publication-preconditions.ts';
import { resultSections } from '#core/results/result-list.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { convertToPdf, findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { applyCampaignTransition } from '../campaigns/transition-campaign.ts';
import { renderNoticeDocx, renderResultXlsx } from './notice-documents.ts';
import { findAnnouncementOf, findNoticeOf, objectionCounts, winnersOf } from './queries.ts';
import { enterRegistry } from './registry-entries.ts';
import { candidateOf } from './result-candidates.ts';
import { resultsRules } from './rules.ts';

const WINNER_STATES = ['selected', 'forwarded'] as const;

async function refuseUnlessPublishable(db: Db | Trx, campaign: CampaignRow) {
  const refusal = publicationRefusal({
    campaignStatus: campaign.status,
    published: (await findNoticeOf(db, campaign.id)) !== undefined,
  });
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** The notice as it will be published: its text and its list in the official order. */
export async function draftNotice(db: Db | Trx, campaign: CampaignRow, day: string) {
  const [winners, announcement] = await Promise.all([
    winnersOf(db, campaign.id, WINNER_STATES),
    findAnnouncementOf(db, campaign.id),
  ]);
  const objections = await objectionCounts(db, announcement?.id ?? null);
  const sections = resultSections(winners.map(candidateOf));
  const issuers = noticeIssuers({
    level: campaign.level,
    organiserName: campaign.organiserName,
    publishers: campaign.rules.publishers,
  });
  const title = noticeTitle(campaign.year);
  const body = noticeBody({
    year: campaign.year,
    level: campaign.level,
    venue: campaign.rules.announcement.venue,
    announcedFrom: announcement?.startDay ?? null,
    announcedTo: announcement?.endDay ?? null,
    issuers,
    sections,
    objections: { total: objections.total, upheld: objections.upheld },
    day,
  });
  return { winners, sections, issuers, title, body };
}

async function pdfOf(docx: Buffer): Promise<Buffer | null> {
  if (!findSoffice()) return null;
  try {
    return await convertToPdf(docx, 'notice.docx');
  } catch {
    // A failed conversion leaves the PDF out (the DOCX prints the same); it never stops the publication.
    return null;
  }
}

export async function publishResults(
  context: Pick<AppContext, 'db' | 'jobs' | 'clock' | 'storage'>,
  actor: Actor,
  campaignId: string,
  input: { docNumber: string },
) {
  const { db, jobs, clock, storage } = context;
  const now = clock.now();
  const day = todayInShanghai(now);
  const docNumber = input.docNumber.trim();
  const early = await visibleCampaign(db, actor, campaignId);
  resultsRules.authorize(actor, 'publish', early);
  await refuseUnlessPublishable(db, early);

  const draft = await draftNotice(db, early, day);
  const attachmentTitle = `${early.year}年“百姓学习之星”和“终身学习品牌项目”推介结果名单`;
  const docx = await renderNoticeDocx({
    title: draft.title,
    docNumber,
    body: draft.body,
    signature: noticeSignature(draft.issuers, day),
    attachmentTitle,
    sections: draft.sections,
  });
  const [pdf, xlsx] = await Promise.all([pdfOf(docx), renderResultXlsx(attachmentTitle, draft.sections)]);
  const base = `results/${early.id}/${randomUUID()}`;
  const keys = { docx: `${base}.docx`, pdf: pdf ? `${base}.pdf` : null, xlsx: `${base}.xlsx` };
  await storage.write(keys.docx, Readable.from([docx]));
  if (pdf && keys.pdf) await storage.write(keys.pdf, Readable.from([pdf]));
  await storage.write(keys.xlsx, Readable.from([xlsx]));

  try {
    return await db.transaction().execute(async (trx) => {
      const campaign = await visibleCampaign(trx, actor, campaignId, true);
      resultsRules.authorize(actor, 'publish', campaign);
      await refuseUnlessPublishable(trx, campaign);
      // The list as it stands under the lock: the documents were made from the same, or start again.
      const winners = await winnersOf(trx, campaign.id, WINNER_STATES);
      const ids = (list: readonly { id: string }[]) =>
        list
          .map((w) => w.id)
          .sort()
          .join(',');
      if (ids(winners) !== ids(draft.winners))
        throw new AppError('STALE_VERSION', '入选名单刚刚发生变化，请刷新后重新公布。');
      await applyCampaignTransition(trx, actor, campaign, 'published', jobs, now);
      const entries = draft.sections.flatMap((s) => s.entries);
      const notice = await trx
        .insertInto('resultNotices')
        .values({
          campaignId: campaign.id,
          organisationId: campaign.organiserId,
          year: campaign.year,
          title: draft.title,
          docNumber,
          issuers: draft.issuers,
          body: draft.body,
          entries: JSON.stringify(
            entries.map((e) => ({
              category: e.category,
              section: e.section,
              number: e.number,
              name: e.name,
              unit: e.unit,
              entity: e.entity,
              special: e.special,
              province: e.province,
            })),
          ),
          docxKey: keys.docx,
          pdfKey: keys.pdf,
          xlsxKey: keys.xlsx,
          publishedBy: actor.accountId,
          publishedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const registry = await enterRegistry(trx, campaign, winners, actor, day);
      await recordAudit(trx, actor, {
        action: 'results.published',
        entityType: 'campaign',
        entityId: campaign.id,
        scopePath: campaign.organiserPath,
        before: { status: campaign.status },
        after: {
          status: 'published',
          noticeId: notice.id,
          title: draft.title,
          docNumber,
          issuers: draft.issuers,
          winners: entries.length,
          registryEntered: registry.entered,
          registryLinked: registry.linked,
          pdf: keys.pdf !== null,
        },
      });
      return { noticeId: notice.id, winners: entries.length, registry, pdf: keys.pdf !== null };
    });
  } catch (error) {
    await Promise.all(
      [keys.docx, keys.pdf, keys.xlsx].flatMap((k) => (k ? [storage.remove(k).catch(() => {})] : [])),
    );
    throw error;
  }
}
