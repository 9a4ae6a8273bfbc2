/**
 * 所属群体 of stars for the statistics. Campaigns word the groups a little differently (乡村农民 in the
 * templates, 农民 in the issue, 社区群众 in older notices), so counts are grouped under one name each;
 * a group no campaign knows is shown as written, never dropped.
 */
export const FOCUS_GROUP_ORDER = ['老年人', '残疾人', '农民', '退役军人', '社区居民', '基层员工'] as const;

const SAME_AS: Record<string, string> = {
  乡村农民: '农民',
  农村居民: '农民',
  社区群众: '社区居民',
  退伍军人: '退役军人',
  老年群体: '老年人',
  残障人士: '残疾人',
};

export function focusGroupName(value: string): string {
  const trimmed = value.trim();
  return SAME_AS[trimmed] ?? trimmed;
}

export interface FocusCount {
  nominations: number;
  winners: number;
}

/** Counts per written value merged under their group names, the known groups first in the notices' order. */
export function groupFocusCounts(
  rows: readonly (FocusCount & { value: string })[],
): (FocusCount & { group: string })[] {
  const merged = new Map<string, FocusCount>(
    FOCUS_GROUP_ORDER.map((name) => [name, { nominations: 0, winners: 0 }]),
  );
  for (const row of rows) {
    const name = focusGroupName(row.value);
    if (name === '') continue;
    const sums = merged.get(name) ?? { nominations: 0, winners: 0 };
    sums.nominations += Number(row.nominations);
    sums.winners += Number(row.winners);
    merged.set(name, sums);
  }
  return [...merged].map(([group, sums]) => ({ group, ...sums }));
}
