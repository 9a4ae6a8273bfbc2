import { describe, expect, it } from 'vitest';
import { ageBandInYear, ageOn } from './age-bands.ts';
import { focusGroupName, groupFocusCounts } from './focus-groups.ts';
import { nominationFacts } from './nomination-facts.ts';
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

describe('nomination facts', () => {
  it('reads a star’s sector, groups, sex and age band, and keeps no number or date', () => {
    const facts = nominationFacts(
      'star',
      { workUnit: '长春市南关区永吉社区', focusGroups: ['老年人', 3, '社区群众'] },
      2024,
      '220102196001011234',
    );
    expect(facts).toEqual({
      sector: '街道社区',
      focusGroups: ['老年人', '社区群众'],
      online: 0,
      offline: 0,
      sex: '男',
      ageBand: '55至64岁',
    });
    expect(JSON.stringify(facts)).not.toMatch(/1960|2201/);
  });

  it('reads the sex from the 17th digit and knows nothing from a number that is not one', () => {
    expect(nominationFacts('star', {}, 2024, '22010219900101122X').sex).toBe('女');
    expect(nominationFacts('star', {}, 2024, '２２０１０２１９９０１２３１１２２２').sex).toBe('女');
    expect(nominationFacts('star', {}, 2024, '2201021990')).toMatchObject({ sex: '未知', ageBand: '未知' });
    expect(nominationFacts('star', { focusGroups: '老年人' }, 2024, undefined)).toMatchObject({
      sex: '未知',
      ageBand: '未知',
      focusGroups: [],
      sector: '其他',
    });
  });

  it('reads a project’s sector from its 实施主体 and its participations as the form checks read them', () => {
    const facts = nominationFacts(
      'project',
      {
        entityType: '事业单位',
        entityName: '吉林开放大学',
        participationsOnline: '1.2万',
        participationsOffline: '３０００人次',
      },
      2024,
      undefined,
    );
    expect(facts).toMatchObject({ sector: '学校', online: 12000, offline: 3000, ageBand: '未知' });
    expect(
      nominationFacts('project', { entityType: '企业', participationsOnline: -5 }, 2024, undefined),
    ).toMatchObject({
      sector: '企业',
      online: 0,
    });
  });
});
