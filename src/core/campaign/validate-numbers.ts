/** Number and date checks shared by the campaign-rules validators; each returns findings, never throws. */
import { error, type Finding } from '../findings.ts';

export function isWholeNumber(n: unknown, min = 0): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min;
}

/** A whole number ≥ min (0 unless said), with a message naming the field in Chinese. */
export function checkWhole(value: unknown, field: string, label: string, min = 0): Finding[] {
  if (isWholeNumber(value, min)) return [];
  return [error('RULES_NUMBER_INVALID', field, `“${label}”应为不小于${min}的整数，请修改。`)];
}

/** Both ends whole numbers ≥ `floor`, and min ≤ max. */
export function checkRange(
  range: { min: unknown; max: unknown },
  field: string,
  label: string,
  floor = 0,
): Finding[] {
  const findings = [
    ...checkWhole(range.min, `${field}.min`, `${label}下限`, floor),
    ...checkWhole(range.max, `${field}.max`, `${label}上限`, floor),
  ];
  if (findings.length === 0 && (range.min as number) > (range.max as number)) {
    findings.push(
      error(
        'RULES_RANGE_INVERTED',
        field,
        `“${label}”的下限（${range.min}）大于上限（${range.max}），请修改。`,
      ),
    );
  }
  return findings;
}

export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
