/**
 * Today's date in Asia/Shanghai. Deadlines, birth dates and announcement periods are Beijing-time
 * dates whatever the clock of the server or browser says, so this is the only place that reads the clock.
 */

// en-CA formats as YYYY-MM-DD. Built once: constructing a formatter costs far more than using it.
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInShanghai(now: Date = new Date()): string {
  return BEIJING_DAY.format(now);
}
