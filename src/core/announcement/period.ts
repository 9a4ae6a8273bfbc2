/**
 * A 公示 period on the official calendar: which move today calls for (Beijing time: open from the start day,
 * closed after the end day, the whole end day included), and the period in words, naming the holidays and
 * 调休上班 days inside it so a reader can count the working days.
 */
import { describeDayReason, formatChineseDate } from '../calendar/format.ts';
import { addDays } from '../calendar/iso-date.ts';
import type { CalendarDay } from '../calendar/work-calendar.ts';
import type { AnnouncementState } from './states.ts';

/** The move the platform makes today (the tick), or null. */
export function dueAnnouncementMove(
  state: AnnouncementState,
  today: string,
  startDay: string | null,
  endDay: string | null,
): 'open' | 'closed' | null {
  if (state === 'scheduled' && startDay && today >= startDay) return 'open';
  if (state === 'open' && endDay && today > endDay) return 'closed';
  return null;
}

/** 9月29日, or 2027年1月4日 when the year differs from the period's start. */
function shortDate(iso: string, startYear: string): string {
  const full = formatChineseDate(iso);
  return iso.slice(0, 4) === startYear ? full.slice(full.indexOf('年') + 1) : full;
}

/** Consecutive days grouped: two holidays in one period are named apart. */
function runsOf(days: readonly CalendarDay[]): CalendarDay[][] {
  const runs: CalendarDay[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && addDays(previous.date, 1) === day.date) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

/**
 * 「2026年9月29日至2026年10月10日，共5个工作日（不含国庆节放假10月1日至10月7日，含调休上班日10月10日）」.
 * `days` are the calendar's days from start to end, both included.
 */
export function describeAnnouncementPeriod(
  days: readonly CalendarDay[],
  workingDays: number,
  countStart: boolean,
): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return '';
  const year = first.date.slice(0, 4);
  const holidays = days.filter((d) => d.reason === 'official-holiday' || d.reason === 'override-holiday');
  const madeUp = days.filter((d) => d.reason === 'official-workday' || d.reason === 'override-workday');
  const notes: string[] = [];
  for (const run of runsOf(holidays)) {
    const name = run[0]!.holiday ?? '';
    const span =
      run.length === 1
        ? shortDate(run[0]!.date, year)
        : `${shortDate(run[0]!.date, year)}至${shortDate(run[run.length - 1]!.date, year)}`;
    notes.push(`不含${name}放假${span}`);
  }
  if (madeUp.length > 0) notes.push(`含调休上班日${madeUp.map((d) => shortDate(d.date, year)).join('、')}`);
  const startNote = countStart ? '' : '，开始当日不计入';
  const detail = notes.length > 0 ? `（${notes.join('，')}）` : '';
  return `${formatChineseDate(first.date)}至${formatChineseDate(last.date)}，共${workingDays}个工作日${detail}${startNote}`;
}

/** 「国庆节放假」… for one day, as the period picker lists the days that are not ordinary. */
export function unusualDays(days: readonly CalendarDay[]): { date: string; note: string }[] {
  return days
    .filter((d) => d.reason !== 'weekday' && d.reason !== 'weekend')
    .map((d) => ({ date: d.date, note: describeDayReason(d) }));
}
