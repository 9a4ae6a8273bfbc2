/**
 * Whether a reporting unit's own 公示 of its nominees (做好征集推介、公示、材料提交等工作) was long enough,
 * counted on the official working-day calendar of the campaign's organiser: holidays are off, 调休 weekends
 * are worked. A year nobody has published or confirmed is said so, never guessed as Monday–Friday. The
 * browser runs this on every keystroke, the server when it records and when the organiser checks.
 */
import { formatChineseDate, formatChineseWeekday } from '../calendar/format.ts';
import { addDays } from '../calendar/iso-date.ts';
import { parseIsoDate } from '../calendar/parse-date.ts';
import type { CalendarSettings } from '../calendar/settings.ts';
import { type CalendarDay, createWorkCalendar, unknownYearFinding } from '../calendar/work-calendar.ts';
import type { Announcement } from '../campaign/rules.ts';
import { error, type Finding, warning } from '../findings.ts';

export interface PublicityRecordInput {
  place: string;
  url: string | null;
  fromDay: string;
  toDay: string;
  hasFile: boolean;
}

/** The day the 公示 had to end before: the unit's (first) submission of what it covers, else its deadline. */
export interface EndBefore {
  day: string;
  kind: 'submitted' | 'deadline';
}

/** The first day the unit submitted any of the nominations a 公示 names, else its deadline's day. */
export function endBeforeOf(submittedDays: readonly string[], deadlineDay: string | null): EndBefore | null {
  const first = [...submittedDays].sort()[0];
  if (first) return { day: first, kind: 'submitted' };
  return deadlineDay ? { day: deadlineDay, kind: 'deadline' } : null;
}

export interface PublicityFacts {
  calendar: CalendarSettings;
  endBefore: EndBefore | null;
}

export type PublicityRules = Pick<Announcement, 'workingDays' | 'startDay'>;

export interface PublicityCoverage {
  required: number;
  /** Working days counted in the period; null when they could not be counted (bad dates, unknown year). */
  workingDays: number | null;
  /** Holidays, 调休 working days and the organiser's adjustments within the period, in words. */
  specialDays: string[];
  /** `共5个工作日（…）`, or '' when not counted. */
  summary: string;
  findings: Finding[];
  /** Counted, long enough and otherwise without error. */
  covers: boolean;
}

/** `2026年9月29日至10月5日`: the year once when both days share it. */
export function formatPeriod(from: string, to: string): string {
  const end = formatChineseDate(to);
  return `${formatChineseDate(from)}至${from.slice(0, 4) === to.slice(0, 4) ? end.replace(/^\d+年/, '') : end}`;
}

const shortDate = (iso: string) => formatChineseDate(iso).replace(/^\d+年/, '');

/** Runs of days off for one holiday read as one span; each worked weekend is named with its weekday. */
export function describeSpecialDays(days: readonly CalendarDay[]): string[] {
  const lines: string[] = [];
  let run: { first: string; last: string; holiday: string } | null = null;
  const flush = () => {
    if (!run) return;
    const span =
      run.first === run.last ? shortDate(run.first) : `${shortDate(run.first)}至${shortDate(run.last)}`;
    lines.push(`${span}${run.holiday}放假`);
    run = null;
  };
  for (const day of days) {
    if (day.reason === 'official-holiday') {
      const holiday = day.holiday ?? '法定节假日';
      if (run && run.holiday === holiday && addDays(run.last, 1) === day.date) run.last = day.date;
      else {
        flush();
        run = { first: day.date, last: day.date, holiday };
      }
      continue;
    }
    flush();
    const weekday = formatChineseWeekday(day.date);
    if (day.reason === 'official-workday')
      lines.push(`${shortDate(day.date)}（${weekday}）${day.holiday ?? ''}调休上班`);
    if (day.reason === 'override-holiday')
      lines.push(`${shortDate(day.date)}（${weekday}）组织单位调整为放假`);
    if (day.reason === 'override-workday')
      lines.push(`${shortDate(day.date)}（${weekday}）组织单位调整为上班`);
  }
  flush();
  return lines;
}

