/** Words the public pages share: categories, special picks, states, dates. */
import { formatChineseDate } from '#core/calendar/format.ts';
import type { Category } from '#core/campaign/rules.ts';

export const CATEGORY_TITLES: Record<Category, string> = {
  star: '百姓学习之星',
  project: '终身学习品牌项目',
};

/** The special pick as the notices name it. */
export const SPECIAL_LABELS: Record<Category, string> = { star: '事迹特别感人', project: '特别受百姓喜爱' };

export const STATE_LABELS = { open: '公示中', closed: '公示期已结束' } as const;

export function chineseDay(iso: string | null): string {
  return iso ? formatChineseDate(iso) : '未定';
}
