import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../identity/index.ts';
import {
  buildWinnerIndex,
  describeRecord,
  type MatchCandidate,
  matchPreviousWinners,
  type PreviousWinnerRecord,
} from './previous-winners.ts';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const ZHANG = id('22010219800101123'); // male, born 1980-01-01
const X_ID = ['11010519491231002', '11010519491231003', '22010219700101005']
  .map(id)
  .find((n) => n.endsWith('X'))!;

const records: PreviousWinnerRecord[] = [
  {
    year: 2022,
    level: 'national',
    category: 'star',
    name: '张三',
    province: '吉林省',
    unit: '长春市朝阳区某社区',
    birthDate: '1980-01-01',
    idNumber: ZHANG,
  },
  { year: 2021, level: 'provincial', category: 'star', name: '阿依古丽·买买提', birthDate: '1975-05-05' },
  { year: 2020, level: 'national', category: 'star', name: '李四', idNumber: X_ID },
  {
    year: 2023,
    level: 'national',
    category: 'project',
    name: '“银龄学堂”老年教育项目',
    province: '吉林省',
    unit: '长春老年大学',
    creditCode: '12220000MB1234567X',
  },
  { year: 2019, level: 'city', category: 'project', name: '書香社區全民閱讀推廣', unit: '某街道' },
];
const index = buildWinnerIndex(records);
const match = (candidate: MatchCandidate) =>
  matchPreviousWinners(candidate, index).map((f) => `${f.code}@${f.field}:${f.reason}:${f.record.name}`);