function recordFindings(record: PublicityRecordInput): Finding[] {
  const findings: Finding[] = [];
  if (record.place.trim() === '')
    findings.push(error('PUBLICITY_PLACE_MISSING', 'place', '请填写公示地点，例如本单位官网或单位公告栏'));
  const url = record.url?.trim() ?? '';
  if (url !== '' && !/^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(url)) {
    findings.push(
      error(
        'PUBLICITY_URL_INVALID',
        'url',
        `公示网页链接「${url.slice(0, 80)}」不是有效网址，请填写以 http:// 或 https:// 开头的完整网址`,
      ),
    );
  }
  if (url === '' && !record.hasFile) {
    findings.push(
      warning(
        'PUBLICITY_EVIDENCE_MISSING',
        'url',
        '请填写公示网页链接，或上传公示截图或 PDF，供组织单位核对',
      ),
    );
  }
  return findings;
}

function endFinding(to: string, endBefore: EndBefore | null): Finding[] {
  if (!endBefore || to < endBefore.day) return [];
  const end = formatChineseDate(to);
  const day = formatChineseDate(endBefore.day);
  return [
    warning(
      'PUBLICITY_ENDS_TOO_LATE',
      'toDay',
      endBefore.kind === 'submitted'
        ? `公示期至${end}结束，而本单位已于${day}提交推介：应在公示期满且无异议后再提交，请核实`
        : `公示期至${end}结束，未早于报送截止日${day}：公示期满后才能提交，请提前公示`,
    ),
  ];
}

export function publicityCoverage(
  record: PublicityRecordInput,
  facts: PublicityFacts,
  rules: PublicityRules,
): PublicityCoverage {
  const required = rules.workingDays;
  const findings = recordFindings(record);
  const notCounted = (more: Finding[]): PublicityCoverage => ({
    required,
    workingDays: null,
    specialDays: [],
    summary: '',
    findings: [...findings, ...more],
    covers: false,
  });
  const dateFindings = [parseIsoDate(record.fromDay, 'fromDay'), parseIsoDate(record.toDay, 'toDay')].flatMap(
    (parsed) => (parsed.ok ? [] : parsed.findings),
  );
  if (dateFindings.length > 0) return notCounted(dateFindings);
  const { fromDay: from, toDay: to } = record;
  if (to < from) {
    return notCounted([
      error(
        'PUBLICITY_RANGE_REVERSED',
        'toDay',
        `公示结束日期${formatChineseDate(to)}早于开始日期${formatChineseDate(from)}，请检查日期先后`,
      ),
    ]);
  }
  const calendar = createWorkCalendar(facts.calendar);
  const unknown: Finding[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    if (calendar.yearStatus(year) === 'unknown') unknown.push(unknownYearFinding(year, 'toDay'));
  }
  if (unknown.length > 0) return notCounted(unknown);

  // The publication day counts only when the campaign's rules say so (as for the organiser's own 公示).
  const firstCounted = rules.startDay === 'never_counts' ? addDays(from, 1) : from;
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const described = calendar.describeDay(date);
    if (described.ok) days.push(described.day);
  }
  const workingDays = days.filter((d) => d.working && d.date >= firstCounted).length;
  const specialDays = describeSpecialDays(
    days.filter((d) => d.reason !== 'weekday' && d.reason !== 'weekend'),
  );
  const period = formatPeriod(from, to);
  if (workingDays < required) {
    const end = calendar.addWorkingDays(from, required, { countStart: rules.startDay !== 'never_counts' });
    const until = end.ok ? `（自${formatChineseDate(from)}起应公示至${formatChineseDate(end.date)}）` : '';
    findings.push(
      error(
        'PUBLICITY_TOO_SHORT',
        'toDay',
        `公示期${period}仅含${workingDays}个工作日，应不少于${required}个工作日${until}，请延长公示期后重新公示`,
      ),
    );
  }
  findings.push(...endFinding(to, facts.endBefore));
  const startNote = rules.startDay === 'never_counts' ? '，发布当日不计' : '';
  return {
    required,
    workingDays,
    specialDays,
    summary: `共${workingDays}个工作日${specialDays.length > 0 ? `（${specialDays.join('；')}${startNote}）` : startNote ? `（${startNote.slice(1)}）` : ''}`,
    findings,
    covers: !findings.some((f) => f.severity === 'error'),
  };
}
