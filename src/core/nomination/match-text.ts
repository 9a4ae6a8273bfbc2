/**
 * Text comparison for finding the same person or programme under different spellings: 《银龄学堂》 and
 * “銀齡學堂”, ＡＢＣ读书会 and abc读书会, 阿依古丽·买买提 and 阿依古丽•买买提.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { GENERIC_TAILS } from './eligibility/programme-name.ts';
import { isCommonName, placedBefore } from './programme-name-parts.ts';

/**
 * From Hong Kong traditional: it also folds the variant forms used in Taiwan (衞→卫, 裏→里), which
 * the Taiwan preset leaves alone.
 */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Every opening/closing bracket and initial/final quote in Unicode, plus the straight ASCII quotes
// and the backtick: 「」『』“”‘’《》〈〉【】〔〕〖〗()[]{}<>«» all count as decoration, not content.
const QUOTES_AND_BRACKETS = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'`<>]/gu;
const WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;
// Middle dots between the parts of a transliterated name: · • ‧ ・ ･ ⋅ ∙ and the hyphenation point;
// and every dash (— – - － ‐ ‒ ― −, also doubled as ——), which lists use in the same places.
const SEPARATORS = /[\u00B7\u2022\u2027\u30FB\uFF65\u22C5\u2219\u0387\p{Pd}\u2212\uFE63]+/gu;
// A note in brackets after a name or a unit: 王秀兰（退休）, 某社区（负责人）, 张三(女), 【副主任】.
const NOTE = /[(（［[【〔〖][^()（）［］[\]【】〔〕〖〗]*[)）］\]】〕〗]/gu;

/**
 * The form two names are compared in: NFKC (full-width → half-width, compatibility forms), spaces
 * and every kind of quote or bracket removed, middle dots and dashes unified to one ·, traditional
 * characters to simplified, Latin letters lower-cased. Meant for comparing, never for storing or showing.
 */
export function normaliseForMatch(text: string): string {
  const compatible = text.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES_AND_BRACKETS, '');
  // Composed again at the end: what was removed may have stood between a letter and its accent (˘ is a
  // space and a combining breve under NFKC), and the same name must come out the same the second time.
  return toSimplified(compatible).replace(SEPARATORS, '·').toLowerCase().normalize('NFKC');
}

/** Bracketed notes removed, innermost first: 张三（女）→ 张三, 某社区【副主任（兼）】→ 某社区. */
export function stripNotes(text: string): string {
  let current = text.normalize('NFKC');
  if (!/[(［[【〔〖]/u.test(current)) return current;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(NOTE, '');
  }
  return current;
}

/**
 * A person's name or workplace as published lists write it, compared without the notes they add:
 * 王秀兰（退休）and 王秀兰, 长春市朝阳区某社区（负责人）and 长春市朝阳区某社区 are the same.
 */
export function personKey(text: string): string {
  return normaliseForMatch(stripNotes(text));
}

/**
 * Two workplaces are the same when equal or when one, at least four characters, lies inside the
 * other: lists often put the province or city before the unit (吉林省长春市朝阳区某社区).
 */
export function sameUnit(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [shorter, longer] = [...a].length <= [...b].length ? [a, b] : [b, a];
  return [...shorter].length >= CONTAINED_MIN_LENGTH && longer.includes(shorter);
}

/**
 * The part of a programme's name that identifies it: 银龄学堂终身学习品牌项目 and 银龄学堂 are the same
 * programme, and so are 银龄·学堂 and 银龄—学堂 (separators carry nothing in a programme's name). The
 * tail is removed only when something remains.
 */
export function programmeKey(name: string): string {
  const normalised = normaliseForMatch(name).replaceAll('·', '');
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
 *   银龄学堂 / 长春银龄学堂. 社区教育 inside a 20-character name is a topic, not the same programme;
 * - or the longer is the shorter (at least 3 characters) with a place in front, however long the
 *   place: 乐龄学堂 / 长春市朝阳区乐龄学堂, 知行堂 / 吉林省知行堂. Short names are the ones a place
 *   prefix pushes past the half-length rule, so without this they would only ever match exactly.
 * A shorter name made only of the field's common words (读书会, 社区教育, 老年大学) is never found inside
 * another: it names no programme in particular (programme-name-parts.ts). Equal keys always match.
 */
export const SIMILAR_MIN_LENGTH = 6;
export const TWO_EDITS_MIN_LENGTH = 10;
export const CONTAINED_MIN_LENGTH = 4;
export const PLACED_MIN_LENGTH = 3;

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
  if (ls < PLACED_MIN_LENGTH) return false;
  const contained = ls >= CONTAINED_MIN_LENGTH && ls * 2 >= ll && longer.includes(shorter);
  // The common-name test last: it is the dearest, and most pairs fail before it.
  return (contained || placedBefore(shorter, longer)) && !isCommonName(shorter);
}

/**
 * The fewest character pairs (bigrams, counted with repetition) two keys of these lengths must share
 * to be similar; Infinity when they cannot be. Each edit destroys at most two bigrams, so keys within
 * k edits share at least max(la, lb) − 1 − 2k; a contained key (a place in front or not) shares all
 * of its own ls − 1. An index can therefore skip every pair sharing fewer, without missing a match.
 */
export function requiredSharedBigrams(la: number, lb: number): number {
  let required = Number.POSITIVE_INFINITY;
  const edits = allowedEdits(la, lb);
  if (edits > 0 && Math.abs(la - lb) <= edits) required = Math.max(la, lb) - 1 - 2 * edits;
  const ls = Math.min(la, lb);
  // Containment, with or without a place in front, keeps every pair of the shorter key.
  if (ls >= PLACED_MIN_LENGTH) required = Math.min(required, ls - 1);
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
