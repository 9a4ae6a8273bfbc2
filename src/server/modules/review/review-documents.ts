/**
 * The review's documents: an expert's printable 评审表 (JSON for the print page), score sheets per expert
 * (XLSX: every expert for the organiser, one's own for an expert), the ranking with every method (XLSX),
 * and the proposed 拟推介名单 (DOCX, the specials named apart). Each download is audited.
 */
import { formatBeijingDate, formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import type { ScoreSheetResponse } from '#core/contract/review-scoring.ts';
import { rankingTable, scoreSheetTable, shortlistLines } from '#core/review/review-documents.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { REVIEW_STATES } from '#core/review/review-states.ts';
import { RECOMMENDATIONS } from '#core/review/rubric.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import { renderTextDocx } from '#server/platform/documents/render-text-docx.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type CampaignRow, findCampaign } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { categoryRanking } from './ranking-data.ts';
import { rankingPlace } from './ranking-place.ts';
import { chairOf, rankingRules } from './ranking-rules.ts';
import { type ExpertReview, expertReviews } from './review-documents-data.ts';
import type { StoredEntry } from './shortlist-presenter.ts';
import { findProposal } from './shortlist-queries.ts';

export interface DocumentFile {
  fileName: string;
  body: Buffer;
}

async function audited(
  db: Db,
  actor: Actor,
  campaign: CampaignRow,
  entity: { type: 'review_round' | 'shortlist_proposal'; id: string },
  document: string,
) {
  await recordAudit(db, actor, {
    action: 'review.exported',
    entityType: entity.type,
    entityId: entity.id,
    scopePath: campaign.organiserPath,
    after: { campaignId: campaign.id, file: document },
  });
}

function roundOf(db: Db, campaignId: string, roundId: string) {
  return db
    .selectFrom('reviewRounds')
    .selectAll()
    .where('id', '=', roundId)
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
}

/** The expert's own 评审表 of a round, for the print page; 404 when they have nothing to review there. */
export async function getScoreSheet(
  db: Db,
  actor: Actor,
  roundId: string,
  now: Date,
): Promise<ScoreSheetResponse> {
  const round = await db.selectFrom('reviewRounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  const full = round && (await findCampaign(db, round.campaignId));
  const reviews = round && full ? await expertReviews(db, full, round.id, [actor.accountId]) : [];
  if (!round || !full || reviews.length === 0) throw notFound('评审表');
  return {
    campaignTitle: full.title,
    roundName: round.name,
    expertName: actor.displayName,
    printedOn: formatBeijingDate(now),
    items: reviews.map((r) => ({
      nominationId: r.nominationId,
      title: r.title,
      category: r.category,
      categoryLabel: full.rules.categories[r.category].label,
      criteria: r.rubric.criteria.map((c) => ({
        id: c.id,
        label: c.label,
        max: c.max,
        weight: c.weight,
        score: r.scores[c.id] ?? null,
      })),
      total: r.total,
      recommendation: r.recommendation,
      recommendationLabel: r.recommendation ? RECOMMENDATIONS[r.recommendation] : '',
      proposeSpecial: r.proposeSpecial,
      comment: r.comment,
      stateLabel: r.state ? REVIEW_STATES[r.state] : '未评分',
      submittedAt: r.submittedAt ? formatBeijingDateTime(r.submittedAt) : null,
      contentHash: r.contentHash,
    })),
  };
}

/** Score sheets, one sheet per expert: every expert (or the one asked for) for the organiser, one's own for an expert. */
export async function exportScoreSheets(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
  expertId: string | undefined,
): Promise<DocumentFile> {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const round = await roundOf(db, campaign.id, roundId);
  if (!round) throw notFound('评审轮次');
  const organiser = isOrganiserOf(actor, campaign);
  if (!organiser && expertId !== undefined && expertId !== actor.accountId)
    throw forbidden('专家只能导出本人的评分表。');
  const ids = organiser ? (expertId ? [expertId] : undefined) : [actor.accountId];
  const reviews = await expertReviews(db, campaign, round.id, ids);
  if (reviews.length === 0) throw notFound('评分表');
  const byExpert = new Map<string, ExpertReview[]>();
  for (const r of reviews) byExpert.set(r.expertId, [...(byExpert.get(r.expertId) ?? []), r]);
  const tables = [...byExpert.values()].map((mine) =>
    scoreSheetTable(
      { expertName: mine[0]!.expertName, roundName: round.name, campaignTitle: campaign.title },
      mine.map((r) => ({
        title: r.title,
        categoryLabel: campaign.rules.categories[r.category].label,
        criteria: r.rubric.criteria,
        scores: r.scores,
        total: r.total,
        recommendation: r.recommendation,
        proposeSpecial: r.proposeSpecial,
        comment: r.comment,
        state: r.state,
        submittedAt: r.submittedAt ? formatBeijingDateTime(r.submittedAt) : '',
        contentHash: r.contentHash,
      })),
    ),
  );
  const body = await renderTablesXlsx(tables);
  const fileName = `${round.name}专家评分表.xlsx`;
  await audited(db, actor, campaign, { type: 'review_round', id: round.id }, fileName);
  return { fileName, body };
}

/** The ranking of every category the caller may see, every method side by side, one sheet per category. */
export async function exportRanking(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
): Promise<DocumentFile> {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const chaired = await chairOf(db, campaign.id, actor.accountId);
  const categories = CATEGORIES.filter((category) =>
    rankingRules.can(actor, 'view', { organiserPath: campaign.organiserPath, category, chairOf: chaired }),
  );
  if (categories.length === 0) throw forbidden();
  const { round, hidden } = await rankingPlace(db, actor, campaign.id, roundId, categories[0]!);
  const method = reviewSettingsOf(campaign.rules).method;
  const tables = [];
  for (const category of categories) {
    const ranking = await categoryRanking(db, campaign, round, category, method, hidden);
    if (ranking.rows.length === 0) continue;
    tables.push(
      rankingTable(
        {
          campaignTitle: campaign.title,
          roundName: round.name,
          categoryLabel: campaign.rules.categories[category].label,
          method,
        },
        ranking.rows,
        ranking.fallbackExperts.map((e) => `${e.expertName}：${e.reason}`),
      ),
    );
  }
  if (tables.length === 0) throw notFound('评审排名');
  const body = await renderTablesXlsx(tables);
  const fileName = `${round.name}评审排名.xlsx`;
  await audited(db, actor, campaign, { type: 'review_round', id: round.id }, fileName);
  return { fileName, body };
}

/** The proposed 拟推介名单 of one category as a Word document, the specials named apart. */
export async function exportShortlist(
  db: Db,
  actor: Actor,
  campaignId: string,
  proposalId: string,
): Promise<DocumentFile> {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const proposal = await findProposal(db, campaign.id, proposalId);
  if (!proposal) throw notFound('拟推介名单');
  const category: Category = proposal.category;
  rankingRules.authorize(actor, 'view', {
    organiserPath: campaign.organiserPath,
    category,
    chairOf: await chairOf(db, campaign.id, actor.accountId),
  });
  const info = campaign.rules.categories[category];
  const lines = shortlistLines(
    {
      categoryLabel: info.label,
      specialLabel: info.specialLabel,
      unit: info.unit,
      method: proposal.method,
      note: proposal.note,
    },
    proposal.entries as StoredEntry[],
  );
  const state = proposal.confirmedAt
    ? `组织单位已于${formatBeijingDate(proposal.confirmedAt)}确认`
    : '待组织单位确认';
  const body = await renderTextDocx({
    title: `${campaign.title}${info.label}拟推介名单`,
    subtitle: `专家组${formatBeijingDate(proposal.proposedAt)}拟定，${state}`,
    text: lines.join('\n'),
  });
  const fileName = `${info.label}拟推介名单.docx`;
  await audited(db, actor, campaign, { type: 'shortlist_proposal', id: proposal.id }, fileName);
  return { fileName, body };
}
