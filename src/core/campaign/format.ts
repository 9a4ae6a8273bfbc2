/** zh-CN formatting shared by campaign messages and the rules diff. */
import { formatChineseDate, isIsoDate } from '../calendar/index.ts';
import type { QuotaRange } from './rules.ts';

/** 3至5名, or 1名 when the range is a single number. */
export function formatRange(range: QuotaRange, unit = ''): string {
  return range.min === range.max ? `${range.min}${unit}` : `${range.min}至${range.max}${unit}`;
}

/** 2024-04-10 → 2024年4月10日; anything else is returned unchanged so a bad value stays visible. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '未填写';
  return isIsoDate(iso) ? formatChineseDate(iso) : iso;
}
