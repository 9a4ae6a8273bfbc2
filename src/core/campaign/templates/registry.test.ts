import { describe, expect, it } from 'vitest';
import { getTemplate, listTemplates } from './index.ts';

describe('template registry', () => {
  it('lists both built-in templates', () => {
    expect(listTemplates().map((t) => [t.id, t.year, t.level])).toEqual([
      ['national-2024', 2024, 'national'],
      ['jilin-2023', 2023, 'provincial'],
    ]);
  });

  it('returns copies, so editing one never changes the template', () => {
    const first = getTemplate('national-2024')!;
    first.quotas.byUnitType.provincial_edu!.star.max = 99;
    first.eligibility.star.focusGroups.push('测试');
    const second = getTemplate('national-2024')!;
    expect(second.quotas.byUnitType.provincial_edu!.star.max).toBe(5);
    expect(second.eligibility.star.focusGroups).toHaveLength(6);
    // The two templates share building blocks; a copy of one must not reach into the other.
    expect(getTemplate('jilin-2023')!.eligibility.star.focusGroups).toHaveLength(6);
  });

  it('unknown ids and prototype keys give undefined', () => {
    expect(getTemplate('national-2025')).toBeUndefined();
    expect(getTemplate('toString')).toBeUndefined();
    expect(getTemplate('__proto__')).toBeUndefined();
  });
});
