import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateReviews, type NominationScore, rankNominations } from './ranking.ts';
import { type ReviewTotal, reviewTotal } from './review-total.ts';
import { rankingSensitivity } from './sensitivity.ts';

const t = (nomination: string, expert: string, total: number): ReviewTotal => ({ nomination, expert, total });

/**
 * A: n1 90, n2 70 → mean 80, sd 10 → z +1, −1
 * B: n2 60, n3 40 → mean 50, sd 10 → z +1, −1
 * C: n1 50, n3 70 → mean 60, sd 10 → z −1, +1
 * D: n3 100 alone → falls back (fewer than 2 reviews)
 * E: n1 75, n2 75 → falls back (no spread)
 * All nine totals: sum 630, mean 70; deviations 20,0,−10,−30,−20,0,30,5,5, squares sum 2750, sd √(2750/9).
 */
const EXAMPLE = [
  t('n1', 'A', 90),
  t('n2', 'A', 70),
  t('n2', 'B', 60),
  t('n3', 'B', 40),
  t('n1', 'C', 50),
  t('n3', 'C', 70),
  t('n3', 'D', 100),
  t('n1', 'E', 75),
  t('n2', 'E', 75),
];
const SD_ALL = Math.sqrt(2750 / 9);

function byId(scores: NominationScore[]) {
  return Object.fromEntries(scores.map((s) => [s.nomination, s]));
}

describe('reviewTotal', () => {
  it('is 100 · Σ(weight · score) / Σ(weight · max)', () => {
    // weights 2, 1, 1; scores 8/10, 15/20, 3/5: (2·8 + 15 + 3) / (2·10 + 20 + 5) = 34 / 45 → 75.555…
    const total = reviewTotal([
      { score: 8, max: 10, weight: 2 },
      { score: 15, max: 20, weight: 1 },
      { score: 3, max: 5, weight: 1 },
    ]);
    expect(total).toBeCloseTo((100 * 34) / 45, 10);
  });
});

describe('aggregateReviews', () => {
  const aggregation = aggregateReviews(EXAMPLE);
  const scores = byId(aggregation.nominations);

  it('computes mean, spread and the disagreement flag by hand', () => {
    expect(scores.n1!.mean).toBeCloseTo((90 + 50 + 75) / 3, 10);
    expect(scores.n2!.mean).toBeCloseTo((70 + 60 + 75) / 3, 10);
    expect(scores.n3!.mean).toBeCloseTo((40 + 70 + 100) / 3, 10);
    // fewer than 5 reviews: trimmed is the mean
    expect(scores.n3!.trimmed).toBe(scores.n3!.mean);
    // spreads 90−50 = 40, 75−60 = 15, 100−40 = 60 against the default threshold 20
    expect([scores.n1!.spread, scores.n2!.spread, scores.n3!.spread]).toEqual([40, 15, 60]);
    expect([scores.n1!.disagreement, scores.n2!.disagreement, scores.n3!.disagreement]).toEqual([
      true,
      false,
      true,
    ]);
    expect(
      aggregateReviews(EXAMPLE, { disagreementThreshold: 50 }).nominations.map((n) => n.disagreement),
    ).toEqual([false, false, true]);
  });

  it('normalises per expert, and against all totals for the experts that fall back', () => {
    expect(aggregation.overall.mean).toBe(70);
    expect(aggregation.overall.sd).toBeCloseTo(SD_ALL, 10);
    const experts = Object.fromEntries(aggregation.experts.map((e) => [e.expert, e]));
    expect(experts.A).toMatchObject({ reviews: 2, mean: 80, sd: 10, fallback: false });
    expect(experts.D).toMatchObject({ reviews: 1, fallback: true, fallbackReason: 'FEW_REVIEWS' });
    expect(experts.E).toMatchObject({ reviews: 2, sd: 0, fallback: true, fallbackReason: 'NO_SPREAD' });
    // n1: A (90−80)/10 = +1, C (50−60)/10 = −1, E (75−70)/sd = 5/sd → mean (5/sd)/3
    expect(scores.n1!.zscore).toBeCloseTo(5 / SD_ALL / 3, 10);
    // n2: A −1, B +1, E 5/sd → the same as n1
    expect(scores.n2!.zscore).toBeCloseTo(5 / SD_ALL / 3, 10);
    // n3: B −1, C +1, D (100−70)/sd = 30/sd → 10/sd, rescaled 70 + (10/sd)·sd = 80
    expect(scores.n3!.zscore).toBeCloseTo(10 / SD_ALL, 10);
    expect(scores.n3!.zscoreRescaled).toBeCloseTo(80, 10);
    // n1 rescaled: 70 + 5/3
    expect(scores.n1!.zscoreRescaled).toBeCloseTo(70 + 5 / 3, 10);
    expect(scores.n1!.fallbackExperts).toEqual(['E']);
    expect(scores.n3!.fallbackExperts).toEqual(['D']);
  });

  it('drops one highest and one lowest total from five reviews on', () => {
    const five = [t('x', 'A', 95), t('x', 'B', 40), t('x', 'C', 70), t('x', 'D', 80), t('x', 'E', 60)];
    const [x] = aggregateReviews(five).nominations;
    // mean (95+40+70+80+60)/5 = 69; trimmed drops 95 and 40: (70+80+60)/3 = 70
    expect(x!.mean).toBe(69);
    expect(x!.trimmed).toBe(70);
  });

  it('gives z 0 to everyone when every total is the same', () => {
    const flat = aggregateReviews([t('a', 'A', 60), t('b', 'B', 60)]);
    expect(flat.nominations.map((n) => [n.zscore, n.zscoreRescaled])).toEqual([
      [0, 60],
      [0, 60],
    ]);
  });
});

