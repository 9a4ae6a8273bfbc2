/** The wording of the dated corrections a 公示 page shows (名单更正, 重新公示). */
import { formatChineseDate } from '../calendar/format.ts';
import type { Category } from '../campaign/rules.ts';
import { CATEGORY_LABELS } from './labels.ts';

/** 「经核实，撤销百姓学习之星拟推介对象张三（吉林省教育厅）的推介资格。原因：…」 */
export function entryRemovedText(
  entry: { category: Category; name: string; unit: string },
  reason: string,
): string {
  return `经核实，撤销${CATEGORY_LABELS[entry.category]}拟推介对象${entry.name}（${entry.unit}）的推介资格。原因：${reason.trim()}`;
}

/** 「因…，本公示重新公示，公示期为2026年9月29日至2026年10月10日。」 */
export function restartedText(reason: string, startDay: string, endDay: string): string {
  const why = reason.trim().replace(/[。；;.]$/, '');
  return `因${why}，本公示重新公示，公示期为${formatChineseDate(startDay)}至${formatChineseDate(endDay)}。`;
}
