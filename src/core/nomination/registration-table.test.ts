import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import {
  normaliseRanks,
  type RegistrationContext,
  type RegistrationItem,
  registrationFindings,
  registrationRows,
  remarkFor,
  reorder,
  setSpecial,
} from './registration-table.ts';

const national = getTemplate('national-2024')!;
const province: RegistrationContext = { category: 'star', unitType: 'provincial_edu' };
const items = (n: number, specials: number[] = []): RegistrationItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `n${i + 1}`, rank: i + 1, special: specials.includes(i + 1) }));
const codes = (list: RegistrationItem[], context = province) =>
  registrationFindings(list, national, context).map((f) => `${f.code}@${f.field}`);
const ids = (list: RegistrationItem[]) => list.map((item) => item.id);

describe('reorder', () => {
  it('moves one nominee and closes up the others', () => {
    const result = reorder(items(4), 'n4', 1);
    expect(result.ok && result.list).toEqual([
      { id: 'n4', rank: 1, special: false },
      { id: 'n1', rank: 2, special: false },
      { id: 'n2', rank: 3, special: false },
      { id: 'n3', rank: 4, special: false },
    ]);
    const down = reorder(items(4), 'n1', 3);
    expect(down.ok && ids(down.list)).toEqual(['n2', 'n3', 'n1', 'n4']);
  });

  it('refuses an unknown nominee or an impossible rank', () => {
    expect(reorder(items(3), 'nx', 1)).toMatchObject({
      ok: false,
      findings: [{ code: 'REGISTRATION_ITEM_UNKNOWN' }],
    });
    for (const rank of [0, 4, 1.5, Number.NaN, -1]) {
      const result = reorder(items(3), 'n1', rank);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.findings[0]!.message).toBe('排序应为1至3之间的整数，请重新选择。');
    }
  });

  it('property: a permutation ranked 1..n, the item where asked, the rest in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.boolean()),
        (n, from, to, flags) => {
          const list = items(n).map((item, i) => ({ ...item, special: flags[i] === true }));
          const id = `n${(from % n) + 1}`;
          const newRank = (to % n) + 1;
          const result = reorder(list, id, newRank);
          if (!result.ok) throw new Error('reorder refused a valid move');
          expect(result.list.map((item) => item.rank)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          expect(result.list.find((item) => item.id === id)!.rank).toBe(newRank);
          expect(ids(result.list).filter((x) => x !== id)).toEqual(ids(list).filter((x) => x !== id));
          expect(result.list.filter((item) => item.special).length).toBe(
            list.filter((item) => item.special).length,
          );
          expect(codes(result.list).filter((c) => c.startsWith('RANK'))).toEqual([]);
        },
      ),
    );
  });
});

describe('normaliseRanks', () => {
  it('closes gaps and puts broken ranks last, keeping ties in order', () => {
    const list = [
      { id: 'a', rank: 7, special: false },
      { id: 'b', rank: Number.NaN, special: false },
      { id: 'c', rank: 2, special: false },
      { id: 'd', rank: 2, special: false },
    ];
    expect(normaliseRanks(list).map((x) => `${x.id}${x.rank}`)).toEqual(['c1', 'd2', 'a3', 'b4']);
  });

  it('property: always yields ranks 1..n', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double())), (ranks) => {
        const list = ranks.map((rank, i) => ({ id: `x${i}`, rank, special: false }));
        expect(normaliseRanks(list).map((x) => x.rank)).toEqual(ranks.map((_, i) => i + 1));
      }),
    );
  });
});

describe('registrationFindings', () => {
  it('a well-ranked table within quota has no findings', () => {
    expect(codes(items(5, [2]))).toEqual([]);
    expect(codes([])).toEqual(['QUOTA_BELOW_MIN@quota.star']);
  });

  it('reports repeated, missing and impossible ranks', () => {
    expect(codes([...items(2), { id: 'n3', rank: 2, special: false }])).toEqual(['RANK_DUPLICATE@rank']);
    expect(
      codes([
        { id: 'a', rank: 1, special: false },
        { id: 'b', rank: 3, special: false },
        { id: 'c', rank: 4, special: false },
      ]),
    ).toEqual(['RANK_GAP@rank']);
    expect(codes([{ id: 'a', rank: 0, special: false }, ...items(3).slice(1)])).toEqual([
      'RANK_INVALID@rank',
    ]);
    const gap = registrationFindings(
      [
        { id: 'a', rank: 1, special: false },
        { id: 'b', rank: 1, special: false },
        { id: 'c', rank: 3, special: false },
      ],
      national,
      province,
    );
    expect(gap[0]!.message).toBe('排序第1位重复，请重新排序。');
    expect(
      codes([
        { id: 'a', rank: 1, special: false },
        { id: 'a', rank: 2, special: false },
        ...items(3).slice(2),
      ]),
    ).toContain('REGISTRATION_DUPLICATE_ITEM@rank');
  });

  it('specials sit on top of the quota, at most one', () => {
    expect(codes(items(6, [6]))).toEqual([]); // 5 regular + 1 special
    expect(codes(items(6))).toEqual(['QUOTA_EXCEEDED@quota.star']);
    expect(codes(items(5, [1, 2]))).toEqual(['SPECIAL_QUOTA_EXCEEDED@quota.star.special']);
  });

  it('uses the unit type quota', () => {
    expect(codes(items(2), { category: 'project', unitType: 'senior_university' })).toEqual([
      'QUOTA_EXCEEDED@quota.project',
    ]);
    expect(codes(items(1), { category: 'star', unitType: 'city_edu' })).toEqual([
      'QUOTA_NOT_ASSIGNED@quota.star',
    ]);
  });

  it('property: specials beyond the campaign limit are always reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (regular, specials) => {
        const list = items(
          regular + specials,
          Array.from({ length: specials }, (_, i) => i + 1),
        );
        const found = codes(list).includes('SPECIAL_QUOTA_EXCEEDED@quota.star.special');
        expect(found).toBe(specials > national.specialPicks.star);
      }),
    );
  });
});

describe('remarks', () => {
  it('writes the special label without the category name', () => {
    expect(remarkFor({ special: true }, 'star', national)).toBe('事迹特别感人');
    expect(remarkFor({ special: true }, 'project', national)).toBe('特别受百姓喜爱');
    expect(remarkFor({ special: false }, 'star', national)).toBe('');
  });

  it('falls back to the whole label when it does not end with the category', () => {
    const rules = structuredClone(national);
    rules.categories.star.specialLabel = '特别推介';
    expect(remarkFor({ special: true }, 'star', rules)).toBe('特别推介');
  });

  it('rows come out by rank with their remarks', () => {
    const list = setSpecial(items(3), 'n3', true).reverse();
    expect(registrationRows(list, 'star', national).map((r) => [r.rank, r.id, r.remark])).toEqual([
      [1, 'n1', ''],
      [2, 'n2', ''],
      [3, 'n3', '事迹特别感人'],
    ]);
  });
});