describe('matchPreviousWinners: stars', () => {
  it('same ID number is an error naming the record', () => {
    const [finding] = matchPreviousWinners({ category: 'star', name: '张叁', idNumber: ZHANG }, index);
    expect(finding).toMatchObject({ code: 'DUPLICATE_WINNER', severity: 'error', field: 'idNumber' });
    expect(finding!.message).toContain('2022年全国“百姓学习之星”获评者“张三”（吉林省，长春市朝阳区某社区）');
    expect(finding!.record).toBe(records[0]);
  });

  it('compares ID numbers normalised: full-width, spaces, lower-case x', () => {
    const fullWidth = ZHANG.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(
      match({ category: 'star', idNumber: ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} ` }),
    ).toHaveLength(1);
    expect(match({ category: 'star', idNumber: X_ID.toLowerCase() })).toEqual([
      'DUPLICATE_WINNER@idNumber:id_number:李四',
    ]);
  });

  it('same name and birth date, or same name and unit, is a warning', () => {
    expect(match({ category: 'star', name: '张三', birthDate: '1980-01-01' })).toEqual([
      'POSSIBLE_PREVIOUS_WINNER@name:name_and_birth_date:张三',
    ]);
    expect(match({ category: 'star', name: ' 張三 ', unit: '长春市朝阳区某社区' })).toEqual([
      'POSSIBLE_PREVIOUS_WINNER@name:name_and_unit:张三',
    ]);
    expect(match({ category: 'star', name: '阿依古丽•买买提', birthDate: '1975-05-05' })).toHaveLength(1);
  });

  it('the same name alone is not enough: common names are common', () => {
    expect(match({ category: 'star', name: '张三', birthDate: '1990-01-01', unit: '别处' })).toEqual([]);
  });

  it('an ID match is reported once, as the error, not also as a name warning', () => {
    expect(match({ category: 'star', name: '张三', birthDate: '1980-01-01', idNumber: ZHANG })).toEqual([
      'DUPLICATE_WINNER@idNumber:id_number:张三',
    ]);
  });

  it('empty and whitespace candidates match nothing', () => {
    expect(match({ category: 'star', name: '', idNumber: '  ', unit: '' })).toEqual([]);
    expect(match({ category: 'project', name: '\u3000', creditCode: '' })).toEqual([]);
  });

  it('never matches across categories', () => {
    expect(match({ category: 'project', name: '张三' })).toEqual([]);
    expect(match({ category: 'star', name: '银龄学堂老年教育项目' })).toEqual([]);
  });
});

describe('matchPreviousWinners: stars as published lists write them', () => {
  const published: PreviousWinnerRecord[] = [
    {
      year: 2022,
      level: 'national',
      category: 'star',
      name: '王秀兰（退休）',
      province: '吉林省',
      provinceCode: '22',
    },
    {
      year: 2022,
      level: 'national',
      category: 'star',
      name: '刘芳',
      province: '吉林',
      unit: '长春市朝阳区某社区（负责人）',
      provinceCode: '22',
    },
    {
      year: 2021,
      level: 'national',
      category: 'star',
      name: '阿依古丽—买买提',
      province: '新疆维吾尔自治区',
      provinceCode: '65',
    },
    {
      year: 2021,
      level: 'national',
      category: 'star',
      name: '陈明【副教授】',
      unit: '吉林大学-继续教育学院',
    },
  ];
  const list = buildWinnerIndex(published);
  const found = (candidate: MatchCandidate) =>
    matchPreviousWinners(candidate, list).map((f) => `${f.reason}:${f.record.name}`);

  it('the same name in the same province warns when the list gives no workplace', () => {
    expect(found({ category: 'star', name: '王秀兰', provinceCode: '22', unit: '延吉市某街道' })).toEqual([
      'name_and_province:王秀兰（退休）',
    ]);
    expect(found({ category: 'star', name: '王秀兰', provinceCode: '21' })).toEqual([]);
    // No province known for the nominee: nothing to compare.
    expect(found({ category: 'star', name: '王秀兰' })).toEqual([]);
  });

  it('a list that gives a workplace is compared by workplace, not by province', () => {
    expect(found({ category: 'star', name: '刘芳', provinceCode: '22', unit: '四平市某小学' })).toEqual([]);
    expect(found({ category: 'star', name: '刘芳', unit: '长春市朝阳区某社区' })).toEqual([
      'name_and_unit:刘芳',
    ]);
    // Lists put the province or city in front of the workplace.
    expect(found({ category: 'star', name: '刘芳', unit: '吉林省长春市朝阳区某社区' })).toEqual([
      'name_and_unit:刘芳',
    ]);
  });

  it('strips bracketed notes from names and workplaces and reads every dash alike', () => {
    expect(found({ category: 'star', name: '陈明', unit: '吉林大学—继续教育学院' })).toEqual([
      'name_and_unit:陈明【副教授】',
    ]);
    expect(found({ category: 'star', name: '陈明(教授)', unit: '吉林大学－继续教育学院' })).toEqual([
      'name_and_unit:陈明【副教授】',
    ]);
    for (const name of ['阿依古丽·买买提', '阿依古丽-买买提', '阿依古丽‐买买提', '阿依古丽–买买提'])
      expect(found({ category: 'star', name, provinceCode: '65' }), name).toEqual([
        'name_and_province:阿依古丽—买买提',
      ]);
  });

  it('a different birth date or ID number on both sides is another person', () => {
    const withBirth: PreviousWinnerRecord[] = [
      { ...published[0]!, birthDate: '1950-02-02' },
      { ...published[0]!, name: '王秀兰', idNumber: ZHANG },
    ];
    expect(
      matchPreviousWinners(
        { category: 'star', name: '王秀兰', provinceCode: '22', birthDate: '1960-01-01', idNumber: X_ID },
        withBirth,
      ),
    ).toEqual([]);
  });
});

describe('matchPreviousWinners: projects', () => {
  it('same credit code and similar name is an error', () => {
    expect(
      match({ category: 'project', name: '银龄学堂老年教育', creditCode: '12220000mb1234567x' }),
    ).toEqual(['DUPLICATE_WINNER@creditCode:credit_code_and_name:“银龄学堂”老年教育项目']);
  });

  it('same credit code with another programme is only a warning: an entity runs several', () => {
    const [f] = matchPreviousWinners(
      { category: 'project', name: '智慧助老课堂', creditCode: '12220000MB1234567X' },
      index,
    );
    expect(f).toMatchObject({ code: 'POSSIBLE_PREVIOUS_WINNER', severity: 'warning', reason: 'credit_code' });
    expect(f!.message).toContain('同一主体的不同项目可以推介');
  });

  it.each([
    '银龄学堂老年教育项目',
    '《银龄学堂》老年教育',
    '銀齡學堂老年教育',
    '银龄学堂',
    '银龄学堂老年敎育终身学习品牌项目',
  ])('nearly the same name warns: %s', (name) => {
    expect(match({ category: 'project', name })).toEqual([
      'POSSIBLE_PREVIOUS_WINNER@name:similar_name:“银龄学堂”老年教育项目',
    ]);
  });

  it('traditional and simplified names match', () => {
    expect(match({ category: 'project', name: '书香社区全民阅读推广活动' })).toEqual([
      'POSSIBLE_PREVIOUS_WINNER@name:similar_name:書香社區全民閱讀推廣',
    ]);
  });

  it('a short name is found behind a place through the index, a common one is not', () => {
    const short = buildWinnerIndex([
      { year: 2022, level: 'national', category: 'project', name: '长春市朝阳区“乐龄学堂”' },
      { year: 2022, level: 'national', category: 'project', name: '长春市读书会' },
      { year: 2022, level: 'national', category: 'project', name: '乐龄·学堂' },
    ]);
    const names = (name: string) =>
      matchPreviousWinners({ category: 'project', name }, short)
        .map((f) => f.record.name)
        .sort();
    const both = ['长春市朝阳区“乐龄学堂”', '乐龄·学堂'].sort();
    expect(names('乐龄学堂')).toEqual(both);
    expect(names('乐龄—学堂项目')).toEqual(both);
    expect(names('读书会')).toEqual([]);
  });

  it('different programmes do not match', () => {
    expect(match({ category: 'project', name: '金龄学堂' })).toEqual([]);
    expect(match({ category: 'project', name: '乡村振兴农民夜校' })).toEqual([]);
    expect(match({ category: 'project', name: '社区教育' })).toEqual([]);
  });
});

describe('matching against other nominations', () => {
  const nominations: PreviousWinnerRecord[] = [
    { year: 2024, level: 'provincial', category: 'star', name: '王五', idNumber: ZHANG, nominationId: 'n1' },
    { year: 2024, level: 'provincial', category: 'project', name: '乡村夜校', nominationId: 'n2' },
  ];

  it('uses nomination codes and wording, and skips the candidate itself', () => {
    const [f] = matchPreviousWinners({ category: 'star', idNumber: ZHANG, nominationId: 'n9' }, nominations);
    // Without a round, another nomination of the same person is for the organiser to settle: a warning.
    expect(f).toMatchObject({ code: 'ALSO_NOMINATED', severity: 'warning' });
    expect(f!.message).toContain('2024年省级“百姓学习之星”的推介“王五”');
    expect(
      matchPreviousWinners({ category: 'star', idNumber: ZHANG, nominationId: 'n1' }, nominations),
    ).toEqual([]);
    expect(matchPreviousWinners({ category: 'project', name: '“乡村夜校”' }, nominations)[0]?.code).toBe(
      'POSSIBLE_DUPLICATE_NOMINATION',
    );
  });

  it('sorts errors first, then the most recent year', () => {
    const list: PreviousWinnerRecord[] = [
      { year: 2019, level: 'national', category: 'star', name: '赵六', birthDate: '1980-01-01' },
      { year: 2023, level: 'national', category: 'star', name: '赵六', birthDate: '1980-01-01' },
      { year: 2018, level: 'national', category: 'star', name: '别人', idNumber: ZHANG },
    ];
    const years = matchPreviousWinners(
      { category: 'star', name: '赵六', birthDate: '1980-01-01', idNumber: ZHANG },
      list,
    );
    expect(years.map((f) => [f.severity, f.record.year])).toEqual([
      ['error', 2018],
      ['warning', 2023],
      ['warning', 2019],
    ]);
  });
});

describe('describeRecord', () => {
  it('leaves out what the record does not have', () => {
    expect(describeRecord(records[1]!)).toBe('2021年省级“百姓学习之星”获评者“阿依古丽·买买提”');
  });
});
