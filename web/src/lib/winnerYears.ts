/** Years a list of winners can belong to: from 2000 (earlier is a typo) to this year, newest first. */
import { todayInShanghai } from '#core/calendar/today.ts';

export function winnerYears(): number[] {
  const thisYear = Number(todayInShanghai(new Date()).slice(0, 4));
  return Array.from({ length: thisYear - 1999 }, (_, i) => thisYear - i);
}
