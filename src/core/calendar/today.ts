/**
 * Today's date in Asia/Shanghai. Deadlines, birth dates and announcement periods are Beijing-time
 * dates whatever the time zone of the server or browser, so every "today" is read from `now` here. `now` is
 * the caller's: the server's clock (moved by tests across deadlines and New Year), the browser's own time.
 */

// en-CA formats as YYYY-MM-DD. Built once: constructing a formatter costs far more than using it.
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInShanghai(now: Date): string {
  return BEIJING_DAY.format(now);
}
