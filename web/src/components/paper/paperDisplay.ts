/** How a unit's paper standing looks everywhere: tag colours, and the date a user picks as YYYY-MM-DD. */
import type { PaperStanding } from '#core/paper/status.ts';

export const STANDING_COLORS: Record<PaperStanding, string> = {
  not_needed: 'default',
  not_dispatched: 'red',
  in_transit: 'blue',
  received: 'green',
  received_with_problems: 'orange',
};

/** YYYY-MM-DD → 2024年4月10日, without a Date (a calendar day has no time zone). */
export function chineseDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : iso;
}