describe('rankNominations', () => {
  const { nominations } = aggregateReviews(EXAMPLE);
  const order = (method: 'mean' | 'trimmed' | 'zscore', tie?: 'platform') =>
    rankNominations(nominations, method, tie).map((n) => `${n.rank}:${n.nomination}`);

  it('orders best first, equal scores by nomination id', () => {
    // means 71.67, 68.33, 70
    expect(order('mean')).toEqual(['1:n1', '2:n3', '3:n2']);
    // z: n3 10/sd first, then n1 and n2 tied at (5/sd)/3: by id
    expect(order('zscore')).toEqual(['1:n3', '2:n1', '3:n2']);
  });

  it('breaks a tie by the other methods under the platform rule', () => {
    const renamed = nominations.map((n) => (n.nomination === 'n1' ? { ...n, nomination: 'n9' } : n));
    // id rule: n2 before n9; platform rule: n9 has the higher mean (71.67 against 68.33)
    expect(rankNominations(renamed, 'zscore').map((n) => n.nomination)).toEqual(['n3', 'n2', 'n9']);
    expect(rankNominations(renamed, 'zscore', 'platform').map((n) => n.nomination)).toEqual([
      'n3',
      'n9',
      'n2',
    ]);
  });

  it('does not let rounding noise break a tie', () => {
    const a = { ...nominations[0]!, nomination: 'b', mean: 0.1 + 0.2 + 0.3 };
    const b = { ...nominations[0]!, nomination: 'a', mean: 0.3 + 0.2 + 0.1 };
    expect(rankNominations([a, b], 'mean').map((n) => n.nomination)).toEqual(['a', 'b']);
  });
});

describe('rankingSensitivity', () => {
  it('lists who enters and who leaves the shortlist under each other method', () => {
    const { nominations } = aggregateReviews(EXAMPLE);
    const [line] = rankingSensitivity({ star: nominations }, { star: 1 }, 'mean');
    expect(line).toEqual({
      category: 'star',
      size: 1,
      shortlist: ['n1'],
      others: [
        { method: 'trimmed', enter: [], leave: [] },
        { method: 'zscore', enter: ['n3'], leave: ['n1'] },
      ],
    });
    const [two] = rankingSensitivity({ star: nominations }, { star: 2 }, 'zscore');
    expect(two!.others.find((o) => o.method === 'mean')).toEqual({ method: 'mean', enter: [], leave: [] });
  });
});

/**
 * A panel where every expert has their own scale (at least 2 reviews with different totals). Scores are
 * integers on one rubric (3 criteria, max 10) and stay at most 10 − 3, so that adding up to 3 keeps them
 * in range.
 */
