/**
 * Expert review, the expert's and the chair's side: my reviews, the scoring screen's data, saving and
 * submitting a review, the ranking with every method side by side, and the shortlist the chair proposes
 * and the organiser confirms. Routes under /api/reviews and /api/campaigns/:campaignId/review.
 */
import { z } from 'zod';
import { CATEGORIES } from '../campaign/rules.ts';
import { RANKING_METHODS } from '../review/ranking.ts';
import { REVIEW_STATES } from '../review/review-states.ts';
import { BLIND_FIELDS } from '../review/round-states.ts';
import { RECOMMENDATIONS, rubricSchema } from '../review/rubric.ts';
import { Finding, version } from './fields.ts';

const category = z.enum(CATEGORIES);
const method = z.enum(RANKING_METHODS);
const reviewState = z.enum(Object.keys(REVIEW_STATES) as [keyof typeof REVIEW_STATES]);
const recommendation = z.enum(Object.keys(RECOMMENDATIONS) as [keyof typeof RECOMMENDATIONS]);

/** One line of the expert's list: an assignment and where its review stands. */
export const MyReviewItem = z.object({
  roundId: z.string(),
  nominationId: z.string(),
  title: z.string(),
  category,
  state: z.enum(['none', 'draft', 'submitted']),
  stateLabel: z.string(),
  total: z.number().nullable(),
});
export const MyRound = z.object({
  roundId: z.string(),
  roundName: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  open: z.boolean(),
  closesAt: z.string(),
  /** 12 / 40 scored. */
  progress: z.object({ submitted: z.number(), assigned: z.number() }),
  /** The panels this expert chairs in the campaign: the ranking is theirs to see. */
  chairOf: z.array(category),
  items: z.array(MyReviewItem),
});
export const MyReviewsResponse = z.object({ rounds: z.array(MyRound) });

/** A file of the nomination for the scoring screen: played inline with byte ranges. */
export const ReviewFile = z.object({
  materialId: z.string(),
  slotLabel: z.string(),
  fileName: z.string(),
  kind: z.enum(['photo', 'video', 'document', 'other']),
  contentUrl: z.string(),
  previewUrl: z.string().nullable(),
});

export const ReviewDraft = z.object({
  state: reviewState,
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  recommendation: recommendation.nullable(),
  proposeSpecial: z.boolean(),
  total: z.number().nullable(),
  contentHash: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number(),
});

export const ReviewResponse = z.object({
  campaignId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundOpen: z.boolean(),
  nominationId: z.string(),
  category,
  title: z.string(),
  specialLabel: z.string().describe('事迹特别感人的百姓学习之星 / 特别受百姓喜爱的终身学习品牌项目'),
  /** The form as the round shows it: blind fields removed, never blanked silently. */
  form: z.record(z.string(), z.unknown()),
  unitName: z.string().nullable().describe('盲评时为空'),
  hidden: z.array(z.enum(Object.keys(BLIND_FIELDS) as [keyof typeof BLIND_FIELDS])),
  files: z.array(ReviewFile),
  rubric: rubricSchema,
  review: ReviewDraft,
  /** Neighbours in the expert's list, for the keyboard (next / previous). */
  previousNominationId: z.string().nullable(),
  nextNominationId: z.string().nullable(),
  progress: z.object({ submitted: z.number(), assigned: z.number() }),
  /** Other experts' submitted reviews, once this one is submitted and when the round allows it. */
  others: z
    .array(
      z.object({
        expertName: z.string(),
        total: z.number(),
        recommendation: recommendation.nullable(),
        comment: z.string(),
      }),
    )
    .nullable(),
});

export const SaveReviewBody = z.object({
  scores: z.record(z.string(), z.number().nullable()).default({}),
  comment: z.string().max(5000, '评语不能超过 5000 个字').default(''),
  recommendation: recommendation.nullable().default(null),
  proposeSpecial: z.boolean().default(false),
  version: version.optional(),
});
export const ReviewVersionBody = z.object({ version: version.optional() });
export const SaveReviewResponse = z.object({ review: ReviewDraft, findings: z.array(Finding) });

