import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProvince, parseCreditCode } from './credit-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A code that passes the check, published as an example of the format. */
const VALID = '91350100M000100Y43';

/** GB 32100's check computed another way: weights are 3^i mod 31, i counted from the left from 0. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += ALPHABET.indexOf(first17[index]!) * (3 ** index % 31);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

describe('parseCreditCode', () => {
  it('accepts a valid code and reads its division', () => {
    expect(parseCreditCode(VALID)).toEqual({
      normalised: VALID,
      valid: true,
      checksumOk: true,
      regionCode: '350100',
      findings: [],
    });
    expect(creditCodeProvince(VALID)).toBe('35');
  });

  it.each([
    ['lower case', '91350100m000100y43'],
    ['full-width characters', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['spaces, including full-width', ' 9135 0100\u3000M000 100Y 43 '],
  ])('normalises %s', (_why, raw) => {
    expect(parseCreditCode(raw)).toMatchObject({ normalised: VALID, valid: true, checksumOk: true });
  });

  it.each([
    ['O', 5, '9135O100M000100Y43', '（可能应为数字 0）'],
    ['I', 1, 'I1350100M000100Y43', '（可能应为数字 1）'],
    ['Z', 10, '91350100MZ00100Y43', '（可能应为数字 2）'],
    ['S', 18, '91350100M000100Y4S', '（可能应为数字 5）'],
    ['V', 16, '91350100M000100V43', '（可能应为字母 U）'],
  ])('names the excluded letter %s at position %i', (letter, position, raw, hint) => {
    const result = parseCreditCode(raw);
    expect(result).toMatchObject({ valid: false, checksumOk: false });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      code: 'CREDIT_CODE_CHARACTERS',
      severity: 'error',
      field: 'creditCode',
    });
    expect(result.findings[0]?.message).toContain(`第${position}位「${letter}」${hint}`);
  });

  it.each([
    ['', 'CREDIT_CODE_EMPTY', '请填写统一社会信用代码'],
    ['91350100M000100Y4', 'CREDIT_CODE_LENGTH', '实为17位'],
    ['91350100M000100Y433', 'CREDIT_CODE_LENGTH', '实为19位'],
    ['91350100-M000100Y4', 'CREDIT_CODE_CHARACTERS', '第9位「-」'],
    ['福建某某有限公司', 'CREDIT_CODE_CHARACTERS', '第1位「福」'],
  ])('refuses %j with %s', (raw, code, hint) => {
    const result = parseCreditCode(raw);
    expect(result.valid).toBe(false);
    expect(result.regionCode).toBeUndefined();
    const finding = result.findings.find((f) => f.code === code);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(hint);
  });

  it('only warns about a check character that does not match', () => {
    const result = parseCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({ valid: true, checksumOk: false, regionCode: '350100' });
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'CREDIT_CODE_CHECKSUM', severity: 'warning', field: 'creditCode' }),
    ]);
    expect(result.findings[0]?.message).toContain('应为「3」，实为「4」');
  });

  it('warns about a division that is not six digits', () => {
    const first17 = '91A50100M000100Y4';
    const result = parseCreditCode(first17 + creditCodeCheckCharacter(first17));
    expect(result).toMatchObject({ valid: true, checksumOk: true, regionCode: undefined });
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['CREDIT_CODE_REGION', 'warning']]);
    expect(creditCodeProvince(first17 + creditCodeCheckCharacter(first17))).toBeUndefined();
  });

  it('gives no province for a code with errors', () => {
    expect(creditCodeProvince('2235')).toBeUndefined();
    expect(creditCodeProvince(' 91220100M000100Y4X ')).toBe('22');
  });
});

describe('credit code properties', () => {
  const first17 = fc
    .array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 })
    .map((c) => c.join(''));
  const code = first17.map((head) => head + referenceCheck(head));

  it('computes the check character as GB 32100 defines it', () => {
    fc.assert(
      fc.property(first17, (head) => {
        expect(creditCodeCheckCharacter(head)).toBe(referenceCheck(head));
      }),
    );
  });

  it('accepts every code whose check character matches', () => {
    fc.assert(
      fc.property(code, (value) => {
        expect(parseCreditCode(value.toLowerCase())).toMatchObject({
          normalised: value,
          valid: true,
          checksumOk: true,
        });
      }),
    );
  });

  it('warns about every single wrong character', () => {
    fc.assert(
      fc.property(
        code,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (value, at, shift) => {
          const replacement = ALPHABET[(ALPHABET.indexOf(value[at]!) + shift) % 31]!;
          const wrong = value.slice(0, at) + replacement + value.slice(at + 1);
          const result = parseCreditCode(wrong);
          expect(result.valid).toBe(true);
          expect(result.checksumOk).toBe(false);
          expect(result.findings.map((f) => f.code)).toContain('CREDIT_CODE_CHECKSUM');
        },
      ),
    );
  });
});
