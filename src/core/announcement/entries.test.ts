import { describe, expect, it } from 'vitest';
import { announcementEntries, type ShortlistedNomination } from './entries.ts';

const star = (
  id: string,
  unitName: string,
  rank: number | null,
  extra: Partial<ShortlistedNomination> = {},
): ShortlistedNomination => ({
  nominationId: id,
  category: 'star',
  special: false,
  rank,
  title: `标题${id}`,
  form: {
    name: `姓名${id}`,
    workUnit: '某社区',
    idNumber: '220102199001011234',
    phone: '13912345678',
    address: '长春市某路1号',
  },
  unitName,
  unitRegionCode: null,
  ...extra,
});

describe('announcementEntries', () => {
  it('lists stars before projects, by province (GB/T 2260), then the unit, then its 排序; numbered per category', () => {
    const entries = announcementEntries([
      {
        ...star('p1', '北京市教育委员会', 1),
        category: 'project',
        form: { name: '社区读书会', entityName: '某街道社区学校', contactPhone: '0431-1234567' },
      },
      star('s3', '吉林省教育厅', 2),
      star('s4', '中国成人教育协会某分会', 1),
      star('s1', '吉林省教育厅', 1, { special: true }),
      star('s2', '北京市教育委员会', 1),
    ]);
    expect(entries.map((e) => [e.category, e.position, e.nominationId, e.special])).toEqual([
      ['star', 1, 's2', false],
      ['star', 2, 's1', true],
      ['star', 3, 's3', false],
      ['star', 4, 's4', false],
      ['project', 1, 'p1', false],
    ]);
    expect(entries[4]).toMatchObject({
      name: '社区读书会',
      unit: '北京市教育委员会',
      entity: '某街道社区学校',
    });
  });

  it('carries public fields only: never the ID number, phone or address', () => {
    const [entry] = announcementEntries([star('s1', '吉林省教育厅', 1)]);
    expect(entry).toEqual({
      nominationId: 's1',
      category: 'star',
      position: 1,
      special: false,
      name: '姓名s1',
      unit: '吉林省教育厅',
      entity: null,
    });
    expect(JSON.stringify(entry)).not.toMatch(/2201021990|1391234|长春市某路/);
  });

  it('uses the region code before the unit name, and the title when the form has no name', () => {
    const entries = announcementEntries([
      star('a', '某市教育局', 1, { unitRegionCode: '220100', form: {} }),
      star('b', '某市教育局乙', 1, { unitRegionCode: '110100' }),
    ]);
    expect(entries.map((e) => e.nominationId)).toEqual(['b', 'a']);
    expect(entries[1]!.name).toBe('标题a');
  });
});
