/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation type (1), administrative
 * division of the registering authority (6, GB/T 2260), organisation code (9), check character (1).
 *
 * A check-character mismatch is a warning, not an error: a few real codes fail the check, and an
 * organiser who has seen the licence can override it. Everything else that is wrong is an error.
 */
import { error, type Finding, hasErrors, warning } from '../findings.ts';
import { normaliseIdentifier } from './normalise.ts';

export interface CreditCodeResult {
  /** Half-width, without spaces, upper case; what to store. */
  normalised: string;
  /** No errors (a check-character warning still leaves the code valid). */
  valid: boolean;
  /** The check character matches; false whenever the code could not be checked. */
  checksumOk: boolean;
  /** Characters 3–8: the administrative division where the entity was registered. */
  regionCode?: string;
  findings: Finding[];
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Letters left out of the alphabet because they look like digits or other letters. */
const LOOK_ALIKES: Record<string, string> = {
  I: '数字 1',
  O: '数字 0',
  Z: '数字 2',
  S: '数字 5',
  V: '字母 U',
};

/** The check character for the first 17 characters (all from the code's alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * ALPHABET.indexOf(first17[index]!), 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function parseCreditCode(raw: string, field = 'creditCode'): CreditCodeResult {
  const normalised = normaliseIdentifier(raw);
  const findings: Finding[] = [];
  const unchecked = (): CreditCodeResult => ({ normalised, valid: false, checksumOk: false, findings });

  if (normalised === '') {
    findings.push(error('CREDIT_CODE_EMPTY', field, '请填写统一社会信用代码（18位，见营业执照或登记证书）'));
    return unchecked();
  }
  findings.push(...characterFindings(normalised, field));
  const length = [...normalised].length;
  if (length !== 18) {
    findings.push(
      error(
        'CREDIT_CODE_LENGTH',
        field,
        `统一社会信用代码应为18位，实为${length}位，请对照营业执照或登记证书核对`,
      ),
    );
  }
  if (hasErrors(findings)) return unchecked();

  const regionCode = normalised.slice(2, 8);
  const regionOk = /^\d{6}$/.test(regionCode);
  if (!regionOk) {
    findings.push(
      warning(
        'CREDIT_CODE_REGION',
        field,
        `统一社会信用代码第3–8位应为登记机关所在地的6位行政区划代码，实为「${regionCode}」，请核对`,
      ),
    );
  }
  const expected = creditCodeCheckCharacter(normalised);
  const actual = normalised[17]!;
  const checksumOk = expected === actual;
  if (!checksumOk) {
    findings.push(
      warning(
        'CREDIT_CODE_CHECKSUM',
        field,
        `统一社会信用代码第18位校验码按前17位计算应为「${expected}」，实为「${actual}」。` +
          '请对照营业执照或登记证书逐位核对；如确与证照一致，可由组织方核实后放行',
      ),
    );
  }
  return { normalised, valid: true, checksumOk, regionCode: regionOk ? regionCode : undefined, findings };
}

function characterFindings(normalised: string, field: string): Finding[] {
  const bad = [...normalised]
    .map((character, index) => ({ character, position: index + 1 }))
    .filter(({ character }) => !ALPHABET.includes(character));
  if (bad.length === 0) return [];
  const list = bad
    .map(({ character, position }) => {
      const lookAlike = LOOK_ALIKES[character];
      return `第${position}位「${character}」${lookAlike ? `（可能应为${lookAlike}）` : ''}`;
    })
    .join('、');
  return [
    error(
      'CREDIT_CODE_CHARACTERS',
      field,
      `统一社会信用代码含有无效字符：${list}。代码只由数字和大写字母组成，不使用字母 I、O、Z、S、V，请核对后重新填写`,
    ),
  ];
}

/**
 * The 2-digit province prefix of the registering authority's division (e.g. `22` for 吉林省), used to
 * check that a project's entity is registered in the campaign's province; undefined when the code has
 * errors or no numeric division.
 */
export function creditCodeProvince(code: string): string | undefined {
  return parseCreditCode(code).regionCode?.slice(0, 2);
}
