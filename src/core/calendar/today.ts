/**
 * Today's date in Asia/Shanghai. Deadlines, birth dates and announcement periods are Beijing-time
 * dates whatever the time zone of the server or browser, so every "today" is read from `now` here. `now` is
 * the caller's: the server's clock (moved by tests across deadlines and New Year), the browser's own time.
 */

import { beijingIsoDate } from './beijing-time.ts';

export function todayInShanghai(now: Date): string {
  return beijingIsoDate(now);
}
