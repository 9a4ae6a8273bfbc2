/**
 * What a publicity activity must have to be kept: a known kind, a form, a real date at most a year ahead
 * (an activity planned for next year is recorded; one dated years ahead is a typing slip), a place, a host,
 * a whole number of people not below zero, and a short report. Runs in the browser before saving and on
 * the server, with the same Chinese messages.
 */
import { addDays, isIsoDate } from '../calendar/iso-date.ts';
import { todayInShanghai } from '../calendar/today.ts';
import { error, type Finding } from '../findings.ts';
import { isActivityKind } from './kinds.ts';

export const ACTIVITY_LIMITS = {
  form: 30,
  place: 100,
  host: 100,
  report: 1000,
  audience: 10_000_000,
  /** How far ahead an activity may be dated, in days (a year, a leap day included). */
  daysAhead: 366,
  earliest: '2000-01-01',
} as const;

export interface ActivityInput {
  kind: string;
  form: string;
  occurredOn: string;
  place: string;
  host: string;
  audience: number;
  report: string;
}

export interface ActivityRecord {
  kind: ActivityInput['kind'];
  form: string;
  occurredOn: string;
  place: string;
  host: string;
  audience: number;
  report: string;
}

/** Characters as a reader counts them (a Chinese character or a letter is one). */
const length = (text: string) => [...text].length;

function required(findings: Finding[], field: string, value: string, label: string, max: number) {
  if (value.length === 0) findings.push(error('ACTIVITY_FIELD_MISSING', field, `请填写${label}。`));
  else if (length(value) > max)
    findings.push(error('ACTIVITY_FIELD_TOO_LONG', field, `${label}不能超过${max}个字，请精简后再保存。`));
}

/** The input as stored (trimmed), with every finding that refuses it; `now` is the caller's clock. */
export function checkActivity(
  input: ActivityInput,
  now: Date,
): { record: ActivityRecord; findings: Finding[] } {
  const record: ActivityRecord = {
    kind: input.kind,
    form: input.form.trim(),
    occurredOn: input.occurredOn.trim(),
    place: input.place.trim(),
    host: input.host.trim(),
    audience: input.audience,
    report: input.report.trim(),
  };
  const findings: Finding[] = [];
  if (!isActivityKind(record.kind))
    findings.push(
      error(
        'ACTIVITY_KIND_UNKNOWN',
        'kind',
        '请选择活动类别：进校园、进社区、进企业、进军营、进乡村或其他。',
      ),
    );
  required(findings, 'form', record.form, '活动形式', ACTIVITY_LIMITS.form);
  const latest = addDays(todayInShanghai(now), ACTIVITY_LIMITS.daysAhead);
  if (!isIsoDate(record.occurredOn))
    findings.push(error('ACTIVITY_DATE_INVALID', 'occurredOn', '请填写正确的活动日期，如 2025年10月18日。'));
  else if (record.occurredOn > latest)
    findings.push(
      error(
        'ACTIVITY_DATE_TOO_FAR',
        'occurredOn',
        '活动日期不能晚于今天起一年，请检查日期是否填错；尚未确定日期的活动请确定后再登记。',
      ),
    );
  else if (record.occurredOn < ACTIVITY_LIMITS.earliest)
    findings.push(error('ACTIVITY_DATE_INVALID', 'occurredOn', '活动日期过早，请检查日期是否填错。'));
  required(findings, 'place', record.place, '活动地点', ACTIVITY_LIMITS.place);
  required(findings, 'host', record.host, '主办单位', ACTIVITY_LIMITS.host);
  if (!Number.isInteger(record.audience) || record.audience < 0)
    findings.push(error('ACTIVITY_AUDIENCE_INVALID', 'audience', '参与人数应为不小于0的整数。'));
  else if (record.audience > ACTIVITY_LIMITS.audience)
    findings.push(
      error(
        'ACTIVITY_AUDIENCE_INVALID',
        'audience',
        '参与人数过大，请检查是否多填了位数（线上观看人数请估算填写）。',
      ),
    );
  required(findings, 'report', record.report, '活动简报', ACTIVITY_LIMITS.report);
  return { record, findings };
}
