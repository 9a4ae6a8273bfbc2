import { describe, expect, it } from 'vitest';
import { ageBandInYear, ageOn } from './age-bands.ts';
import { focusGroupName, groupFocusCounts } from './focus-groups.ts';
import { sectorOfName, sectorOfProject } from './sectors.ts';
import { yearOnYear } from './year-on-year.ts';

describe('age bands', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1960-05-10', '2025-05-09')).toBe(64);
    expect(ageOn('1960-05-10', '2025-05-10')).toBe(65);
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('not a date', '2025-01-01')).toBeUndefined();
    expect(ageOn('2030-01-01', '2025-01-01')).toBeUndefined();
  });

  it('takes the age at the end of the campaign year, so one star is in one band all year', () => {
    expect(ageBandInYear('1989-12-31', 2024)).toBe('35至44岁');
    expect(ageBandInYear('1990-01-01', 2024)).toBe('35岁以下');
    expect(ageBandInYear('1960-06-01', 2024)).toBe('55至64岁');
    expect(ageBandInYear('1959-12-31', 2024)).toBe('65岁及以上');
    expect(ageBandInYear(undefined, 2024)).toBe('未知');
  });
});

describe('year on year', () => {
  it('writes the change as a 总结 does', () => {
    expect(yearOnYear(90, 80)).toMatchObject({ delta: 10, ratio: 0.125, label: '同比增长 12.5%' });
    expect(yearOnYear(97, 100).label).toBe('同比下降 3.0%');
    expect(yearOnYear(5, 5).label).toBe('与上年持平');
    expect(yearOnYear(5, 0)).toMatchObject({ ratio: null, label: '上年无数据' });
    expect(yearOnYear(0, 0).label).toBe('与上年持平');
  });
});

describe('sectors', () => {
  it('reads the grassroots sector from the names officials write', () => {
    expect(sectorOfName('长春市南关区自强街道永吉社区')).toBe('街道社区');
    expect(sectorOfName('吉林省农业科学院研究所')).toBe('科研院所');
    expect(sectorOfName('吉林开放大学')).toBe('学校');
    expect(sectorOfName('中国人民解放军某部队')).toBe('部队');
    expect(sectorOfName('梨树县十家堡镇王家村')).toBe('农村');
    expect(sectorOfName('长春市老年书画协会')).toBe('社会组织');
    expect(sectorOfName('四平市人力资源和社会保障局')).toBe('机关');
    expect(sectorOfName('吉林化纤集团有限责任公司')).toBe('企业');
    expect(sectorOfName('退休')).toBe('其他');
    expect(sectorOfName('')).toBe('其他');
  });

  it('takes a project’s 实施主体类型 where it names a sector', () => {
    expect(sectorOfProject('企业', '某某社区学院')).toBe('企业');
    expect(sectorOfProject('事业单位', '长春市社区学院')).toBe('学校');
    expect(sectorOfProject(null, '某研究院')).toBe('科研院所');
  });
});

describe('focus groups', () => {
  it('merges the wordings of one group and keeps unknown groups as written', () => {
    expect(focusGroupName(' 乡村农民 ')).toBe('农民');
    const merged = groupFocusCounts([
      { value: '乡村农民', nominations: 2, winners: 1 },
      { value: '农民', nominations: 3, winners: 0 },
      { value: '新就业形态劳动者', nominations: 1, winners: 1 },
    ]);
    expect(merged.find((g) => g.group === '农民')).toEqual({ group: '农民', nominations: 5, winners: 1 });
    expect(merged[0]).toEqual({ group: '老年人', nominations: 0, winners: 0 });
    expect(merged.at(-1)).toEqual({ group: '新就业形态劳动者', nominations: 1, winners: 1 });
  });
});
