/** Groups items by organiser, then year, keeping the order they come in (newest first). */
export interface ByOrganiserYear<T> {
  organiserName: string;
  years: { year: number; items: T[] }[];
}

export function groupByOrganiserYear<T extends { organiserName: string; year: number }>(
  items: readonly T[],
): ByOrganiserYear<T>[] {
  const groups: ByOrganiserYear<T>[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.organiserName === item.organiserName);
    if (!group) {
      group = { organiserName: item.organiserName, years: [] };
      groups.push(group);
    }
    let year = group.years.find((y) => y.year === item.year);
    if (!year) {
      year = { year: item.year, items: [] };
      group.years.push(year);
    }
    year.items.push(item);
  }
  return groups.sort((a, b) => a.organiserName.localeCompare(b.organiserName, 'zh-CN'));
}