const WEIGHTS = [3, 2, 1];
const panel = fc
  .record({
    experts: fc.integer({ min: 2, max: 5 }),
    nominations: fc.integer({ min: 3, max: 8 }),
  })
  .chain(({ experts, nominations }) =>
    fc.array(
      fc.record({
        reviewed: fc.uniqueArray(fc.integer({ min: 0, max: nominations - 1 }), {
          minLength: 2,
          maxLength: nominations,
        }),
        scores: fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 }), {
          minLength: nominations,
          maxLength: nominations,
        }),
      }),
      { minLength: experts, maxLength: experts },
    ),
  );

type Panel = { reviewed: number[]; scores: number[][] }[];

function totalsOf(experts: Panel, shifted = -1, constant = 0): ReviewTotal[] {
  return experts.flatMap((expert, e) =>
    expert.reviewed.map((n) =>
      t(
        `n${n}`,
        `e${e}`,
        reviewTotal(
          expert.scores[n]!.map((score, c) => ({
            score: e === shifted ? score + constant : score,
            max: 10,
            weight: WEIGHTS[c]!,
          })),
        ),
      ),
    ),
  );
}

describe('z-score normalisation (properties)', () => {
  it('adding a constant to all of one expert’s scores never changes the normalised ranking', () => {
    fc.assert(
      fc.property(panel, fc.nat(), fc.integer({ min: 1, max: 3 }), (experts, pick, constant) => {
        const before = aggregateReviews(totalsOf(experts));
        // The property is about experts with a scale of their own; the others are checked below.
        fc.pre(before.experts.every((e) => !e.fallback));
        const shifted = pick % experts.length;
        const after = aggregateReviews(totalsOf(experts, shifted, constant));
        const ids = (a: typeof before) => rankNominations(a.nominations, 'zscore').map((n) => n.nomination);
        expect(ids(after)).toEqual(ids(before));
        const z = (a: typeof before) => a.nominations.map((n) => n.zscore);
        z(after).forEach((value, i) => {
          expect(value).toBeCloseTo(z(before)[i]!, 9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('also holds for totals shifted and stretched directly (T → a·T + b, a > 0)', () => {
    fc.assert(
      fc.property(
        panel,
        fc.nat(),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (experts, pick, a, b) => {
          const before = aggregateReviews(totalsOf(experts));
          fc.pre(before.experts.every((e) => !e.fallback));
          const shifted = `e${pick % experts.length}`;
          const moved = totalsOf(experts).map((r) =>
            r.expert === shifted ? { ...r, total: a * r.total + b } : r,
          );
          const after = aggregateReviews(moved);
          after.nominations.forEach((n, i) => {
            expect(n.zscore).toBeCloseTo(before.nominations[i]!.zscore, 9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not hold when another expert is measured against everyone, since everyone moved', () => {
    // A: n1 45, n2 10, n3 35 → mean 30, sd √(650/3) = 14.72 → z n1 +1.02, n3 +0.34.
    // B has one review (n1 50) and falls back: all totals 45,10,35,50, mean 35, sd √237.5 = 15.41, z +0.97,
    // so n1 = (1.02 + 0.97)/2 = 1.00 leads n3 = 0.34. A adds 30 to every total: A's z stay, but the mean of
    // all becomes 57.5 (sd 13.46) and B's 50 now counts −0.56: n1 = (1.02 − 0.56)/2 = 0.23 falls behind n3.
    // That is what "that expert's raw scores are used" implies, and why a screen names such experts.
    const totals = [t('n1', 'A', 45), t('n2', 'A', 10), t('n3', 'A', 35), t('n1', 'B', 50)];
    const before = rankNominations(aggregateReviews(totals).nominations, 'zscore').map((n) => n.nomination);
    const raised = totals.map((r) => (r.expert === 'A' ? { ...r, total: r.total + 30 } : r));
    const after = rankNominations(aggregateReviews(raised).nominations, 'zscore').map((n) => n.nomination);
    expect(before).toEqual(['n1', 'n3', 'n2']);
    expect(after).toEqual(['n3', 'n1', 'n2']);
  });

  it('ranks are 1..n and follow the scores', () => {
    fc.assert(
      fc.property(panel, (experts) => {
        const { nominations } = aggregateReviews(totalsOf(experts));
        for (const method of ['mean', 'trimmed', 'zscore'] as const) {
          const ranked = rankNominations(nominations, method);
          expect(ranked.map((n) => n.rank)).toEqual(ranked.map((_, i) => i + 1));
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]![method]).toBeGreaterThanOrEqual(ranked[i]![method] - 1e-9);
        }
      }),
    );
  });
});
