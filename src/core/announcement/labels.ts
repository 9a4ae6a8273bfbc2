import type { Category } from '../campaign/rules.ts';

/** The two lists a 公示 carries, in officials' words. */
export const CATEGORY_LABELS: Record<Category, string> = {
  star: '百姓学习之星',
  project: '终身学习品牌项目',
};
