/**
 * 居民身份证号 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male) and a
 * check character. Birth date and sex are read from a valid number rather than asked for separately,
 * so they can never disagree with it.
 *
 * Accepted province-level region codes (first two digits, GB/T 2260): 11–15, 21–23, 31–37, 41–46,
 * 50–54, 61–65, 71 (台湾), and 81/82/83, which 港澳台居民居住证 numbers use in the same format. The
 * county part (digits 3–6) is not checked: codes change, and numbers issued under old codes stay valid.
 */
import { formatChineseDate } from '../calendar/format.ts';
import { formatIsoDate, isIsoDate, isRealDate } from '../calendar/iso-date.ts';
import { error, type Finding, hasErrors } from '../findings.ts';
import { normaliseIdentifier } from './normalise.ts';

export type Sex = 'male' | 'female';

export interface IdNumberResult {
  /** No errors: the number can be stored. */
  valid: boolean;
  /** Half-width, without spaces, upper-case X; what to store when valid. */
  normalised: string;
  /** YYYY-MM-DD; only when valid. */
  birthDate?: string;
  /** Only when valid. */
  sex?: Sex;
  /** The first six digits; only when valid. */
  regionCode?: string;
  findings: Finding[];
}

export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The check character (`0`–`9` or `X`) for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Checks a 身份证号 as typed. Spaces (including full-width ones) are dropped and full-width digits
 * and letters read as half-width without a finding: they are how Chinese input methods type, not
 * mistakes. `today` (YYYY-MM-DD) bounds the birth date (today in Beijing, from the caller's clock).
 */
export function parseIdNumber(raw: string, today: string, field = 'idNumber'): IdNumberResult {
  if (!isIsoDate(today)) throw new RangeError(`today 应为 YYYY-MM-DD 日期，实为 ${today}`);
  const normalised = normaliseIdentifier(raw);
  const invalid = (findings: Finding[]): IdNumberResult => ({ valid: false, normalised, findings });

  if (normalised === '') return invalid([error('ID_EMPTY', field, '请填写身份证号（18位）')]);

  const shapeFindings = [...characterFindings(normalised, field), ...lengthFindings(normalised, field)];
  if (shapeFindings.length > 0) return invalid(shapeFindings);

  const regionCode = normalised.slice(0, 6);
  const birthDigits = normalised.slice(6, 14);
  const birthDate = birthDateFromDigits(birthDigits);
  const findings: Finding[] = [];

  if (!ID_PROVINCE_CODES.has(normalised.slice(0, 2))) {
    findings.push(
      error(
        'ID_REGION',
        field,
        `身份证号前两位「${normalised.slice(0, 2)}」不是有效的省级行政区划代码，请核对号码是否填错`,
      ),
    );
  }
  const birthProblem = birthDateProblem(birthDigits, birthDate, today);
  if (birthProblem) findings.push(error('ID_BIRTH_DATE', field, birthProblem));

  const expected = idCheckCharacter(normalised);
  const actual = normalised[17];
  if (expected !== actual) {
    findings.push(
      error(
        'ID_CHECKSUM',
        field,
        `身份证号第18位校验码应为 ${expected}，实为 ${actual}。号码中有数字填错，请逐位核对后重新填写`,
      ),
    );
  }

  if (hasErrors(findings) || !birthDate) return invalid(findings);
  const sequence = Number(normalised.slice(14, 17));
  return {
    valid: true,
    normalised,
    birthDate,
    sex: sequence % 2 === 1 ? 'male' : 'female',
    regionCode,
    findings,
  };
}

function characterFindings(normalised: string, field: string): Finding[] {
  const characters = [...normalised];
  const bad = characters
    .map((character, index) => ({ character, position: index + 1 }))
    .filter(({ character, position }) =>
      character === 'X' ? position !== characters.length : !/^[0-9]$/.test(character),
    );
  if (bad.length === 0) return [];
  const list = bad.map(({ character, position }) => `第${position}位「${character}」`).join('、');
  return [
    error(
      'ID_CHARACTERS',
      field,
      `身份证号含有无效字符：${list}。身份证号前17位只能是数字，第18位是数字或 X，请核对后重新填写`,
    ),
  ];
}

function lengthFindings(normalised: string, field: string): Finding[] {
  const length = [...normalised].length;
  if (length === 18) return [];
  const hint = length === 15 ? '15位的旧身份证号已停用，请填写现行的18位号码' : '请核对是否多填或漏填了数字';
  return [error('ID_LENGTH', field, `身份证号应为18位，实为${length}位。${hint}`)];
}

/** `YYYYMMDD` → `YYYY-MM-DD`, or undefined when that day does not exist. */
function birthDateFromDigits(digits: string): string | undefined {
  const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].map(Number) as [
    number,
    number,
    number,
  ];
  return isRealDate(year, month, day) ? formatIsoDate({ year, month, day }) : undefined;
}

function birthDateProblem(digits: string, birthDate: string | undefined, today: string): string | undefined {
  if (!birthDate) return `身份证号第7–14位的出生日期「${digits}」不是有效日期，请核对号码`;
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return `身份证号中的出生日期 ${formatChineseDate(birthDate)} 早于1900年，请核对号码`;
  }
  if (birthDate > today) return `身份证号中的出生日期 ${formatChineseDate(birthDate)} 晚于今天，请核对号码`;
  return undefined;
}

/**
 * For lists and exports seen by people who may not see the whole number (PIPL): keeps the province
 * (2 digits) and the last 4 characters so records can still be told apart and a holder recognises
 * their own; hides county and birth date, the parts that identify a person. Anything that is not an
 * 18-character number is hidden entirely: it may be a whole number in another format.
 */
export function maskIdNumber(raw: string): string {
  const normalised = normaliseIdentifier(raw);
  const length = [...normalised].length;
  if (length !== 18) return '*'.repeat(length);
  return `${normalised.slice(0, 2)}${'*'.repeat(12)}${normalised.slice(14)}`;
}
