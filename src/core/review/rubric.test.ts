import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS } from './default-rubrics.ts';
import { checkReviewScores, rubricSchema, rubricTotal } from './rubric.ts';

const stars = DEFAULT_RUBRICS.star;

describe('default rubrics', () => {
  it.each(Object.entries(DEFAULT_RUBRICS))(
    '%s passes the rubric schema and its weights add up to 100',
    (_c, rubric) => {
      expect(rubricSchema.safeParse(rubric).success).toBe(true);
      expect(rubric.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    },
  );

  it('follows the notice: four conditions for stars, the named qualities for projects', () => {
    expect(stars.criteria.map((c) => c.label)).toEqual([
      '政治立场坚定',
      '践行核心价值观',
      '坚持终身学习 学有所成',
      '带动群众 示范作用',
    ]);
    expect(DEFAULT_RUBRICS.project.criteria.map((c) => c.label)).toEqual([
      '创新性和前瞻性',
      '稳定性和保障性',
      '持续性和示范性',
      '参与规模',
      '成效与影响',
    ]);
  });
});

describe('rubricSchema', () => {
  it('refuses duplicate criterion ids and an empty range', () => {
    const [first] = stars.criteria;
    expect(rubricSchema.safeParse({ ...stars, criteria: [first, first] }).success).toBe(false);
    expect(rubricSchema.safeParse({ ...stars, criteria: [{ ...first, min: 10, max: 10 }] }).success).toBe(
      false,
    );
    expect(rubricSchema.safeParse({ ...stars, criteria: [] }).success).toBe(false);
  });
});

describe('checkReviewScores', () => {
  const full = { political_standing: 10, values_and_culture: 8, lifelong_learning: 7, leading_others: 9 };

  it('accepts a complete review and totals it', () => {
    expect(checkReviewScores(stars, full, { complete: true })).toEqual([]);
    // (15·10 + 15·8 + 35·7 + 35·9) / (100·10) = (150 + 120 + 245 + 315) / 1000 → 83
    expect(rubricTotal(stars, full)).toBeCloseTo(83, 10);
  });

  it('reports out-of-range, off-step, unknown and missing scores with Chinese messages', () => {
    const findings = checkReviewScores(
      stars,
      { political_standing: 11, values_and_culture: 7.5, leading_others: -1, extra: 3 },
      { complete: true },
    );
    expect(findings.map((f) => [f.code, f.field, f.message])).toEqual([
      ['SCORE_UNKNOWN_CRITERION', 'scores.extra', '该评分项不在本轮评分标准中，请刷新页面后重新评分'],
      [
        'SCORE_OUT_OF_RANGE',
        'scores.political_standing',
        '「政治立场坚定」得分 11 超出范围，应在 0 到 10 之间',
      ],
      ['SCORE_STEP', 'scores.values_and_culture', '「践行核心价值观」得分应以 1 分为单位，实为 7.5'],
      ['SCORE_CRITERION_MISSING', 'scores.lifelong_learning', '请为「坚持终身学习 学有所成」打分后再提交'],
      [
        'SCORE_OUT_OF_RANGE',
        'scores.leading_others',
        '「带动群众 示范作用」得分 -1 超出范围，应在 0 到 10 之间',
      ],
    ]);
  });

  it('lets a draft leave criteria out', () => {
    expect(checkReviewScores(stars, { lifelong_learning: 6 }, { complete: false })).toEqual([]);
  });
});
