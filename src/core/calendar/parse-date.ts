/**
 * Validating a date that came from outside (a form, the command line, organiser settings).
 *
 * Only strict `YYYY-MM-DD` is accepted: dates are stored and compared as strings, so one spelling per
 * day keeps comparisons correct. Friendlier spellings (`2026-9-29`, `2026/9/29`, `2026年9月29日`,
 * full-width digits) are refused, but the message names the ISO date they most likely mean, so the
 * fix is one copy away. Date pickers already send ISO dates.
 */
import { error, type Finding } from '../findings.ts';
import { normaliseIdentifier } from '../identity/normalise.ts';
import { formatIsoDate, isRealDate, readIsoDate } from './iso-date.ts';

export type ParsedDate = { ok: true; date: string } | { ok: false; findings: Finding[] };

export const DATE_INVALID = 'DATE_INVALID';

export function parseIsoDate(raw: string, field = 'date'): ParsedDate {
  if (readIsoDate(raw)) return { ok: true, date: raw };
  return { ok: false, findings: [error(DATE_INVALID, field, dateProblem(raw))] };
}

function dateProblem(raw: string): string {
  if (raw.trim() === '') return '请填写日期，格式为 YYYY-MM-DD，例如 2026-09-29';
  const strictShape = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (strictShape)
    return nonExistentDate(raw, Number(strictShape[1]), Number(strictShape[2]), Number(strictShape[3]));
  const guess = guessDate(raw);
  if (guess) return `日期「${raw}」格式不正确，请按 YYYY-MM-DD 填写，应写作 ${guess}`;
  return `日期「${raw}」无法识别，请按 YYYY-MM-DD 填写，例如 2026-09-29`;
}

function nonExistentDate(raw: string, year: number, month: number, day: number): string {
  if (month < 1 || month > 12) return `日期「${raw}」不存在：月份应在 01 至 12 之间，请核对`;
  return `日期「${raw}」不存在：${year}年${month}月没有${day}日，请核对`;
}

/** The ISO date a looser spelling most likely means, or undefined when it names no real day. */
function guessDate(raw: string): string | undefined {
  const text = normaliseIdentifier(raw)
    .replace(/日$/, '')
    .replace(/[年月/.]/g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? formatIsoDate({ year, month, day }) : undefined;
}
