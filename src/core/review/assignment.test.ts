import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviews } from './assignment.ts';
import type {
  AssignmentExpert,
  AssignmentInput,
  AssignmentNomination,
  ReviewPair,
} from './assignment-input.ts';

const nominations = (count: number, province = '22'): AssignmentNomination[] =>
  Array.from({ length: count }, (_, i) => ({ id: `n${i + 1}`, label: `推介${i + 1}`, province }));
const expert = (id: string, province: string, load: Partial<AssignmentExpert> = {}): AssignmentExpert => ({
  id,
  name: id.toUpperCase(),
  province,
  ...load,
});

function reviewersOf(pairs: readonly ReviewPair[], nominationId: string): string[] {
  return pairs.filter((p) => p.nominationId === nominationId).map((p) => p.expertId);
}

describe('assignReviews', () => {
  it('gives every nomination N reviews from experts without a conflict, spread over provinces', () => {
    const input: AssignmentInput = {
      experts: [expert('a', '11'), expert('b', '11'), expert('c', '31'), expert('d', '31')],
      nominations: nominations(4),
      reviewsPerNomination: 2,
      conflicted: [{ nominationId: 'n1', expertId: 'a' }],
      seed: 1,
    };
    const result = assignReviews(input);
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect(result.assignments).toHaveLength(8);
    for (const { id } of input.nominations) {
      const reviewers = reviewersOf(result.assignments, id);
      expect(reviewers).toHaveLength(2);
      // one from Beijing (a or b), one from Shanghai (c or d)
      expect(reviewers.filter((e) => e === 'a' || e === 'b')).toHaveLength(1);
    }
    expect(reviewersOf(result.assignments, 'n1')).not.toContain('a');
    expect(result.sameProvinceNominations).toBe(0);
    // balanced: 8 reviews over 4 experts
    expect(result.loads.map((l) => l.load)).toEqual([2, 2, 2, 2]);
  });

  it('is reproducible with a seed', () => {
    const input: AssignmentInput = {
      experts: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => expert(id, String(11 + (i % 3)))),
      nominations: nominations(12),
      conflicted: [],
      seed: 42,
    };
    expect(assignReviews(input)).toEqual(assignReviews(input));
    expect(assignReviews({ ...input, seed: 43 }).ok).toBe(true);
  });

  it('meets minimum loads and respects maximum loads', () => {
    const result = assignReviews({
      experts: [
        expert('a', '11', { minLoad: 4 }),
        expert('b', '12', { maxLoad: 1 }),
        expert('c', '13'),
        expert('d', '14'),
      ],
      nominations: nominations(4),
      reviewsPerNomination: 2,
      conflicted: [],
      seed: 3,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const load = Object.fromEntries(result.loads.map((l) => [l.expertId, l.load]));
    expect(load.a).toBe(4);
    expect(load.b).toBeLessThanOrEqual(1);
  });

  it('keeps fixed pairs and counts them', () => {
    const result = assignReviews({
      experts: [expert('a', '11', { maxLoad: 1 }), expert('b', '12'), expert('c', '13')],
      nominations: nominations(2),
      reviewsPerNomination: 2,
      conflicted: [],
      fixed: [{ nominationId: 'n2', expertId: 'a' }],
      seed: 5,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect(reviewersOf(result.assignments, 'n2')).toContain('a');
    expect(reviewersOf(result.assignments, 'n1')).toEqual(['b', 'c']);
  });

  it('names the nominations that lack conflict-free experts', () => {
    const result = assignReviews({
      experts: [expert('a', '11'), expert('b', '12'), expert('c', '13')],
      nominations: nominations(3),
      conflicted: [
        { nominationId: 'n2', expertId: 'a' },
        { nominationId: 'n3', expertId: 'b' },
      ],
      seed: 1,
    });
    expect(result).toEqual({
      ok: false,
      findings: [
        {
          code: 'ASSIGNMENT_TOO_FEW_EXPERTS',
          severity: 'error',
          field: 'nominations',
          message:
            '以下推介无需回避且尚有工作量的专家不足3位，无法安排3份评审：推介2、推介3。请增加专家或核实回避情况',
        },
      ],
    });
  });

  it('says when total capacity or minimum loads cannot fit the demand', () => {
    const base = { nominations: nominations(4), reviewsPerNomination: 2, conflicted: [], seed: 1 };
    const capacity = assignReviews({
      ...base,
      experts: [expert('a', '11', { maxLoad: 3 }), expert('b', '12', { maxLoad: 3 })],
    });
    expect(!capacity.ok && capacity.findings.map((f) => f.message)).toEqual([
      '专家最高工作量合计6份，少于所需的8份评审（4项推介，每项2份），请提高最高工作量或增加专家',
    ]);
    const minimum = assignReviews({
      ...base,
      experts: [expert('a', '11', { minLoad: 5 }), expert('b', '12', { minLoad: 4 })],
    });
    expect(!minimum.ok && minimum.findings.map((f) => f.code)).toEqual([
      'ASSIGNMENT_MIN_LOAD_TOO_HIGH',
      'ASSIGNMENT_MIN_LOAD_UNREACHABLE',
    ]);
    const range = assignReviews({ ...base, experts: [expert('a', '11', { minLoad: 5, maxLoad: 2 })] });
    expect(!range.ok && range.findings[0]!.message).toBe('专家A的最低工作量（5份）高于最高工作量（2份）');
  });

  it('says which nominations cannot be served when the experts they need are full', () => {
    // n1 and n2 may only be reviewed by a and b (c is conflicted with both); a takes one review at most.
    const result = assignReviews({
      experts: [expert('a', '11', { maxLoad: 1 }), expert('b', '12'), expert('c', '13')],
      nominations: nominations(2),
      reviewsPerNomination: 2,
      conflicted: [
        { nominationId: 'n1', expertId: 'c' },
        { nominationId: 'n2', expertId: 'c' },
      ],
      seed: 1,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings[0]!.code).toBe('ASSIGNMENT_INFEASIBLE');
    expect(!result.ok && result.findings[0]!.message).toMatch(
      /^在回避要求和专家最高工作量之内，无法为以下推介各安排2份评审：推介[12]。/,
    );
  });

  it('finds an assignment whenever one exists, and never breaks a rule (property)', () => {
    // Plant a valid assignment, then add conflicts only outside it and loads around it: it must be found.
    const instance = fc
      .record({
        experts: fc.integer({ min: 3, max: 7 }),
        nominations: fc.integer({ min: 1, max: 12 }),
        n: fc.integer({ min: 1, max: 3 }),
      })
      .filter(({ experts, n }) => n <= experts)
      .chain(({ experts, nominations: count, n }) =>
        fc.record({
          experts: fc.constant(experts),
          n: fc.constant(n),
          planted: fc.array(fc.shuffledSubarray([...Array(experts).keys()], { minLength: n, maxLength: n }), {
            minLength: count,
            maxLength: count,
          }),
          conflictChance: fc.double({ min: 0, max: 0.9, noNaN: true }),
          slack: fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { minLength: experts, maxLength: experts }),
          provinces: fc.array(fc.constantFrom('11', '12', '13'), { minLength: experts, maxLength: experts }),
          seed: fc.nat(),
          coin: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: experts * count,
            maxLength: experts * count,
          }),
        }),
      );
    fc.assert(
      fc.property(instance, ({ experts: size, n, planted, conflictChance, slack, provinces, seed, coin }) => {
        const plantedLoad = Array.from(
          { length: size },
          (_, e) => planted.filter((p) => p.includes(e)).length,
        );
        const pool = plantedLoad.map((load, e) =>
          expert(`e${e}`, provinces[e]!, {
            minLoad: Math.max(0, load - slack[e]![0]),
            maxLoad: load + slack[e]![1],
          }),
        );
        const noms = nominations(planted.length);
        const conflicted: ReviewPair[] = [];
        planted.forEach((chosen, i) => {
          for (let e = 0; e < size; e++)
            if (!chosen.includes(e) && coin[i * size + e]! < conflictChance)
              conflicted.push({ nominationId: `n${i + 1}`, expertId: `e${e}` });
        });
        const result = assignReviews({
          experts: pool,
          nominations: noms,
          reviewsPerNomination: n,
          conflicted,
          seed,
        });
        if (!result.ok) throw new Error(JSON.stringify(result.findings));
        const blocked = new Set(conflicted.map((p) => `${p.nominationId}/${p.expertId}`));
        for (const pair of result.assignments)
          expect(blocked.has(`${pair.nominationId}/${pair.expertId}`)).toBe(false);
        for (const nom of noms) expect(new Set(reviewersOf(result.assignments, nom.id)).size).toBe(n);
        result.loads.forEach((l, e) => {
          expect(l.load).toBeGreaterThanOrEqual(pool[e]!.minLoad!);
          expect(l.load).toBeLessThanOrEqual(pool[e]!.maxLoad!);
        });
      }),
      { numRuns: 200 },
    );
  });
});
