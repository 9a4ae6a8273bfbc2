import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, idCheckCharacter } from '../identity/index.ts';
import { fileYearProblem, parseWinnerRows } from './winner-import.ts';

const TODAY = '2024-04-01';
const ID = `22010219800101123${idCheckCharacter('22010219800101123')}`;
const CREDIT = `12220000MB1234567${creditCodeCheckCharacter('12220000MB1234567')}`;
const parse = (rows: Record<string, string>[]) => parseWinnerRows(rows, { today: TODAY });

const star = {
  年度: '2022',
  级别: '全国',
  类别: '百姓学习之星',
  '姓名/项目名称': '张三',
  省份或单位: '吉林省',
  工作单位或实施主体: '长春市某社区',
  身份证号: ID,
  统一社会信用代码: '',
};
const project = {
  ...star,
  类别: '终身学习品牌项目',
  '姓名/项目名称': '“银龄学堂”老年教育项目',
  工作单位或实施主体: '长春老年大学',
  身份证号: '',
  统一社会信用代码: CREDIT.toLowerCase(),
};

describe('parseWinnerRows', () => {
  it('reads good rows into records, identifiers normalised, birth date from the ID', () => {
    expect(parse([star, project])).toEqual({
      records: [
        {
          year: 2022,
          level: 'national',
          category: 'star',
          name: '张三',
          province: '吉林省',
          unit: '长春市某社区',
          idNumber: ID,
          birthDate: '1980-01-01',
        },
        {
          year: 2022,
          level: 'national',
          category: 'project',
          name: '“银龄学堂”老年教育项目',
          province: '吉林省',
          unit: '长春老年大学',
          creditCode: CREDIT,
        },
      ],
      errors: [],
    });
  });

  it('accepts full-width digits, 年, spaces in headings, and the short name headings', () => {
    const { records, errors } = parse([
      { ' 年 度 ': '２０２１年', 级别: '省级', 类别: '学习之星', 姓名: ' 李四 ' },
      { 年度: '2020', 级别: '市级', 类别: '品牌项目', 项目名称: '乡村夜校' },
    ]);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.year, r.level, r.category, r.name])).toEqual([
      [2021, 'provincial', 'star', '李四'],
      [2020, 'city', 'project', '乡村夜校'],
    ]);
  });

  it('reports every bad cell of every row, with spreadsheet row numbers', () => {
    const { records, errors } = parse([
      star,
      {
        ...star,
        年度: '二〇二二',
        级别: '区级',
        身份证号: `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}`,
      },
      { ...star, 年度: '1999', 类别: '学习标兵', '姓名/项目名称': ' ' },
      { ...project, 年度: '2025', 统一社会信用代码: 'ABC', 身份证号: ID },
    ]);
    expect(records).toHaveLength(1);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:年度',
      '3:级别',
      '3:身份证号',
      '4:年度',
      '4:类别',
      '4:姓名/项目名称',
      '5:年度',
      '5:身份证号',
      '5:统一社会信用代码',
    ]);
    expect(errors[0]!.message).toBe('年度“二〇二二”不是四位数字的年份，例如 2023。');
    expect(errors[2]!.message).toContain('校验码');
    expect(errors[3]!.message).toBe('年度1999不在2000至2024年之间，请核对。');
  });

  it('keeps a credit code that only fails its checksum: real codes do', () => {
    const wrong = `${CREDIT.slice(0, 17)}${CREDIT.endsWith('0') ? '1' : '0'}`;
    const { records, errors } = parse([{ ...project, 统一社会信用代码: wrong }]);
    expect(errors).toEqual([]);
    expect(records[0]!.creditCode).toBe(wrong);
  });

  it('reports a winner entered twice in one round and year', () => {
    const { records, errors } = parse([star, { ...star, '姓名/项目名称': '张叁' }]);
    expect(records).toHaveLength(1);
    expect(errors).toEqual([{ row: 3, column: '身份证号', message: '与第2行是同一条记录，请删除重复行。' }]);
    const noId = { ...star, 身份证号: '' };
    expect(parse([noId, noId]).errors).toEqual([
      { row: 3, column: '姓名/项目名称', message: '与第2行是同一条记录，请删除重复行。' },
    ]);
  });

  it('a provincial winner who later won nationally is two records', () => {
    const { records, errors } = parse([
      { ...star, 级别: '省级', 年度: '2021' },
      { ...star, 级别: '全国', 年度: '2022' },
    ]);
    expect(errors).toEqual([]);
    expect(records.map((r) => `${r.year}${r.level}`)).toEqual(['2021provincial', '2022national']);
  });

  it('rows without a year take the year chosen for the file; a row’s own year wins', () => {
    const noYear = ({ 年度: _, ...rest }: typeof star) => rest;
    const { records, errors } = parseWinnerRows([noYear(star), { ...project, 年度: '2020' }], {
      today: TODAY,
      year: 2023,
    });
    expect(errors).toEqual([]);
    expect(records.map((r) => r.year)).toEqual([2023, 2020]);
    expect(parse([noYear(star)]).errors).toEqual([
      {
        row: 1,
        column: '年度',
        message: '表格没有“年度”列。请在表格中加上年度，或在导入时选择这份名单的年度。',
      },
    ]);
    expect(parse([{ ...star, 年度: '' }, star]).errors[0]!.message).toContain('也可以在导入时选择年度');
    expect(fileYearProblem(1999, TODAY)).toBe('名单年度应在2000至2024年之间。');
    expect(fileYearProblem(2024, TODAY)).toBeUndefined();
  });

  it('says a long number was stored as a number and lost its digits, instead of a wrong checksum', () => {
    const { records, errors } = parse([
      { ...star, 身份证号: '2.20102E+17' },
      { ...project, 统一社会信用代码: '9.12201E+17' },
    ]);
    expect(records).toEqual([]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:身份证号', '3:统一社会信用代码']);
    expect(errors[0]!.message).toContain('被表格软件存成了数字');
    expect(errors[0]!.message).toContain('设为“文本”');
  });

  it('skips blank rows and reports missing columns once', () => {
    expect(parse([star, { 年度: '', 类别: ' ' }]).errors).toEqual([]);
    expect(parse([{ 名字: '张三' }]).errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '1:年度',
      '1:级别',
      '1:类别',
      '1:姓名/项目名称',
    ]);
    expect(parse([])).toEqual({ records: [], errors: [] });
  });

  it('keeps markup in names as text', () => {
    const { records } = parse([{ ...star, 身份证号: '', '姓名/项目名称': '<b>王五</b>' }]);
    expect(records[0]!.name).toBe('<b>王五</b>');
  });
});
