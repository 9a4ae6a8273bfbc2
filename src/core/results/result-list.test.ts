import { describe, expect, it } from 'vitest';
import { describeCounts, type ResultCandidate, resultSections } from './result-list.ts';

const c = (
  id: string,
  patch: Partial<ResultCandidate> & Pick<ResultCandidate, 'category'>,
): ResultCandidate => ({
  nominationId: id,
  special: false,
  name: `名${id}`,
  unit: '某单位',
  entity: '',
  ...patch,
});

describe('resultSections', () => {
  it('orders by heading (regular, then specials), then province code, unit and 排序; numbers per heading', () => {
    const sections = resultSections([
      c('a', { category: 'project', provinceCode: '22', name: '吉林项目' }),
      c('b', { category: 'star', provinceCode: '65', name: '新疆之星' }),
      c('c', { category: 'star', provinceCode: '11', name: '北京之星' }),
      c('d', { category: 'star', special: true, provinceCode: '22', name: '感人之星' }),
      c('e', { category: 'star', provinceCode: '22', unit: '吉林省教育厅', rank: 2, name: '吉林二' }),
      c('f', { category: 'star', provinceCode: '22', unit: '吉林省教育厅', rank: 1, name: '吉林一' }),
      c('g', { category: 'star', name: '未知省份' }),
    ]);
    const jilin = resultSections([
      c('x', {
        category: 'star',
        provinceCode: '22',
        unitRegion: '220800',
        unit: '白城市教育局',
        name: '白城',
      }),
      c('y', {
        category: 'star',
        provinceCode: '22',
        unitRegion: '220100',
        unit: '长春市教育局',
        name: '长春',
      }),
      c('z', { category: 'star', provinceCode: '22', unit: '吉林大学', name: '无代码' }),
    ]);
    expect(jilin[0]!.entries.map((e) => e.name)).toEqual(['长春', '白城', '无代码']);
    expect(sections.map((s) => s.title)).toEqual([
      '“百姓学习之星”',
      '“终身学习品牌项目”',
      '“事迹特别感人的百姓学习之星”',
    ]);
    expect(sections[0]!.entries.map((e) => [e.number, e.name])).toEqual([
      [1, '北京之星'],
      [2, '吉林一'],
      [3, '吉林二'],
      [4, '新疆之星'],
      [5, '未知省份'],
    ]);
    expect(sections[2]!.entries[0]).toMatchObject({ number: 1, special: true, name: '感人之星' });
    expect(describeCounts(sections)).toBe(
      '百姓学习之星5名、终身学习品牌项目1个、事迹特别感人的百姓学习之星1名',
    );
  });

  it('names the province in the 省份 column, never its code (兵团 and 计划单列市 by their province)', () => {
    const [stars] = resultSections([
      c('a', { category: 'star', provinceCode: '33', unit: '浙江省教育厅' }),
      c('b', { category: 'star', provinceCode: '66', unit: '新疆生产建设兵团教育局' }),
      c('c', { category: 'star', provinceCode: '21', unit: '大连市教育局' }),
      c('d', { category: 'star', unit: '某大学' }),
    ]);
    expect(stars!.entries.map((e) => e.province)).toEqual(['辽宁省', '浙江省', '新疆生产建设兵团', null]);
  });

  it('has no headings for an empty list', () => {
    expect(resultSections([])).toEqual([]);
    expect(describeCounts([])).toBe('无入选');
  });
});
