import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhone } from './phone.ts';

describe('parsePhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['+86-13812345678', 'mobile', '13812345678'],
    ['008613812345678', 'mobile', '13812345678'],
    ['8613812345678', 'mobile', '13812345678'],
    ['１９９１２３４５６７８', 'mobile', '19912345678'],
    ['010-65123456', 'landline', '010-65123456'],
    ['01065123456', 'landline', '010-65123456'],
    ['(010)65123456', 'landline', '010-65123456'],
    ['（０４３１）８８８８８８８８', 'landline', '0431-88888888'],
    ['0431-8888-8888', 'landline', '0431-88888888'],
    ['0431 8888 8888', 'landline', '0431-88888888'],
    ['021—68889999', 'landline', '021-68889999'],
    ['0435-3456789', 'landline', '0435-3456789'],
    ['010-65123456转8001', 'landline', '010-65123456转8001'],
    ['010-65123456-8001', 'landline', '010-65123456转8001'],
    ['0431-8888-8888-12', 'landline', '0431-88888888转12'],
    ['0431 88888888 ext. 12', 'landline', '0431-88888888转12'],
    ['0431-88888888分机12', 'landline', '0431-88888888转12'],
    ['+86 10 6512 3456', 'landline', '010-65123456'],
    ['+86-431-88888888#12', 'landline', '0431-88888888转12'],
  ])('reads %j as %s %s', (raw, kind, normalised) => {
    expect(parsePhone(raw)).toEqual({ kind, normalised, findings: [] });
  });

  it.each([
    ['', 'PHONE_EMPTY', '请填写联系电话'],
    ['12812345678', 'PHONE_MOBILE', '第2位应为3至9'],
    ['1381234567', 'PHONE_MOBILE', '实为10位'],
    ['138123456789', 'PHONE_MOBILE', '实为12位'],
    ['88888888', 'PHONE_AREA_CODE', '缺少区号'],
    ['8888-8888', 'PHONE_AREA_CODE', '缺少区号'],
    ['0123-8888888', 'PHONE_AREA_CODE', '区号「0123」无效'],
    ['0431-0888888', 'PHONE_LANDLINE', '「0888888」'],
    ['0431-888888', 'PHONE_LANDLINE', '7或8位'],
    ['0431-888888888', 'PHONE_LANDLINE', '7或8位'],
    ['0431-88888888转12-3', 'PHONE_FORMAT', '无法识别'],
    ['0431-8888888-12-3', 'PHONE_FORMAT', '区号-号码转分机'],
    ['电话：13812345678', 'PHONE_FORMAT', '无法识别'],
    ['abc', 'PHONE_FORMAT', '无法识别'],
  ])('refuses %j with %s', (raw, code, hint) => {
    const result = parsePhone(raw, 'contact.phone');
    expect(result.kind).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code, severity: 'error', field: 'contact.phone' });
    expect(result.findings[0]?.message).toContain(hint);
  });

  it('reads any mobile number however it is grouped or prefixed', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    const prefix = fc.constantFrom('', '+86', '+86 ', '0086', '86', '+86-');
    fc.assert(
      fc.property(mobile, prefix, fc.constantFrom(' ', '-', ''), (number, before, separator) => {
        const written = `${before}${number.slice(0, 3)}${separator}${number.slice(3, 7)}${separator}${number.slice(7)}`;
        expect(parsePhone(written)).toEqual({ kind: 'mobile', normalised: number, findings: [] });
      }),
    );
  });

  it('reads any landline with its area code', () => {
    const area = fc.oneof(
      fc.constant('010'),
      fc.stringMatching(/^02\d$/),
      fc.stringMatching(/^0[3-9]\d{2}$/),
    );
    const local = fc.stringMatching(/^[2-9]\d{6,7}$/);
    fc.assert(
      fc.property(area, local, fc.constantFrom('-', ' ', ''), (code, number, separator) => {
        expect(parsePhone(`${code}${separator}${number}`)).toEqual({
          kind: 'landline',
          normalised: `${code}-${number}`,
          findings: [],
        });
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['+86 138 1234 5678', '138****5678'],
    ['0431-88888888', '0431-****8888'],
    ['010-6512345转8001', '010-***2345转8001'],
    ['88888888', '****8888'],
    ['123', '***'],
  ])('masks %j as %j', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });

  it('never shows the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (number) => {
        const masked = maskPhone(number);
        expect(masked).toBe(`${number.slice(0, 3)}****${number.slice(7)}`);
      }),
    );
  });
});
