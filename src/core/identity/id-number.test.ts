import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, isRealDate } from '../calendar/iso-date.ts';
import { ID_PROVINCE_CODES, idCheckCharacter, maskIdNumber, parseIdNumber } from './id-number.ts';

const TODAY = '2026-11-25';

/**
 * The check character computed another way than the code does: GB 11643's weights are 2^(i−1) mod 11
 * for position i counted from the right, check = (12 − sum mod 11) mod 11 with 10 written X.
 */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (2 ** (17 - index) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function withCheck(first17: string): string {
  return first17 + referenceCheck(first17);
}

describe('parseIdNumber', () => {
  it('reads birth date, sex and region from the standard example', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      valid: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      findings: [],
    });
  });

  it('reads an odd sequence as male', () => {
    const id = withCheck('22010219900307123');
    expect(parseIdNumber(id, TODAY)).toMatchObject({ valid: true, sex: 'male', birthDate: '1990-03-07' });
  });

  it.each([
    ['lower-case x', '11010519491231002x'],
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['full-width lower-case x', '１１０１０５１９４９１２３１００２ｘ'],
    ['stray and full-width spaces', ' 110105 1949\u30001231 002X\t'],
  ])('normalises %s silently', (_why, raw) => {
    expect(parseIdNumber(raw, TODAY)).toMatchObject({
      valid: true,
      normalised: '11010519491231002X',
      findings: [],
    });
  });

  it.each([
    ['', 'ID_EMPTY', '请填写身份证号'],
    ['   ', 'ID_EMPTY', '请填写身份证号'],
    ['110105194912310', 'ID_LENGTH', '15位的旧身份证号已停用'],
    ['1101051949123100', 'ID_LENGTH', '实为16位'],
    ['11010519491231002X1', 'ID_LENGTH', '实为19位'],
    ['1101051949123A002X', 'ID_CHARACTERS', '第14位「A」'],
    ['11010519491231X021', 'ID_CHARACTERS', '第15位「X」'],
    ['110105-19491231-002X', 'ID_CHARACTERS', '第7位「-」'],
    ['11010519491231002Y', 'ID_CHARACTERS', '第18位「Y」'],
    [withCheck('99010519491231002'), 'ID_REGION', '前两位「99」'],
    [withCheck('24010519491231002'), 'ID_REGION', '前两位「24」'],
    [withCheck('11010519490229002'), 'ID_BIRTH_DATE', '「19490229」不是有效日期'],
    [withCheck('11010519491301002'), 'ID_BIRTH_DATE', '「19491301」不是有效日期'],
    [withCheck('44052418800101001'), 'ID_BIRTH_DATE', '早于1900年'],
    [withCheck('11010520261126002'), 'ID_BIRTH_DATE', '2026年11月26日 晚于今天'],
    ['110105194912310021', 'ID_CHECKSUM', '第18位校验码应为 X，实为 1'],
    ['11010519491231002X'.replace('1949', '1994'), 'ID_CHECKSUM', '校验码应为'],
  ])('refuses %j with %s', (raw, code, hint) => {
    const result = parseIdNumber(raw, TODAY);
    expect(result.valid).toBe(false);
    expect(result.birthDate).toBeUndefined();
    expect(result.sex).toBeUndefined();
    const finding = result.findings.find((f) => f.code === code);
    expect(finding).toMatchObject({ severity: 'error', field: 'idNumber' });
    expect(finding?.message).toContain(hint);
  });

  it('accepts a person born today', () => {
    expect(parseIdNumber(withCheck('11010520261125002'), TODAY).valid).toBe(true);
  });

  it('accepts every documented province-level code and 港澳台 residence permits', () => {
    for (const province of ['11', '15', '23', '37', '46', '54', '65', '71', '81', '82', '83']) {
      expect(parseIdNumber(withCheck(`${province}010219900307123`), TODAY).valid, province).toBe(true);
    }
    expect(ID_PROVINCE_CODES.size).toBe(35);
  });

  it('refuses a malformed today, which would make every comparison meaningless', () => {
    expect(() => parseIdNumber('11010519491231002X', '2026/11/25')).toThrow(RangeError);
  });

  it('names the field it was asked about', () => {
    expect(parseIdNumber('', TODAY, 'nominee.idNumber').findings[0]?.field).toBe('nominee.idNumber');
  });
});

describe('ID number properties', () => {
  const birthDate = fc
    .record({
      year: fc.integer({ min: 1900, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => isRealDate(year, month, day))
    .map(formatIsoDate)
    .filter((date) => date <= TODAY);
  const validId = fc
    .record({
      province: fc.constantFrom(...ID_PROVINCE_CODES),
      county: fc.stringMatching(/^\d{4}$/),
      birthDate,
      sequence: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ province, county, birthDate, sequence }) => ({
      id: withCheck(`${province}${county}${birthDate.replaceAll('-', '')}${sequence}`),
      birthDate,
      male: Number(sequence) % 2 === 1,
    }));

  it('computes the check character as GB 11643 defines it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCheckCharacter(first17)).toBe(referenceCheck(first17));
      }),
    );
  });

  it('accepts every well-formed number and reads birth date and sex from it', () => {
    fc.assert(
      fc.property(validId, ({ id, birthDate, male }) => {
        const result = parseIdNumber(id, TODAY);
        expect(result).toMatchObject({
          valid: true,
          normalised: id,
          birthDate,
          sex: male ? 'male' : 'female',
        });
        expect(result.regionCode).toBe(id.slice(0, 6));
      }),
    );
  });

  it('reads the same number however it is spaced, cased or full-width', () => {
    const fullWidth = (text: string) =>
      text.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 18 }), ({ id }, at) => {
        const spaced = `${id.slice(0, at)} \u3000${id.slice(at)} `;
        expect(parseIdNumber(spaced.toLowerCase(), TODAY).normalised).toBe(id);
        expect(parseIdNumber(fullWidth(id), TODAY)).toEqual(parseIdNumber(id, TODAY));
      }),
    );
  });

  it('catches every single wrong digit', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        ({ id }, at, shift) => {
          const wrong = `${id.slice(0, at)}${(Number(id[at]) + shift) % 10}${id.slice(at + 1)}`;
          const result = parseIdNumber(wrong, TODAY);
          expect(result.valid).toBe(false);
          expect(result.findings.map((f) => f.code)).toContain('ID_CHECKSUM');
        },
      ),
    );
  });

  it('catches every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 15 }), ({ id }, at) => {
        fc.pre(id[at] !== id[at + 1]);
        const swapped = `${id.slice(0, at)}${id[at + 1]}${id[at]}${id.slice(at + 2)}`;
        expect(parseIdNumber(swapped, TODAY).valid).toBe(false);
      }),
    );
  });

  it('masks the county and birth date of every number', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(2, 14)).toBe('*'.repeat(12));
        expect(masked.slice(0, 2) + masked.slice(14)).toBe(id.slice(0, 2) + id.slice(14));
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002x', '11************002X'],
    [' 1101 0519 4912 3100 2X ', '11************002X'],
    ['110105491231002', '***************'],
    ['', ''],
  ])('masks %j as %j', (raw, masked) => {
    expect(maskIdNumber(raw)).toBe(masked);
  });
});
