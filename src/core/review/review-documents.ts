/**
 * The review's documents as data: an expert's score sheet (评审表: one line per nomination, a column per
 * criterion), the ranking of a category with every method side by side, and the proposed 拟推介名单 as
 * the lines of a document, the specials named apart. Renderers (XLSX, DOCX, the print page) know nothing
 * of review; this knows nothing of files.
 */

import type { OfficialTable, TableRow } from '../documents/organiser-tables.ts';
import type { SheetColumn } from '../documents/registration-sheet.ts';
import { RANKING_METHOD_LABELS, type RankingMethod } from './ranking.ts';
import { REVIEW_STATES, type ReviewState } from './review-states.ts';
import { RECOMMENDATIONS, type Recommendation, type RubricCriterion } from './rubric.ts';

export interface SheetReview {
  title: string;
  categoryLabel: string;
  criteria: readonly RubricCriterion[];
  scores: Readonly<Record<string, number>>;
  total: number | null;
  recommendation: Recommendation | null;
  proposeSpecial: boolean;
  comment: string;
  state: ReviewState | null;
  /** Beijing time, as the page prints it. */
  submittedAt: string;
  contentHash: string | null;
}

const round1 = (n: number) => Math.round(n * 100) / 100;

/** One expert's sheet: the criteria of every rubric they scored on, in the order first met. */
export function scoreSheetTable(
  input: { expertName: string; roundName: string; campaignTitle: string },
  reviews: readonly SheetReview[],
): OfficialTable {
  const criteria = new Map<string, RubricCriterion>();
  for (const r of reviews) for (const c of r.criteria) if (!criteria.has(c.label)) criteria.set(c.label, c);
  const columns: SheetColumn[] = [
    { header: '序号', field: 'n', width: 6 },
    { header: '推介对象', field: 'title', width: 26, wrap: true },
    { header: '类别', field: 'category', width: 14 },
    ...[...criteria.values()].map((c, i) => ({
      header: `${c.label}（${c.max}分）`,
      field: `c${i}`,
      width: 12,
    })),
    { header: '总分（百分制）', field: 'total', width: 10 },
    { header: '推荐意见', field: 'recommendation', width: 10 },
    { header: '建议特别推介', field: 'special', width: 10 },
    { header: '评语', field: 'comment', width: 40, wrap: true },
    { header: '状态', field: 'state', width: 8 },
    { header: '提交时间', field: 'submittedAt', width: 18 },
    { header: '校验码（SHA-256）', field: 'hash', width: 20, wrap: true, text: true },
  ];
  const labels = [...criteria.keys()];
  const rows = reviews.map((r, i): TableRow => {
    const row: TableRow = {
      n: i + 1,
      title: r.title,
      category: r.categoryLabel,
      total: r.total === null ? '' : round1(r.total),
      recommendation: r.recommendation ? RECOMMENDATIONS[r.recommendation] : '',
      special: r.proposeSpecial ? '是' : '',
      comment: r.comment,
      state: r.state ? REVIEW_STATES[r.state] : '未评分',
      submittedAt: r.submittedAt,
      hash: r.contentHash ?? '',
    };
    for (const c of r.criteria) {
      const score = r.scores[c.id];
      if (score !== undefined) row[`c${labels.indexOf(c.label)}`] = score;
    }
    return row;
  });
  return {
    title: `${input.campaignTitle}「${input.roundName}」专家评分表（${input.expertName}）`,
    sheetName: input.expertName,
    columns,
    rows,
    notes: ['总分＝100×Σ（权重×得分）÷Σ（权重×满分）。已提交的评分附校验码，可据以核对评分未被改动。'],
  };
}

export interface RankingTableRow {
  rank: number;
  title: string;
  unitName: string;
  reviews: number;
  expected: number;
  mean: number;
  trimmed: number;
  zscore: number;
  zscoreRescaled: number;
  spread: number;
  disagreement: boolean;
  recommendations: Record<Recommendation, number>;
  specialVotes: number;
  grassroots: boolean;
  focusGroups: readonly string[];
  stateLabel: string;
  scored: boolean;
}

