import { describe, expect, it } from 'vitest';
import type { CampaignRules } from './rules.ts';
import { getTemplate } from './templates/index.ts';
import { validateCampaignRules } from './validate.ts';

function edited(edit: (rules: CampaignRules) => void): CampaignRules {
  const rules = getTemplate('national-2024')!;
  edit(rules);
  return rules;
}
const codesOf = (rules: CampaignRules) => validateCampaignRules(rules).map((f) => `${f.code}@${f.field}`);

describe('validateCampaignRules', () => {
  it('both templates are clean', () => {
    expect(validateCampaignRules(getTemplate('national-2024')!)).toEqual([]);
    expect(validateCampaignRules(getTemplate('jilin-2023')!)).toEqual([]);
  });

  it.each<[string, (r: CampaignRules) => void, string]>([
    [
      'min > max',
      (r) => {
        r.quotas.byUnitType.provincial_edu!.star = { min: 6, max: 5 };
      },
      'RULES_RANGE_INVERTED@quotas.byUnitType.provincial_edu.star',
    ],
    [
      'negative max',
      (r) => {
        r.quotas.byUnitType.enterprise!.project.max = -1;
      },
      'RULES_NUMBER_INVALID@quotas.byUnitType.enterprise.project.max',
    ],
    [
      'fractional min',
      (r) => {
        r.quotas.byUnitType.enterprise!.project.min = 0.5;
      },
      'RULES_NUMBER_INVALID@quotas.byUnitType.enterprise.project.min',
    ],
    [
      'NaN quota',
      (r) => {
        r.quotas.byUnitType.enterprise!.star.max = Number.NaN;
      },
      'RULES_NUMBER_INVALID@quotas.byUnitType.enterprise.star.max',
    ],
    [
      'bad override',
      (r) => {
        r.quotas.unitOverrides.u1 = { star: { min: 4, max: 2 } };
      },
      'RULES_RANGE_INVERTED@quotas.unitOverrides.u1.star',
    ],
    [
      'no quotas',
      (r) => {
        r.quotas.byUnitType = {};
      },
      'QUOTA_NONE@quotas.byUnitType',
    ],
    [
      'negative specials',
      (r) => {
        r.specialPicks.star = -1;
      },
      'RULES_NUMBER_INVALID@specialPicks.star',
    ],
    [
      'deadline missing',
      (r) => {
        r.deadline.date = null;
      },
      'DEADLINE_MISSING@deadline.date',
    ],
    [
      'deadline 2月30日',
      (r) => {
        r.deadline.date = '2024-02-30';
      },
      'DEADLINE_MALFORMED@deadline.date',
    ],
    [
      'deadline Chinese',
      (r) => {
        r.deadline.date = '2024年4月10日';
      },
      'DEADLINE_MALFORMED@deadline.date',
    ],
    [
      'deadline other year',
      (r) => {
        r.deadline.date = '2023-04-10';
      },
      'DEADLINE_YEAR_MISMATCH@deadline.date',
    ],
    [
      'deadline before issue',
      (r) => {
        r.deadline.date = '2024-03-01';
      },
      'DEADLINE_BEFORE_ISSUE@deadline.date',
    ],
    [
      'deadline time',
      (r) => {
        r.deadline.time = '24:00';
      },
      'DEADLINE_TIME_MALFORMED@deadline.time',
    ],
    [
      'announcement 0 days',
      (r) => {
        r.announcement.workingDays = 0;
      },
      'RULES_NUMBER_INVALID@announcement.workingDays',
    ],
    [
      'paper copies negative',
      (r) => {
        r.forms[0]!.paperCopies = -2;
      },
      'RULES_NUMBER_INVALID@forms.0.paperCopies',
    ],
    [
      'photo count inverted',
      (r) => {
        r.materials.project.slots[1]!.count = { min: 5, max: 3 };
      },
      'RULES_RANGE_INVERTED@materials.project.slots.1.count',
    ],
    [
      'video fps 0',
      (r) => {
        r.materials.star.slots[2]!.fps = 0;
      },
      'RULES_NUMBER_INVALID@materials.star.slots.2.fps',
    ],
    [
      'no formats',
      (r) => {
        r.materials.star.slots[0]!.formats = [];
      },
      'MATERIAL_FORMATS_MISSING@materials.star.slots.0.formats',
    ],
    [
      'duplicate slot',
      (r) => {
        r.materials.star.slots[1]!.id = 'idPhoto';
      },
      'MATERIAL_SLOT_DUPLICATE@materials.star.slots',
    ],
    [
      'unknown group slot',
      (r) => {
        r.materials.specialStar.atLeastOneOf = [['photos', 'audio']];
      },
      'MATERIAL_GROUP_INVALID@materials.specialStar.atLeastOneOf.0',
    ],
    [
      'summary range inverted',
      (r) => {
        r.eligibility.project.workSummaryChars = { target: 1500, min: 1800, max: 1200 };
      },
      'RULES_RANGE_INVERTED@eligibility.project.workSummaryChars',
    ],
    [
      'summary target outside',
      (r) => {
        r.eligibility.project.workSummaryChars.target = 2500;
      },
      'WORK_SUMMARY_TARGET_OUTSIDE@eligibility.project.workSummaryChars.target',
    ],
    [
      'negative participations',
      (r) => {
        r.eligibility.project.minParticipationsOnline = -3000;
      },
      'RULES_NUMBER_INVALID@eligibility.project.minParticipationsOnline',
    ],
    [
      'province code',
      (r) => {
        r.eligibility.project.registration = { scope: 'province', provinceCode: '2', provinceName: '吉林省' };
      },
      'PROVINCE_CODE_INVALID@eligibility.project.registration.provinceCode',
    ],
    [
      'empty title',
      (r) => {
        r.title = '  ';
      },
      'CAMPAIGN_TITLE_MISSING@title',
    ],
    [
      'year',
      (r) => {
        r.year = 24;
      },
      'RULES_NUMBER_INVALID@year',
    ],
  ])('%s', (_name, edit, expected) => {
    expect(codesOf(edited(edit))).toContain(expected);
  });

  it('messages are Chinese and name the field', () => {
    const [finding] = validateCampaignRules(
      edited((r) => {
        r.quotas.byUnitType.provincial_edu!.star = { min: 6, max: 5 };
      }),
    );
    expect(finding?.message).toBe('“省级教育行政部门推介百姓学习之星名额”的下限（6）大于上限（5），请修改。');
  });

  it('names a unit with its own quota by its place in the list, never by its id', () => {
    const findings = validateCampaignRules(
      edited((r) => {
        r.quotas.unitOverrides['0f8c1e2a-1111-4222-8333-444455556666'] = { star: { min: 4, max: 2 } };
      }),
    );
    const finding = findings.find((f) => f.code === 'RULES_RANGE_INVERTED');
    expect(finding?.message).toBe(
      '“单独调整名额的第 1 个单位推介百姓学习之星名额”的下限（4）大于上限（2），请修改。',
    );
  });
});
