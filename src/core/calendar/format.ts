/** Dates as Chinese readers expect them on forms and notices: 2024年4月10日, 星期三. */
import { readIsoDate, weekdayOf } from './iso-date.ts';
import type { CalendarDay } from './work-calendar.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** `2024-04-10` → `2024年4月10日`. Throws on a string that is not a real `YYYY-MM-DD` date. */
export function formatChineseDate(iso: string): string {
  const date = readIsoDate(iso);
  if (!date) throw new RangeError(`不是有效的 YYYY-MM-DD 日期：${iso}`);
  return `${date.year}年${date.month}月${date.day}日`;
}

/** `2024-04-10` → `星期三`. */
export function formatChineseWeekday(iso: string): string {
  return WEEKDAYS[weekdayOf(iso)];
}

/** Why a day is (not) worked, in words: `国庆节调休上班`, `休息日`; empty for an ordinary weekday. */
export function describeDayReason(day: CalendarDay): string {
  switch (day.reason) {
    case 'weekday':
      return '';
    case 'weekend':
      return '休息日';
    case 'official-holiday':
      return `${day.holiday ?? '法定节假日'}放假`;
    case 'official-workday':
      return `${day.holiday ?? ''}调休上班`;
    case 'override-holiday':
      return '组织方调整为放假';
    case 'override-workday':
      return '组织方调整为上班';
  }
}

/** `2026年10月10日（星期六，国庆节调休上班）`; an ordinary weekday shows only the weekday. */
export function formatCalendarDay(day: CalendarDay): string {
  const reason = describeDayReason(day);
  const weekday = WEEKDAYS[day.weekday];
  return `${formatChineseDate(day.date)}（${reason ? `${weekday}，${reason}` : weekday}）`;
}
