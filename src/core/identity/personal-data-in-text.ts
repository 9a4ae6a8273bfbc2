/**
 * Personal numbers written into free text (a story edited for the public site): 身份证号 and phone
 * numbers however they are typed (full-width digits, spaces or dashes between groups). The scan is
 * deliberately wider than the validators: any 18-character run shaped like an ID number counts, even
 * with a wrong check character, because a mistyped number is still someone's number.
 */
import { toHalfWidth } from './normalise.ts';

export type PersonalDataKind = 'idNumber' | 'phone';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** As written in the text. */
  text: string;
}

/** Spaces and dashes people put between digit groups; removed before digits are matched. */
const SEPARATORS = /[\s\-‐‑‒–—−.()（）]/g;

/** Digits (and X) of a run without separators, with where each character came from in the original. */
function compact(text: string): { digits: string; origin: number[] } {
  let digits = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (SEPARATORS.test(c)) {
      SEPARATORS.lastIndex = 0;
      continue;
    }
    SEPARATORS.lastIndex = 0;
    digits += c;
    origin.push(i);
  }
  return { digits, origin };
}

const PATTERNS: readonly { kind: PersonalDataKind; pattern: RegExp }[] = [
  // 6-digit region starting with a province digit, 19xx/20xx birth year, 2+2 date digits, 3 + check.
  { kind: 'idNumber', pattern: /(?<![0-9Xx])[1-8]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[0-9Xx](?![0-9Xx])/g },
  // Mobile: 1[3-9] and 9 more digits, optionally after +86 / 86.
  { kind: 'phone', pattern: /(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/g },
  // Landline with its area code: 010, 02x or 0xxx, then 7–8 digits not starting with 0 or 1.
  { kind: 'phone', pattern: /(?<!\d)0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}(?!\d)/g },
];

/** Every ID number and phone number in the text, in the order found. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const half = toHalfWidth(text);
  const { digits, origin } = compact(half);
  const hits: PersonalDataHit[] = [];
  const taken: [number, number][] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const m of digits.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      hits.push({ kind, text: text.slice(origin[start]!, origin[end - 1]! + 1) });
    }
  }
  return hits;
}
