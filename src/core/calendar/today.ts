/**
 * Today's date in Asia/Shanghai. Deadlines, birth dates and announcement periods are Beijing-time
 * dates whatever the clock of the server or browser says, so this is the only place that reads the clock.
 */

import { beijingIsoDate } from './beijing-time.ts';

export function todayInShanghai(now: Date = new Date()): string {
  return beijingIsoDate(now);
}
