/** Dates and times as Chinese officials write them, always in Beijing time whatever the browser's zone. */

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return {};
  const result: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) result[part.type] = part.value;
  return result;
}

/** 2024年4月10日 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value);
  if (!p.year) return String(value);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 2024年4月10日 14:30 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value);
  if (!p.year) return String(value);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** 14:30:05, Beijing time: when a draft was last saved. */
export function formatClock(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  const p = parts(date);
  if (!p.year) return String(value);
  // Seconds are the same in every time zone with a whole-minute offset, Beijing's included.
  return `${p.hour}:${p.minute}:${String(date.getSeconds()).padStart(2, '0')}`;
}
