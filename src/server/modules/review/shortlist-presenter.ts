import type { Category } from '#core/campaign/rules.ts';
import type { ShortlistProposal } from '#core/contract/review-scoring.ts';
import type { Finding } from '#core/findings.ts';
import type { RankingMethod } from '#core/review/ranking.ts';

/** An entry as stored: the chair's decision with what the chair saw of the nomination then. */
export interface StoredEntry {
  nominationId: string;
  decision: 'shortlisted' | 'not_selected';
  special: boolean;
  reason: string;
  title: string;
  unitName: string;
  rank: number | null;
}

export function presentProposal(
  row: {
    id: string;
    roundId: string;
    category: Category;
    method: RankingMethod;
    entries: unknown;
    note: string;
    proposedAt: Date | string;
    confirmedAt: Date | string | null;
    proposedByName?: string | null;
    confirmedByName?: string | null;
  },
  findings: Finding[] = [],
): ShortlistProposal {
  return {
    id: row.id,
    roundId: row.roundId,
    category: row.category,
    method: row.method,
    entries: row.entries as StoredEntry[],
    note: row.note,
    proposedBy: row.proposedByName ?? null,
    proposedAt: new Date(row.proposedAt).toISOString(),
    confirmedBy: row.confirmedByName ?? null,
    confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
    findings,
  };
}
