import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../findings.ts';
import { effectiveQuota, quotaFindings } from './quotas.ts';
import type { Category } from './rules.ts';
import { getTemplate } from './templates/index.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './unit-types.ts';

const national = getTemplate('national-2024')!;
const jilin = getTemplate('jilin-2023')!;
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('quotaFindings', () => {
  it.each([
    // unit type, category, regular, special, expected codes
    ['provincial_edu', 'star', 0, 0, ['QUOTA_BELOW_MIN']],
    ['provincial_edu', 'star', 2, 0, ['QUOTA_BELOW_MIN']],
    ['provincial_edu', 'star', 3, 0, []],
    ['provincial_edu', 'star', 5, 1, []],
    ['provincial_edu', 'star', 6, 0, ['QUOTA_EXCEEDED']],
    ['provincial_edu', 'project', 5, 2, ['SPECIAL_QUOTA_EXCEEDED']],
    ['trade_union', 'project', 10, 1, []],
    ['trade_union', 'project', 11, 0, ['QUOTA_EXCEEDED']],
    ['senior_university', 'star', 1, 1, []],
    ['senior_university', 'star', 2, 0, ['QUOTA_EXCEEDED']],
    ['enterprise', 'star', 4, 2, ['QUOTA_EXCEEDED', 'SPECIAL_QUOTA_EXCEEDED']],
  ] as const)('%s %s regular %i special %i → %j', (type, category, regular, special, expected) => {
    expect(codes(quotaFindings(national, type, undefined, category, { regular, special }))).toEqual(expected);
  });

  it('Jilin: 10 stars and 8 projects are the maximum for every unit', () => {
    for (const type of ['city_edu', 'direct_admin_edu', 'university', 'other_unit'] as const) {
      expect(quotaFindings(jilin, type, undefined, 'star', { regular: 10, special: 1 })).toEqual([]);
      expect(codes(quotaFindings(jilin, type, undefined, 'star', { regular: 11, special: 0 }))).toEqual([
        'QUOTA_EXCEEDED',
      ]);
      expect(quotaFindings(jilin, type, undefined, 'project', { regular: 8, special: 1 })).toEqual([]);
      expect(codes(quotaFindings(jilin, type, undefined, 'project', { regular: 4, special: 0 }))).toEqual([
        'QUOTA_BELOW_MIN',
      ]);
    }
  });

  it('a unit type without a quota in this campaign cannot nominate', () => {
    const findings = quotaFindings(jilin, 'provincial_edu', undefined, 'star', { regular: 1, special: 0 });
    expect(codes(findings)).toEqual(['QUOTA_NOT_ASSIGNED']);
    expect(findings[0]?.message).toContain('省级教育行政部门');
  });

  it('a per-unit override replaces the type quota for its category only', () => {
    const override = { star: { min: 0, max: 8 } };
    expect(effectiveQuota(national, 'provincial_edu', override, 'star')).toEqual({ min: 0, max: 8 });
    expect(effectiveQuota(national, 'provincial_edu', override, 'project')).toEqual({ min: 3, max: 5 });
    expect(quotaFindings(national, 'provincial_edu', override, 'star', { regular: 8, special: 0 })).toEqual(
      [],
    );
  });

  it('messages name the numbers and what to do', () => {
    const [exceeded] = quotaFindings(national, 'provincial_edu', undefined, 'star', {
      regular: 6,
      special: 0,
    });
    expect(exceeded?.message).toBe('“百姓学习之星”最多可推介5名，本次提交后将达6名，请撤回多出的推介。');
    const [below] = quotaFindings(national, 'senior_university', undefined, 'project', {
      regular: 0,
      special: 0,
    });
    expect(below?.message).toBe('通知要求推介“终身学习品牌项目”1个，目前为0个，可继续补充。');
  });

  it.each([
    [-1, 0],
    [Number.NaN, 0],
    [1.5, 0],
    [0, Number.POSITIVE_INFINITY],
  ])('refuses impossible counts (%s, %s) instead of passing them', (regular, special) => {
    expect(codes(quotaFindings(national, 'provincial_edu', undefined, 'star', { regular, special }))).toEqual(
      ['QUOTA_COUNT_INVALID'],
    );
  });

  it('property: no counts above the maximum ever pass without an error', () => {
    const unitTypes = Object.keys(ORGANISATION_TYPES) as OrganisationType[];
    fc.assert(
      fc.property(
        fc.constantFrom(national, jilin),
        fc.constantFrom(...unitTypes),
        fc.constantFrom<Category>('star', 'project'),
        fc.option(fc.record({ min: fc.nat(20), max: fc.nat(20) }), { nil: undefined }),
        fc.integer({ min: -5, max: 40 }),
        fc.integer({ min: -1, max: 4 }),
        (rules, type, category, override, regular, special) => {
          const unitOverride = override ? { [category]: override } : undefined;
          const findings = quotaFindings(rules, type, unitOverride, category, { regular, special });
          const quota = effectiveQuota(rules, type, unitOverride, category);
          if (!hasErrors(findings)) {
            expect(quota).not.toBeNull();
            expect(regular).toBeLessThanOrEqual(quota!.max);
            expect(regular).toBeGreaterThanOrEqual(0);
            expect(special).toBeLessThanOrEqual(rules.specialPicks[category]);
          }
          if (quota && regular >= 0 && special >= 0 && regular > quota.max)
            expect(codes(findings)).toContain('QUOTA_EXCEEDED');
        },
      ),
    );
  });
});
