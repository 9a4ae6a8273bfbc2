/**
 * The sensitivity line of a ranking: with a shortlist of k per category taken from the top of the chosen
 * method, which nominations would enter and which would leave if another method were chosen. An empty
 * line tells the chair the method does not matter for this shortlist; a long one is worth a discussion.
 */
import {
  type NominationScore,
  RANKING_METHODS,
  type RankingMethod,
  rankNominations,
  type TieRule,
} from './ranking.ts';

export interface MethodDifference {
  method: RankingMethod;
  /** In the other method's shortlist but not in the chosen one's, best first by the other method. */
  enter: string[];
  /** In the chosen method's shortlist but not in the other one's, best first by the chosen method. */
  leave: string[];
}

export interface CategorySensitivity {
  category: string;
  size: number;
  shortlist: string[];
  others: MethodDifference[];
}

function topIds(scores: readonly NominationScore[], method: RankingMethod, size: number, tieRule: TieRule) {
  return rankNominations(scores, method, tieRule)
    .slice(0, size)
    .map((n) => n.nomination);
}

/**
 * `scoresByCategory`: each category's aggregated scores (normalise per panel, so per category);
 * `sizes`: the shortlist size per category (a category without a size is skipped).
 */
export function rankingSensitivity(
  scoresByCategory: Readonly<Record<string, readonly NominationScore[]>>,
  sizes: Readonly<Record<string, number>>,
  chosen: RankingMethod,
  tieRule: TieRule = 'nomination-id',
): CategorySensitivity[] {
  const lines: CategorySensitivity[] = [];
  for (const [category, scores] of Object.entries(scoresByCategory)) {
    const size = sizes[category];
    if (size === undefined) continue;
    const shortlist = topIds(scores, chosen, size, tieRule);
    const inShortlist = new Set(shortlist);
    const others = RANKING_METHODS.filter((m) => m !== chosen).map((method) => {
      const other = topIds(scores, method, size, tieRule);
      const inOther = new Set(other);
      return {
        method,
        enter: other.filter((id) => !inShortlist.has(id)),
        leave: shortlist.filter((id) => !inOther.has(id)),
      };
    });
    lines.push({ category, size, shortlist, others });
  }
  return lines;
}
