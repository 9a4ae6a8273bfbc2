import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data-in-text.ts';

describe('findPersonalData', () => {
  it('finds an ID number however it is written', () => {
    expect(findPersonalData('身份证号220102196105149416，退休教师')).toEqual([
      { kind: 'idNumber', text: '220102196105149416' },
    ]);
    expect(findPersonalData('证件 2201 0219 6105 1494 1X 已核')).toEqual([
      { kind: 'idNumber', text: '2201 0219 6105 1494 1X' },
    ]);
    expect(findPersonalData('号码２２０１０２１９６１０５１４９４１６')[0]?.kind).toBe('idNumber');
  });

  it('finds mobile and landline numbers with separators and country code', () => {
    expect(findPersonalData('联系 138-0000-1234 或 +86 139 1234 5678').map((h) => h.kind)).toEqual([
      'phone',
      'phone',
    ]);
    expect(findPersonalData('电话（0431）8888-8888')).toEqual([{ kind: 'phone', text: '0431）8888-8888' }]);
  });

  it('leaves ordinary numbers alone: years, counts, dates', () => {
    expect(
      findPersonalData('2019年起累计服务居民30000余人次，2025年9月26日公布，合唱团120人，编号12345678。'),
    ).toEqual([]);
  });
});
