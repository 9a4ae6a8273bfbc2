/**
 * A rubric: what an expert scores a nomination on, per category, as data in the campaign rules (so a new
 * notice changes data, not code). Besides the criteria, every review carries a comment, a recommendation
 * and a "propose as special" flag (事迹特别感人 / 特别受百姓喜爱); those are fixed by the process, not
 * per campaign, so they are listed here and not in the rubric.
 */
import { z } from 'zod';
import { error, type Finding } from '../findings.ts';
import { type CriterionScore, reviewTotal } from './review-total.ts';

export const RECOMMENDATIONS = {
  recommend: '推荐',
  may_recommend: '可推荐',
  not_recommend: '不推荐',
} as const;
export type Recommendation = keyof typeof RECOMMENDATIONS;

export const rubricCriterionSchema = z.strictObject({
  /** Stable key stored with each score; never renamed once a round has scores. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  /** What the expert looks for, quoted or paraphrased from the notice. */
  guidance: z.string(),
  weight: z.number().positive(),
  min: z.number().min(0),
  max: z.number().positive(),
  /** Smallest step a score may take (1: whole points; 0.5: half points). */
  step: z.number().positive(),
});

export const rubricSchema = z
  .strictObject({
    criteria: z.array(rubricCriterionSchema).min(1),
    /** Whether a review needs a written comment before it can be submitted. */
    commentRequired: z.boolean(),
  })
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, {
    message: '评分项标识不能重复',
  })
  .refine((r) => r.criteria.every((c) => c.min < c.max), { message: '每个评分项的最低分应小于满分' });

export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type Rubric = z.infer<typeof rubricSchema>;

function isOnStep(score: number, criterion: RubricCriterion): boolean {
  const steps = (score - criterion.min) / criterion.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/**
 * Business checks of one review's scores against the rubric, with the same findings in the browser
 * (before saving) and on the server. `complete`: a submitted review needs every criterion; a draft
 * saved along the way may leave some out.
 */
export function checkReviewScores(
  rubric: Rubric,
  scores: Readonly<Record<string, number | null | undefined>>,
  { complete }: { complete: boolean },
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(scores)) {
    if (!known.has(id))
      findings.push(
        error('SCORE_UNKNOWN_CRITERION', `scores.${id}`, '该评分项不在本轮评分标准中，请刷新页面后重新评分'),
      );
  }
  for (const criterion of rubric.criteria) {
    const field = `scores.${criterion.id}`;
    const score = scores[criterion.id];
    if (score === null || score === undefined) {
      if (complete)
        findings.push(error('SCORE_CRITERION_MISSING', field, `请为「${criterion.label}」打分后再提交`));
      continue;
    }
    if (!Number.isFinite(score)) {
      findings.push(error('SCORE_NOT_NUMBER', field, `「${criterion.label}」的得分应为数字`));
    } else if (score < criterion.min || score > criterion.max) {
      findings.push(
        error(
          'SCORE_OUT_OF_RANGE',
          field,
          `「${criterion.label}」得分 ${score} 超出范围，应在 ${criterion.min} 到 ${criterion.max} 之间`,
        ),
      );
    } else if (!isOnStep(score, criterion)) {
      findings.push(
        error(
          'SCORE_STEP',
          field,
          `「${criterion.label}」得分应以 ${criterion.step} 分为单位，实为 ${score}`,
        ),
      );
    }
  }
  return findings;
}

/** The total T of a complete, checked review on this rubric. */
export function rubricTotal(rubric: Rubric, scores: Readonly<Record<string, number>>): number {
  const parts: CriterionScore[] = rubric.criteria.map((c) => ({
    score: scores[c.id]!,
    max: c.max,
    weight: c.weight,
  }));
  return reviewTotal(parts);
}