export const RankingRow = z.object({
  nominationId: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number(),
  reviews: z.number(),
  expected: z.number().describe('应有的评分份数'),
  mean: z.number(),
  trimmed: z.number(),
  zscore: z.number(),
  zscoreRescaled: z.number(),
  spread: z.number(),
  disagreement: z.boolean(),
  recommendations: z.object({ recommend: z.number(), may_recommend: z.number(), not_recommend: z.number() }),
  specialVotes: z.number(),
  grassroots: z.boolean().describe('一线、基层'),
  focusGroups: z.array(z.string()).describe('老年人、残疾人、农民、退役军人等'),
  state: z.string(),
  stateLabel: z.string(),
  special: z.boolean(),
  /** False for a nomination without any submitted review yet: it is listed last, its scores 0. */
  scored: z.boolean(),
});
export const RankingResponse = z.object({
  campaignId: z.string(),
  roundId: z.string(),
  category,
  method,
  methodLabel: z.string(),
  rows: z.array(RankingRow),
  /** Experts whose raw totals were used for z-scores, and why (the screen says so). */
  fallbackExperts: z.array(z.object({ expertName: z.string(), reason: z.string() })),
  sensitivity: z.array(
    z.object({ method, methodLabel: z.string(), enter: z.array(z.string()), leave: z.array(z.string()) }),
  ),
  constraints: z.object({
    /** How many the shortlist may hold (the campaign's allotment for this category), null when open. */
    size: z.number().nullable(),
    perUnit: z.number().nullable().describe('每个单位最多入选数'),
    specials: z.number().describe('特别推介名额'),
  }),
  chairRecused: z
    .array(z.string())
    .describe('组长回避的推介（仅组织单位可见）：拟推介名单不含这些，由组织单位另行决定'),
  complete: z.boolean().describe('所有评分均已提交'),
  canPropose: z.boolean(),
  canConfirm: z.boolean(),
});

export const ShortlistEntry = z.object({
  nominationId: z.uuid(),
  decision: z.enum(['shortlisted', 'not_selected']),
  special: z.boolean().default(false),
  /** Required where the decision goes against the ranking (a lower one in, a higher one out). */
  reason: z.string().trim().max(500).default(''),
});
export const ProposeShortlistBody = z.object({
  roundId: z.uuid(),
  category,
  method,
  entries: z.array(ShortlistEntry).min(1),
  note: z.string().max(2000).default(''),
});
export const ShortlistProposal = z
  .object({
    id: z.string(),
    roundId: z.string(),
    category,
    method,
    entries: z.array(
      ShortlistEntry.extend({ title: z.string(), unitName: z.string(), rank: z.number().nullable() }),
    ),
    note: z.string(),
    proposedBy: z.string().nullable(),
    proposedAt: z.string(),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    findings: z.array(Finding),
  })
  .meta({ id: 'ShortlistProposal' });
export const ShortlistProposalsResponse = z.object({ items: z.array(ShortlistProposal) });

export type MyReviews = z.infer<typeof MyReviewsResponse>;
export type ReviewResponse = z.infer<typeof ReviewResponse>;
export type SaveReviewInput = z.input<typeof SaveReviewBody>;
export type RankingResponse = z.infer<typeof RankingResponse>;
export type ShortlistProposal = z.infer<typeof ShortlistProposal>;
export type ProposeShortlistInput = z.input<typeof ProposeShortlistBody>;

/** The printable 评审表 an expert signs at a meeting: their own reviews of a round, criterion by criterion. */
export const ScoreSheetResponse = z.object({
  campaignTitle: z.string(),
  roundName: z.string(),
  expertName: z.string(),
  /** 2024年4月10日 */
  printedOn: z.string(),
  items: z.array(
    z.object({
      nominationId: z.string(),
      title: z.string(),
      category,
      categoryLabel: z.string(),
      criteria: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          max: z.number(),
          weight: z.number(),
          score: z.number().nullable(),
        }),
      ),
      total: z.number().nullable(),
      recommendation: recommendation.nullable(),
      recommendationLabel: z.string(),
      proposeSpecial: z.boolean(),
      comment: z.string(),
      stateLabel: z.string(),
      submittedAt: z.string().nullable(),
      contentHash: z.string().nullable(),
    }),
  ),
});
export type ScoreSheetResponse = z.infer<typeof ScoreSheetResponse>;
