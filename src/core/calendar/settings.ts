/**
 * What an organiser can set about the calendar: single-day adjustments, and years they confirmed by
 * hand before the State Council published them (the schedule for a year comes out late the year before).
 * Stored by the server; validated here so the settings form and the server agree.
 */
import { error, type Finding } from '../findings.ts';
import { parseIsoDate } from './parse-date.ts';

export const OVERRIDE_KINDS = ['holiday', 'workday'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
}

export interface CalendarSettings {
  overrides?: readonly CalendarOverride[];
  /**
   * Years the organiser confirmed: for a year without official data, Monday–Friday plus the overrides
   * is then the working week. Overrides alone do not make a year known: adding the Spring Festival does
   * not mean someone checked National Day.
   */
  confirmedYears?: readonly number[];
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export function checkCalendarSettings(settings: CalendarSettings): Finding[] {
  const findings: Finding[] = [];
  const kinds = new Map<string, OverrideKind>();
  (settings.overrides ?? []).forEach((override, index) => {
    const field = `overrides[${index}]`;
    const parsed = parseIsoDate(override.date, `${field}.date`);
    if (!parsed.ok) findings.push(...parsed.findings);
    if (override.kind !== 'holiday' && override.kind !== 'workday') {
      findings.push(
        error(
          'CALENDAR_OVERRIDE_KIND',
          `${field}.kind`,
          `日期 ${override.date} 的调整类型应为「放假」或「上班」，请重新选择`,
        ),
      );
    }
    const earlier = kinds.get(override.date);
    if (earlier !== undefined && earlier !== override.kind) {
      findings.push(
        error(
          'CALENDAR_OVERRIDE_CONFLICT',
          `${field}.date`,
          `日期 ${override.date} 既被设为放假又被设为上班，请删除其中一条调整`,
        ),
      );
    }
    kinds.set(override.date, override.kind);
  });
  (settings.confirmedYears ?? []).forEach((year, index) => {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      findings.push(
        error(
          'CALENDAR_YEAR_INVALID',
          `confirmedYears[${index}]`,
          `确认的年份「${year}」无效，请填写四位数年份，例如 2027`,
        ),
      );
    }
  });
  return findings;
}
