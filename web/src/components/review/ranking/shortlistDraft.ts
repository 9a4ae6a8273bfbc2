/**
 * The shortlist the chair ticks on the ranking, before it is sent: which picks go against the ranking
 * (a lower one in while a higher one is out, or the reverse: each needs a reason), and the constraints
 * counted live (size, per unit, specials, the share of grassroots nominees and of focus groups), counted
 * as core's shortlist rule counts them on the server: specials sit on top of the size and of the unit's
 * cap, and only a unit's own special pick (`special`, it carries the special material) may be one. The
 * server checks the proposal again and its refusal is what counts; this lets the chair see it coming.
 */
import type { RankingResponse, RankingRow } from '#web/api/review-scoring.ts';

export interface ShortlistDraft {
  picked: ReadonlySet<string>;
  specials: ReadonlySet<string>;
  reasons: Readonly<Record<string, string>>;
}

type Row = Pick<RankingRow, 'nominationId' | 'rank'>;
/** What the draft reads of a ranking row. */
export type DraftRow = Pick<
  RankingRow,
  'nominationId' | 'rank' | 'title' | 'unitName' | 'grassroots' | 'focusGroups' | 'special'
>;
export interface DraftRanking {
  rows: readonly DraftRow[];
  constraints: RankingResponse['constraints'];
}

/**
 * Nominations whose decision inverts the ranking: picked while one ranked above is not, or left out
 * while one ranked below is picked. Ties (the same rank) are no inversion.
 */
export function againstRanking(rows: readonly Row[], picked: ReadonlySet<string>): Set<string> {
  const against = new Set<string>();
  let worstPicked = Number.NEGATIVE_INFINITY;
  let bestOut = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (picked.has(row.nominationId)) worstPicked = Math.max(worstPicked, row.rank);
    else bestOut = Math.min(bestOut, row.rank);
  }
  for (const row of rows) {
    if (picked.has(row.nominationId) ? row.rank > bestOut : row.rank < worstPicked)
      against.add(row.nominationId);
  }
  return against;
}

/** The first picks: the top of the ranking up to the allotment (or the ones the last proposal took). */
export function initialDraft(
  ranking: DraftRanking,
  proposal?: {
    entries: ReadonlyArray<{ nominationId: string; decision: string; special: boolean; reason: string }>;
  },
): ShortlistDraft {
  if (proposal) {
    const known = new Set(ranking.rows.map((r) => r.nominationId));
    const entries = proposal.entries.filter((e) => known.has(e.nominationId));
    return {
      picked: new Set(entries.filter((e) => e.decision === 'shortlisted').map((e) => e.nominationId)),
      specials: new Set(entries.filter((e) => e.special).map((e) => e.nominationId)),
      reasons: Object.fromEntries(entries.filter((e) => e.reason).map((e) => [e.nominationId, e.reason])),
    };
  }
  const size = ranking.constraints.size ?? 0;
  const sorted = [...ranking.rows].sort((a, b) => a.rank - b.rank);
  const picked = new Set(sorted.slice(0, size).map((r) => r.nominationId));
  return {
    picked,
    specials: new Set(
      ranking.rows.filter((r) => r.special && picked.has(r.nominationId)).map((r) => r.nominationId),
    ),
    reasons: {},
  };
}

export interface ConstraintLine {
  key: string;
  label: string;
  /** A broken limit (too many, a special not on the list): the proposal would be refused. */
  ok: boolean;
}

export interface ConstraintSummary {
  lines: ConstraintLine[];
  /** Nominations against the ranking without a reason yet. */
  missingReasons: string[];
  against: Set<string>;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;

export function summarise(ranking: DraftRanking, draft: ShortlistDraft, measure: string): ConstraintSummary {
  const { size, perUnit, specials } = ranking.constraints;
  const pickedRows = ranking.rows.filter((r) => draft.picked.has(r.nominationId));
  const regular = pickedRows.filter((r) => !draft.specials.has(r.nominationId));
  const lines: ConstraintLine[] = [];
  lines.push({
    key: 'size',
    label:
      size === null
        ? `已选 ${regular.length} ${measure}（特别推介另计；本类别未设名额上限）`
        : `已选 ${regular.length} / ${size} ${measure}（特别推介另计）${regular.length > size ? `，超出 ${regular.length - size} ${measure}` : ''}`,
    ok: size === null || regular.length <= size,
  });
  if (perUnit !== null) {
    const perUnitCount = new Map<string, number>();
    for (const row of regular) perUnitCount.set(row.unitName, (perUnitCount.get(row.unitName) ?? 0) + 1);
    const over = [...perUnitCount].filter(([, n]) => n > perUnit);
    lines.push({
      key: 'perUnit',
      label:
        over.length === 0
          ? `每个推荐单位最多 ${perUnit} ${measure}，均未超出`
          : `每个推荐单位最多 ${perUnit} ${measure}，超出：${over.map(([unit, n]) => `${unit}（${n}）`).join('、')}`,
      ok: over.length === 0,
    });
  }
  const specialRows = ranking.rows.filter((r) => draft.specials.has(r.nominationId));
  const specialOut = specialRows.filter((r) => !draft.picked.has(r.nominationId));
  const notPicked = specialRows.filter((r) => !r.special);
  const problems = [
    specialOut.length > 0 && `未列入名单的不能作为特别推介：${specialOut.map((r) => r.title).join('、')}`,
    notPicked.length > 0 &&
      `非报送单位推介的特别推介（无特别推介材料）：${notPicked.map((r) => r.title).join('、')}`,
  ].filter(Boolean);
  lines.push({
    key: 'specials',
    label: `特别推介 ${specialRows.length} ${measure}（名额 ${specials}）${problems.length > 0 ? `；${problems.join('；')}` : ''}`,
    ok: specialOut.length === 0 && notPicked.length === 0,
  });
  if (ranking.rows.some((r) => r.grassroots || r.focusGroups.length > 0)) {
    const grassroots = pickedRows.filter((r) => r.grassroots).length;
    const focus = pickedRows.filter((r) => r.focusGroups.length > 0).length;
    lines.push({
      key: 'grassroots',
      label: `一线、基层 ${grassroots} ${measure}（${percent(grassroots, pickedRows.length)}）；老年人、残疾人、农民、退役军人等重点群体 ${focus} ${measure}（${percent(focus, pickedRows.length)}）`,
      ok: true,
    });
  }
  const against = againstRanking(ranking.rows, draft.picked);
  const missingReasons = [...against].filter((id) => !(draft.reasons[id] ?? '').trim());
  return { lines, missingReasons, against };
}
