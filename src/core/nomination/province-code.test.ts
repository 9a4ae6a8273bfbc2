import { describe, expect, it } from 'vitest';
import { provinceCode, provinceName } from './province-code.ts';

describe('provinces', () => {
  it('reads a code or a name as the 2-digit code', () => {
    expect(provinceCode('220102')).toBe('22');
    expect(provinceCode('吉林省教育厅')).toBe('22');
    expect(provinceCode('')).toBeUndefined();
  });

  it('names a province as officials write it, from its code or a name', () => {
    expect(provinceName('22')).toBe('吉林省');
    expect(provinceName('450000')).toBe('广西壮族自治区');
    expect(provinceName('宁波市教育局')).toBe('浙江省');
    expect(provinceName('99')).toBeNull();
    expect(provinceName(null)).toBeNull();
  });
});