export function rankingTable(
  input: { campaignTitle: string; roundName: string; categoryLabel: string; method: RankingMethod },
  rows: readonly RankingTableRow[],
  notes: readonly string[],
): OfficialTable {
  const n = (v: number, scored: boolean) => (scored ? round1(v) : '');
  return {
    title: `${input.campaignTitle}「${input.roundName}」${input.categoryLabel}评审排名`,
    sheetName: input.categoryLabel,
    columns: [
      { header: '名次', field: 'rank', width: 6 },
      { header: '推介对象', field: 'title', width: 26, wrap: true },
      { header: '报送单位', field: 'unit', width: 22, wrap: true },
      { header: '评分份数', field: 'reviews', width: 9 },
      { header: RANKING_METHOD_LABELS.mean, field: 'mean', width: 10 },
      { header: RANKING_METHOD_LABELS.trimmed, field: 'trimmed', width: 12, wrap: true },
      { header: RANKING_METHOD_LABELS.zscore, field: 'zscore', width: 12, wrap: true },
      { header: '标准化分数（百分制）', field: 'rescaled', width: 12, wrap: true },
      { header: '最高最低分差', field: 'spread', width: 10 },
      { header: '意见分歧', field: 'disagreement', width: 8 },
      { header: '推荐', field: 'recommend', width: 6 },
      { header: '可推荐', field: 'mayRecommend', width: 7 },
      { header: '不推荐', field: 'notRecommend', width: 7 },
      { header: '建议特别推介', field: 'specialVotes', width: 10 },
      { header: '一线、基层', field: 'grassroots', width: 8 },
      { header: '重点群体', field: 'focusGroups', width: 14, wrap: true },
      { header: '状态', field: 'state', width: 12 },
    ],
    rows: rows.map((r) => ({
      rank: r.rank,
      title: r.title,
      unit: r.unitName,
      reviews: `${r.reviews}/${r.expected}`,
      mean: n(r.mean, r.scored),
      trimmed: n(r.trimmed, r.scored),
      zscore: r.scored ? Math.round(r.zscore * 1000) / 1000 : '',
      rescaled: n(r.zscoreRescaled, r.scored),
      spread: n(r.spread, r.scored),
      disagreement: r.disagreement ? '是' : '',
      recommend: r.recommendations.recommend,
      mayRecommend: r.recommendations.may_recommend,
      notRecommend: r.recommendations.not_recommend,
      specialVotes: r.specialVotes,
      grassroots: r.grassroots ? '是' : '',
      focusGroups: r.focusGroups.join('、'),
      state: r.stateLabel,
    })),
    notes: [
      `名次按“${RANKING_METHOD_LABELS[input.method]}”排列；分数相同时依次比较其他方法的分数和评分份数。`,
      ...notes,
    ],
  };
}

export interface ListEntry {
  title: string;
  unitName: string;
  decision: 'shortlisted' | 'not_selected';
  special: boolean;
  reason: string;
  rank: number | null;
}

/** The proposed list as the lines of a document: the regular list, the specials apart, the reasons. */
export function shortlistLines(
  input: { categoryLabel: string; specialLabel: string; unit: string; method: RankingMethod; note: string },
  entries: readonly ListEntry[],
): string[] {
  const ins = entries.filter((e) => e.decision === 'shortlisted');
  const regular = ins.filter((e) => !e.special);
  const specials = ins.filter((e) => e.special);
  const line = (e: ListEntry, i: number) => `${i + 1}．${e.title}（${e.unitName}）`;
  const lines = [
    `一、${input.categoryLabel}拟推介名单（${regular.length}${input.unit}）`,
    ...regular.map(line),
    `二、${input.specialLabel}拟推介名单（${specials.length}${input.unit}）`,
    ...(specials.length > 0 ? specials.map(line) : ['无']),
  ];
  const reasons = entries.filter((e) => e.reason !== '');
  if (reasons.length > 0) {
    lines.push(`三、与评审排名（${RANKING_METHOD_LABELS[input.method]}）不一致的说明`);
    lines.push(
      ...reasons.map(
        (e, i) =>
          `${i + 1}．${e.title}（${e.rank === null ? '无评分' : `排名第${e.rank}`}，${e.decision === 'shortlisted' ? '列入' : '不列入'}）：${e.reason}`,
      ),
    );
  }
  if (input.note.trim()) lines.push(`说明：${input.note.trim()}`);
  return lines;
}
