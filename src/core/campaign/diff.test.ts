import { describe, expect, it } from 'vitest';
import { diffRules } from './diff.ts';
import type { CampaignRules } from './rules.ts';
import { getTemplate } from './templates/index.ts';

const before = getTemplate('national-2024')!;
function after(edit: (rules: CampaignRules) => void): CampaignRules {
  const rules = getTemplate('national-2024')!;
  edit(rules);
  return rules;
}
const messages = (edit: (rules: CampaignRules) => void) =>
  diffRules(before, after(edit)).map((c) => c.message);

describe('diffRules', () => {
  it('no change, no lines', () => {
    expect(diffRules(before, getTemplate('national-2024')!)).toEqual([]);
  });

  it('quota, deadline and announcement changes read as Chinese sentences', () => {
    expect(
      messages((r) => {
        r.quotas.byUnitType.provincial_edu!.star.max = 6;
      }),
    ).toEqual(['省级教育行政部门“百姓学习之星”名额：由3至5改为3至6']);
    expect(
      messages((r) => {
        r.deadline.date = '2024-04-15';
      }),
    ).toEqual(['截止日期：由2024年4月10日改为2024年4月15日']);
    expect(
      messages((r) => {
        r.announcement.workingDays = 7;
      }),
    ).toEqual(['公示工作日数：由5改为7']);
    expect(
      messages((r) => {
        r.level = 'provincial';
      }),
    ).toEqual(['活动级别：由全国改为省级']);
    expect(
      messages((r) => {
        r.forms[0]!.paperCopies = 3;
      }),
    ).toEqual(['《百姓学习之星推介表》纸质份数：由2改为3']);
  });

  it('added and removed unit types, slots and list items', () => {
    expect(
      messages((r) => {
        r.quotas.byUnitType.university = { star: { min: 1, max: 2 }, project: { min: 1, max: 1 } };
      }),
    ).toEqual(['新增高等学校“百姓学习之星”名额：1至2', '新增高等学校“终身学习品牌项目”名额：1']);
    expect(
      messages((r) => {
        delete r.quotas.byUnitType.enterprise;
      }),
    ).toEqual([
      '取消大型企业“百姓学习之星”名额（原为1至3）',
      '取消大型企业“终身学习品牌项目”名额（原为1至3）',
    ]);
    expect(
      messages((r) => {
        r.materials.star.slots.pop();
      }),
    ).toEqual(['取消百姓学习之星材料·视频资料（原为“视频资料”）']);
    expect(
      messages((r) => {
        r.eligibility.star.focusGroups = [
          '基层员工',
          '社区居民',
          '乡村农民',
          '退役军人',
          '老年人',
          '新就业群体',
        ];
      }),
    ).toEqual(['重点面向群体：新增“新就业群体”；删除“残疾人”']);
  });

  it('material slot fields are named by the slot label', () => {
    expect(
      messages((r) => {
        r.materials.project.slots[1]!.minBytes = 2 * 1024 * 1024;
      }),
    ).toEqual(['终身学习品牌项目材料·反映活动品牌项目的照片·单个文件最小：由1MB改为2MB']);
  });

  it('reordering slots is not a change', () => {
    expect(
      messages((r) => {
        r.materials.star.slots.reverse();
      }),
    ).toEqual([]);
  });

  it('between the two templates, every difference is listed with a path', () => {
    const changes = diffRules(before, getTemplate('jilin-2023')!);
    expect(changes.length).toBeGreaterThan(20);
    expect(changes.map((c) => c.path)).toContain('eligibility.project.registration');
    expect(changes.find((c) => c.path === 'eligibility.project.registration')?.message).toBe(
      '项目实施主体注册地要求：由我国境内依法注册或登记改为吉林省内依法注册或登记',
    );
    expect(changes.every((c) => !c.message.includes('[object Object]'))).toBe(true);
  });
});

describe('diffRules and stored rules', () => {
  it('reports nothing when only the order of keys differs, as after a round trip through jsonb', () => {
    const rules = getTemplate('national-2024')!;
    const reordered = JSON.parse(JSON.stringify(rules), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(Object.keys(reordered.quotas.byUnitType.provincial_edu.star)).toEqual(['max', 'min']);
    expect(diffRules(rules, reordered)).toEqual([]);
  });
});
