/** Words the review screens share: panels, declared relations, review states, in the notices' terms. */
import type { z } from 'zod';
import type { DeclaredRelationBody } from '#core/contract/review-setup.ts';
import { UNIT_RELATION_KINDS } from '#core/review/conflict-facts.ts';

export const PANEL_LABELS = { star: '百姓学习之星', project: '终身学习品牌项目' } as const;
export type Panel = keyof typeof PANEL_LABELS;
export const PANEL_OPTIONS = (Object.keys(PANEL_LABELS) as Panel[]).map((value) => ({
  value,
  label: PANEL_LABELS[value],
}));

export type DeclaredRelation = z.input<typeof DeclaredRelationBody>;
export type RelationKind = DeclaredRelation['kind'];

export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  close_relative: '近亲属',
  ...UNIT_RELATION_KINDS,
  other: '其他关系',
};

export const REVIEW_STATE_LABELS = { none: '未开始', draft: '已暂存', submitted: '已提交' } as const;

const period = (from?: string | null, until?: string | null) =>
  from || until ? `（${from ?? '?'} 至 ${until ?? '今'}）` : '';

/** One line per relation, e.g. 任职：某某学院（2021 至 今）. */
export function describeRelation(relation: DeclaredRelation): string {
  const kind = RELATION_KIND_LABELS[relation.kind];
  if (relation.kind === 'close_relative') return `${kind}：${relation.person.name}`;
  if (relation.kind === 'other') {
    const who = [relation.unit?.name, relation.person?.name].filter(Boolean).join('、');
    return `${kind}：${who ? `${who}，` : ''}${relation.note}`;
  }
  return `${kind}：${relation.unit.name ?? relation.unit.creditCode ?? '—'}${period(relation.from, relation.until)}`;
}

export const loadText = (min: number, max: number | null) =>
  max === null ? (min > 0 ? `至少 ${min} 项` : '不限') : `${min}–${max} 项`;
