import { describe, expect, it } from 'vitest';
import { copyRulesForYear } from './copy.ts';
import { deadlineInstant, isPastDeadline } from './deadline.ts';
import { getTemplate } from './templates/index.ts';
import { validateCampaignRules } from './validate.ts';

describe('copyRulesForYear', () => {
  const before = getTemplate('national-2024')!;
  const copy = copyRulesForYear(before, 2025);

  it('shifts year and title, clears deadline, document number and issue date', () => {
    expect(copy.year).toBe(2025);
    expect(copy.title).toBe('2025年全国新时代“百姓学习之星”和“终身学习品牌项目”宣传推介');
    expect(copy.deadline).toEqual({ date: null, time: '23:59', timeFromNotice: false });
    expect(copy.documentNumber).toBeNull();
    expect(copy.issuedOn).toBeNull();
  });

  it('keeps quotas, materials and thresholds, as a deep copy', () => {
    expect(copy.quotas).toEqual(before.quotas);
    expect(copy.materials).toEqual(before.materials);
    copy.quotas.byUnitType.provincial_edu!.star.max = 7;
    expect(before.quotas.byUnitType.provincial_edu!.star.max).toBe(5);
  });

  it('cannot open until the organiser sets a deadline', () => {
    expect(validateCampaignRules(copy).map((f) => f.code)).toEqual(['DEADLINE_MISSING']);
  });
});

describe('deadline instant', () => {
  const rules = getTemplate('national-2024')!;

  it('is the end of 2024-04-10 in Beijing', () => {
    expect(new Date(deadlineInstant(rules)!).toISOString()).toBe('2024-04-10T15:59:59.999Z');
    expect(isPastDeadline(rules, Date.parse('2024-04-10T23:59:30+08:00'))).toBe(false);
    expect(isPastDeadline(rules, Date.parse('2024-04-11T00:00:00+08:00'))).toBe(true);
  });

  it('is null for a missing or malformed deadline', () => {
    expect(deadlineInstant({ deadline: { date: null, time: '23:59', timeFromNotice: false } })).toBeNull();
    expect(
      deadlineInstant({ deadline: { date: '2024-13-01', time: '23:59', timeFromNotice: false } }),
    ).toBeNull();
    expect(
      isPastDeadline({ deadline: { date: null, time: '23:59', timeFromNotice: false } }, Date.now()),
    ).toBe(false);
  });
});
