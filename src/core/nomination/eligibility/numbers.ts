/**
 * Reading counts typed into a form: 1,200 / １２００ / 1.2万 / "3000人次" all mean what they say;
 * negative, fractional, NaN or text is refused with a message, never thrown.
 */
import { removeWhitespace, toHalfWidth } from '#core/identity/index.ts';

export type CountResult =
  | { kind: 'missing' }
  | { kind: 'ok'; value: number }
  | { kind: 'invalid'; problem: string };

/** 1e9 人次 a year is more than the whole population twice over a week; anything above is a typo. */
export const IMPLAUSIBLE_COUNT = 1_000_000_000;

function fromNumber(value: number): CountResult {
  if (!Number.isFinite(value)) return { kind: 'invalid', problem: '不是有效数字' };
  if (value < 0) return { kind: 'invalid', problem: '不能为负数' };
  if (!Number.isInteger(value)) return { kind: 'invalid', problem: '应为整数' };
  return { kind: 'ok', value };
}

export function readCount(raw: unknown): CountResult {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (typeof raw === 'number') return fromNumber(raw);
  if (typeof raw !== 'string') return { kind: 'invalid', problem: '不是有效数字' };
  const text = removeWhitespace(toHalfWidth(raw)).replace(/[,，]/g, '').replace(/人次$/, '');
  if (text === '') return { kind: 'missing' };
  const tenThousands = /^(\d+(?:\.\d+)?)万$/.exec(text);
  if (tenThousands) return fromNumber(Math.round(Number(tenThousands[1]) * 10_000 * 1e6) / 1e6);
  if (/^-\d+(\.\d+)?$/.test(text)) return { kind: 'invalid', problem: '不能为负数' };
  if (/^\d+\.\d+$/.test(text)) return { kind: 'invalid', problem: '应为整数' };
  if (!/^\d+$/.test(text)) return { kind: 'invalid', problem: `“${raw.trim()}”不是数字` };
  return fromNumber(Number(text));
}
