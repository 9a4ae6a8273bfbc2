/**
 * A campaign's review settings, as data in its rules (`rules.review`, optional: rules stored before
 * review existed mean the defaults). The rubric per category, whether experts of the nomination's own
 * province are recused, how many reviews a nomination gets by default, the spread of totals that flags a
 * disagreement, and the ranking method the shortlist starts from.
 */
import { z } from 'zod';
import type { Category } from '../campaign/rules.ts';
import { DEFAULT_REVIEWS_PER_NOMINATION } from './assignment-input.ts';
import { DEFAULT_RUBRICS } from './default-rubrics.ts';
import { DEFAULT_DISAGREEMENT_THRESHOLD, RANKING_METHODS, type RankingMethod } from './ranking.ts';
import { type Rubric, rubricSchema } from './rubric.ts';

const perCategoryCount = z.strictObject({
  star: z.number().int().min(1).optional(),
  project: z.number().int().min(1).optional(),
});

export const reviewRulesSchema = z.strictObject({
  rubrics: z.strictObject({ star: rubricSchema.optional(), project: rubricSchema.optional() }).optional(),
  /** 同省回避: experts never review nominations of their own province (national campaigns). */
  sameProvinceConflicts: z.boolean().optional(),
  reviewsPerNomination: z.number().int().min(1).max(30).optional(),
  disagreementThreshold: z.number().positive().max(100).optional(),
  method: z.enum(RANKING_METHODS).optional(),
  /** How many a category's 拟推介名单 holds (specials on top), where the campaign sets a number. */
  shortlistSize: perCategoryCount.optional(),
  /** How many regular places of the 拟推介名单 one unit may take, where the campaign caps it. */
  perUnitCap: perCategoryCount.optional(),
});

export type ReviewRules = z.infer<typeof reviewRulesSchema>;

export interface ReviewSettings {
  rubrics: Record<Category, Rubric>;
  sameProvinceConflicts: boolean;
  reviewsPerNomination: number;
  disagreementThreshold: number;
  method: RankingMethod;
  shortlistSize: Record<Category, number | null>;
  perUnitCap: Record<Category, number | null>;
}

/** The settings in force: the campaign's own, else the defaults (same-province recusal only nationally). */
export function reviewSettingsOf(rules: { level: string; review?: ReviewRules }): ReviewSettings {
  const own = rules.review ?? {};
  return {
    rubrics: {
      star: own.rubrics?.star ?? DEFAULT_RUBRICS.star,
      project: own.rubrics?.project ?? DEFAULT_RUBRICS.project,
    },
    sameProvinceConflicts: own.sameProvinceConflicts ?? rules.level === 'national',
    reviewsPerNomination: own.reviewsPerNomination ?? DEFAULT_REVIEWS_PER_NOMINATION,
    disagreementThreshold: own.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD,
    method: own.method ?? 'zscore',
    shortlistSize: { star: own.shortlistSize?.star ?? null, project: own.shortlistSize?.project ?? null },
    perUnitCap: { star: own.perUnitCap?.star ?? null, project: own.perUnitCap?.project ?? null },
  };
}
