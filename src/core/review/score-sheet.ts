/**
 * A score sheet from a meeting, as `tuijie rank` reads it: UTF-8 CSV with the header
 * `nomination,expert,criterion,score,max,weight` and one row per criterion score. Every problem is a
 * finding with the line it is on; a sheet with errors gives no totals, because a ranking computed from
 * part of the scores would look complete and be wrong.
 */

import { parseCsvRecords } from '../csv.ts';
import { error, type Finding } from '../findings.ts';
import type { CriterionScore, ReviewTotal } from './review-total.ts';

export const SCORE_SHEET_HEADER = ['nomination', 'expert', 'criterion', 'score', 'max', 'weight'] as const;

export interface SheetFinding extends Finding {
  /** The line in the file, 1 for the header. */
  line: number;
}

export interface ScoreRow extends CriterionScore {
  line: number;
  nomination: string;
  expert: string;
  criterion: string;
}

export interface ScoreSheet {
  rows: ScoreRow[];
  totals: ReviewTotal[];
  findings: SheetFinding[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function at(line: number, finding: Finding): SheetFinding {
  return { ...finding, line, message: `第${line}行：${finding.message}` };
}

function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function readRow(line: number, fields: string[], findings: SheetFinding[]): ScoreRow | undefined {
  if (fields.length !== SCORE_SHEET_HEADER.length) {
    findings.push(
      at(
        line,
        error(
          'SCORE_ROW_COLUMNS',
          '',
          `应有${SCORE_SHEET_HEADER.length}列，实为${fields.length}列，请检查逗号`,
        ),
      ),
    );
    return undefined;
  }
  const [nomination, expert, criterion, scoreText, maxText, weightText] = fields.map((f) => f.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  let ok = true;
  const fail = (finding: Finding) => {
    findings.push(at(line, finding));
    ok = false;
  };
  for (const [field, value, label] of [
    ['nomination', nomination, '推介编号（nomination）'],
    ['expert', expert, '专家（expert）'],
    ['criterion', criterion, '评分项（criterion）'],
  ] as const) {
    if (value === '') fail(error('SCORE_FIELD_EMPTY', field, `${label}为空，请填写`));
  }
  const score = readNumber(scoreText);
  const max = readNumber(maxText);
  const weight = readNumber(weightText);
  if (score === undefined)
    fail(error('SCORE_NOT_NUMBER', 'score', `得分「${scoreText}」不是数字，请填写数字`));
  if (max === undefined || max <= 0)
    fail(error('SCORE_MAX_INVALID', 'max', `满分「${maxText}」应为大于 0 的数字`));
  if (weight === undefined || weight <= 0)
    fail(error('SCORE_WEIGHT_INVALID', 'weight', `权重「${weightText}」应为大于 0 的数字`));
  if (ok && (score! < 0 || score! > max!))
    fail(
      error(
        'SCORE_OUT_OF_RANGE',
        'score',
        `「${criterion}」得分 ${scoreText} 超出范围，应在 0 到 ${maxText} 之间`,
      ),
    );
  return ok ? { line, nomination, expert, criterion, score: score!, max: max!, weight: weight! } : undefined;
}

function headerFindings(fields: string[] | undefined): SheetFinding[] {
  const header = (fields ?? []).map((f) => f.trim().toLowerCase());
  if (header.join(',') === SCORE_SHEET_HEADER.join(',')) return [];
  return [
    at(
      1,
      error(
        'SCORE_SHEET_HEADER',
        '',
        `表头应为「${SCORE_SHEET_HEADER.join(',')}」，实为「${(fields ?? []).join(',')}」`,
      ),
    ),
  ];
}

/**
 * Within one nomination every review must cover the same criteria with the same maximum and weight:
 * otherwise T would compare different things (a review that skipped a criterion is not a lower score).
 */
function consistencyFindings(rows: readonly ScoreRow[], unreadable: ReadonlySet<string>): SheetFinding[] {
  const findings: SheetFinding[] = [];
  const byNomination = new Map<string, ScoreRow[]>();
  for (const row of rows) {
    const group = byNomination.get(row.nomination);
    if (group) group.push(row);
    else byNomination.set(row.nomination, [row]);
  }
  for (const [nomination, group] of byNomination) {
    const criteria = new Map<string, ScoreRow>();
    const reviews = new Map<string, Map<string, ScoreRow>>();
    for (const row of group) {
      const first = criteria.get(row.criterion);
      if (!first) criteria.set(row.criterion, row);
      else if (first.max !== row.max || first.weight !== row.weight)
        findings.push(
          at(
            row.line,
            error(
              'SCORE_CRITERION_INCONSISTENT',
              'criterion',
              `推介「${nomination}」的评分项「${row.criterion}」满分或权重（${row.max}，${row.weight}）与第${first.line}行（${first.max}，${first.weight}）不一致`,
            ),
          ),
        );
      const review = reviews.get(row.expert) ?? new Map<string, ScoreRow>();
      reviews.set(row.expert, review);
      const earlier = review.get(row.criterion);
      if (earlier)
        findings.push(
          at(
            row.line,
            error(
              'SCORE_DUPLICATE',
              '',
              `专家「${row.expert}」对推介「${nomination}」的「${row.criterion}」已在第${earlier.line}行评分，请删去重复的一行`,
            ),
          ),
        );
      else review.set(row.criterion, row);
    }
    for (const [expert, review] of reviews) {
      // A row already reported as wrong is not also reported as missing.
      if (unreadable.has(reviewKey(nomination, expert))) continue;
      const missing = [...criteria.keys()].filter((c) => !review.has(c));
      if (missing.length === 0) continue;
      const firstLine = Math.min(...[...review.values()].map((r) => r.line));
      findings.push(
        at(
          firstLine,
          error(
            'SCORE_CRITERION_MISSING',
            'criterion',
            `专家「${expert}」对推介「${nomination}」缺少评分项「${missing.join('」「')}」的得分，请补全`,
          ),
        ),
      );
    }
  }
  return findings;
}

export function readScoreSheet(text: string): ScoreSheet {
  const [header, ...records] = parseCsvRecords(text);
  const findings = headerFindings(header?.fields);
  if (findings.length > 0) return { rows: [], totals: [], findings };
  if (records.length === 0)
    return { rows: [], totals: [], findings: [at(1, error('SCORE_SHEET_EMPTY', '', '表中没有评分行'))] };
  const rows: ScoreRow[] = [];
  const unreadable = new Set<string>();
  for (const record of records) {
    const row = readRow(record.line, record.fields, findings);
    if (row) rows.push(row);
    else unreadable.add(reviewKey(record.fields[0]?.trim() ?? '', record.fields[1]?.trim() ?? ''));
  }
  findings.push(...consistencyFindings(rows, unreadable));
  if (findings.length > 0) {
    findings.sort((a, b) => a.line - b.line);
    return { rows, totals: [], findings };
  }
  return { rows, totals: totalsOf(rows), findings };
}

function reviewKey(nomination: string, expert: string): string {
  return `${nomination}\u0000${expert}`;
}

/** One total per (nomination, expert), in the order reviews first appear. */
export function totalsOf(rows: readonly ScoreRow[]): ReviewTotal[] {
  const reviews = new Map<string, { nomination: string; expert: string; earned: number; possible: number }>();
  let last: { nomination: string; expert: string; earned: number; possible: number } | undefined;
  for (const row of rows) {
    // A review's rows usually follow one another: skip the lookup then (it is most of the time here).
    let review = last && last.nomination === row.nomination && last.expert === row.expert ? last : undefined;
    if (!review) {
      const key = reviewKey(row.nomination, row.expert);
      review = reviews.get(key);
      if (!review) {
        review = { nomination: row.nomination, expert: row.expert, earned: 0, possible: 0 };
        reviews.set(key, review);
      }
    }
    // The same sums as reviewTotal, kept running instead of collecting the rows first.
    review.earned += row.weight * row.score;
    review.possible += row.weight * row.max;
    last = review;
  }
  const totals: ReviewTotal[] = [];
  for (const { nomination, expert, earned, possible } of reviews.values())
    totals.push({ nomination, expert, total: (100 * earned) / possible });
  return totals;
}
