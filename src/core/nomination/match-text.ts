/**
 * Text comparison for finding the same person or programme under different spellings: 《银龄学堂》 and
 * “銀齡學堂”, ＡＢＣ读书会 and abc读书会, 阿依古丽·买买提 and 阿依古丽•买买提.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { GENERIC_TAILS } from './eligibility/programme-name.ts';

/**
 * From Hong Kong traditional: it also folds the variant forms used in Taiwan (衞→卫, 裏→里), which
 * the Taiwan preset leaves alone.
 */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Every opening/closing bracket and initial/final quote in Unicode, plus the straight ASCII quotes
// and the backtick: 「」『』“”‘’《》〈〉【】〔〕〖〗()[]{}<>«» all count as decoration, not content.
const QUOTES_AND_BRACKETS = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'`<>]/gu;
const WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;
// Middle dots between the parts of a transliterated name: · • ‧ ・ ･ ⋅ ∙ and the hyphenation point.
const MIDDLE_DOTS = /[\u00B7\u2022\u2027\u30FB\uFF65\u22C5\u2219\u2010\u0387]/gu;

/**
 * The form two names are compared in: NFKC (full-width → half-width, compatibility forms), spaces
 * and every kind of quote or bracket removed, middle dots unified to ·, traditional characters to
 * simplified, Latin letters lower-cased. Meant for comparing, never for storing or showing.
 */
export function normaliseForMatch(text: string): string {
  const compatible = text.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES_AND_BRACKETS, '');
  return toSimplified(compatible).replace(MIDDLE_DOTS, '·').toLowerCase();
}

/**
 * The part of a programme's name that identifies it: 银龄学堂终身学习品牌项目 and 银龄学堂 are the same
 * programme. The tail is removed only when something remains.
 */
export function programmeKey(name: string): string {
  const normalised = normaliseForMatch(name);
  const tail = GENERIC_TAILS.find((t) => normalised.endsWith(t) && normalised.length > t.length);
  return tail ? normalised.slice(0, -tail.length) : normalised;
}

/**
 * Levenshtein distance over code points if it is at most `max`, else `max + 1`. Stops as soon as a
 * whole row exceeds `max`, so comparing clearly different names costs little.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[y.length]!, max + 1);
}

/**
 * When two programme keys are "nearly the same" (thresholds chosen for Chinese programme names, which
 * are short and dense, so one character carries much of the meaning):
 * - an edit distance of at most 1 for keys of 6–9 characters, at most 2 for 10 or more:
 *   银龄学堂老年教育 / 银龄学堂老年敎育, 书香社区全民阅读推广 / 书香社区全民阅读推广活动. Two edits in a
 *   6-character name change a third of it (银龄阳光学堂 / 银龄幸福学堂 are different programmes), and
 *   below 6 characters one edit is a different name (银龄学堂 / 金龄学堂);
 * - or the shorter (at least 4 characters) lies inside the longer and is at least half its length:
 *   银龄学堂 / 长春银龄学堂. 社区教育 inside a 20-character name is a topic, not the same programme.
 */
export const SIMILAR_MIN_LENGTH = 6;
export const TWO_EDITS_MIN_LENGTH = 10;
export const CONTAINED_MIN_LENGTH = 4;

/** Edits allowed between keys of these lengths (in characters). */
export function allowedEdits(la: number, lb: number): number {
  const shorter = Math.min(la, lb);
  if (shorter >= TWO_EDITS_MIN_LENGTH) return 2;
  return shorter >= SIMILAR_MIN_LENGTH ? 1 : 0;
}

export function similarKeys(a: string, b: string): boolean {
  if (a === b) return a !== '';
  const la = [...a].length;
  const lb = [...b].length;
  const edits = allowedEdits(la, lb);
  if (edits > 0 && editDistanceWithin(a, b, edits) <= edits) return true;
  const [shorter, longer, ls, ll] = la <= lb ? [a, b, la, lb] : [b, a, lb, la];
  return ls >= CONTAINED_MIN_LENGTH && ls * 2 >= ll && longer.includes(shorter);
}

/**
 * The fewest character pairs (bigrams, counted with repetition) two keys of these lengths must share
 * to be similar; Infinity when they cannot be. Each edit destroys at most two bigrams, so keys within
 * k edits share at least max(la, lb) − 1 − 2k; a contained key shares all of its own ls − 1. An index
 * can therefore skip every pair sharing fewer, without missing a match.
 */
export function requiredSharedBigrams(la: number, lb: number): number {
  let required = Number.POSITIVE_INFINITY;
  const edits = allowedEdits(la, lb);
  if (edits > 0 && Math.abs(la - lb) <= edits) required = Math.max(la, lb) - 1 - 2 * edits;
  const [ls, ll] = la <= lb ? [la, lb] : [lb, la];
  if (ls >= CONTAINED_MIN_LENGTH && ls * 2 >= ll) required = Math.min(required, ls - 1);
  return required;
}

/** Character pairs with their counts; over code points, so 𠀀 is one character. */
export function bigrams(key: string): Map<string, number> {
  const characters = [...key];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < characters.length; i++) {
    const pair = characters[i]! + characters[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}
