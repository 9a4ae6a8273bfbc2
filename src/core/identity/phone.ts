/**
 * Contact phone numbers as people write them: `138 1234 5678`, `+86 138-1234-5678`,
 * `(0431)8888-8888`, `010-65123456转8001`. Mobile numbers are `1[3-9]` + 9 digits; landlines need their
 * area code (010, 02x or a 4-digit 0xxx code) because the forms travel beyond the local area.
 *
 * Normalised forms: mobile `13812345678`; landline `0431-88888888`, with an extension `0431-88888888转8001`.
 */
import { error, type Finding } from '../findings.ts';
import { removeWhitespace, toHalfWidth } from './normalise.ts';

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneResult {
  /** null when the number is not a valid mobile or landline number. */
  kind: PhoneKind | null;
  normalised: string;
  findings: Finding[];
}

const EXTENSION = /^(.*?)(?:转|分机|ext\.?|x|#)(\d{1,6})$/i;
const COUNTRY_CODE = /^(?:\+|00)86-?/;
const AREA_CODE = /^(?:010|02\d|0[3-9]\d{2})$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;

/** A number taken apart: digit groups as written, an extension, whether it began with +86. */
interface WrittenNumber {
  groups: string[];
  extension?: string;
  international: boolean;
}

type Reading = { kind: PhoneKind; normalised: string } | { code: string; message: string };

export function parsePhone(raw: string, field = 'phone'): PhoneResult {
  const cleaned = removeWhitespace(toHalfWidth(raw)).replace(/[‐‑‒–—−]/g, '-');
  const shown = raw.trim();
  const reading: Reading =
    cleaned === ''
      ? { code: 'PHONE_EMPTY', message: '请填写联系电话（手机号或带区号的固定电话）' }
      : readNumber(takeApart(cleaned), shown);
  if ('code' in reading) {
    return { kind: null, normalised: cleaned, findings: [error(reading.code, field, reading.message)] };
  }
  return { ...reading, findings: [] };
}

function takeApart(cleaned: string): WrittenNumber | undefined {
  const extensionMatch = EXTENSION.exec(cleaned);
  const main = extensionMatch ? extensionMatch[1]! : cleaned;
  const groups = main
    .replace(COUNTRY_CODE, '')
    .replace(/[()]/g, '-')
    .split('-')
    .filter((group) => group !== '');
  if (groups.length === 0 || groups.some((group) => !/^\d+$/.test(group))) return undefined;
  return { groups, extension: extensionMatch?.[2], international: COUNTRY_CODE.test(main) };
}

function readNumber(written: WrittenNumber | undefined, shown: string): Reading {
  if (!written) {
    return {
      code: 'PHONE_FORMAT',
      message: `联系电话「${shown}」无法识别，请填写11位手机号或带区号的固定电话，例如 0431-88888888`,
    };
  }
  const digits = written.groups.join('');
  const mobile = /^(?:86)?(1\d{10})$/.exec(digits)?.[1];
  if (mobile && !written.extension) {
    if (!/^1[3-9]/.test(mobile))
      return { code: 'PHONE_MOBILE', message: `手机号「${mobile}」第2位应为3至9，请核对` };
    return { kind: 'mobile', normalised: mobile };
  }
  if (digits.startsWith('1') && !written.international) {
    return { code: 'PHONE_MOBILE', message: `手机号应为11位，实为${digits.length}位，请核对` };
  }
  return readLandline(written, shown);
}

function readLandline({ groups, extension, international }: WrittenNumber, shown: string): Reading {
  // A landline written internationally drops the leading 0 of its area code (+86 431 …).
  const first = international ? `0${groups[0]}` : groups[0]!;
  const [area, ...rest] = groups.length === 1 ? splitAreaCode(first) : [first, ...groups.slice(1)];
  // The local number may be written in two halves (0431-8888-8888); a part after it is an extension.
  const halves = rest.length >= 2 && rest[0]!.length <= 4 && LOCAL_NUMBER.test(rest[0]! + rest[1]!);
  const local = halves ? rest[0]! + rest[1]! : rest[0];
  const after = rest.slice(halves ? 2 : 1);
  if (after.length > 1 || (after.length === 1 && extension)) {
    return {
      code: 'PHONE_FORMAT',
      message: `联系电话「${shown}」无法识别，请按「区号-号码转分机」填写，例如 0431-88888888转8001`,
    };
  }
  if (!area?.startsWith('0')) {
    return {
      code: 'PHONE_AREA_CODE',
      message: `固定电话「${shown}」缺少区号，请加上区号，例如 0431-88888888`,
    };
  }
  if (!AREA_CODE.test(area)) {
    return {
      code: 'PHONE_AREA_CODE',
      message: `区号「${area}」无效：区号为 010、02X 或 0 开头的4位数字，请核对`,
    };
  }
  if (!local || !LOCAL_NUMBER.test(local)) {
    return {
      code: 'PHONE_LANDLINE',
      message: `固定电话区号后的号码应为7或8位、且不以0或1开头，实为「${local ?? ''}」，请核对`,
    };
  }
  const ext = extension ?? after[0];
  return { kind: 'landline', normalised: `${area}-${local}${ext ? `转${ext}` : ''}` };
}

/** `043188888888` → [`0431`, `88888888`]; a number without a recognisable area code stays whole. */
function splitAreaCode(digits: string): string[] {
  const split = /^(010|02\d|0[3-9]\d{2})(\d+)$/.exec(digits);
  return split ? [split[1]!, split[2]!] : [digits];
}

/**
 * For lists seen by people who need to recognise, not dial, a number: a mobile keeps its first 3
 * and last 4 digits (`138****5678`, the usual Chinese form); a landline keeps its area code, the
 * last 4 digits and any extension. Anything unparsed shows only its last 4 characters.
 */
export function maskPhone(raw: string): string {
  const parsed = parsePhone(raw);
  const text = parsed.normalised;
  if (parsed.kind === 'mobile') return `${text.slice(0, 3)}****${text.slice(7)}`;
  if (parsed.kind === 'landline') {
    const [, area, local, rest] = /^(\d+)-(\d+)(.*)$/.exec(text)!;
    return `${area}-${'*'.repeat(local!.length - 4)}${local!.slice(-4)}${rest}`;
  }
  const characters = [...text];
  if (characters.length <= 4) return '*'.repeat(characters.length);
  return '*'.repeat(characters.length - 4) + characters.slice(-4).join('');
}
