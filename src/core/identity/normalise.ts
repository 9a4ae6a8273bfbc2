/**
 * Text typed or pasted by people: Chinese input methods produce full-width digits and letters
 * (０-９, Ｘ) and full-width spaces (U+3000), and text copied from Word, a PDF, a web page or a chat
 * carries zero-width spaces and bidirectional marks that nobody sees on screen but that end up in the
 * database, in duplicate checks and on the printed 推介表. So what is stored is normalised first, with
 * one rule per kind of field (`normaliseTyped`).
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_LETTER_OR_DIGIT = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Invisible formatting characters: zero-width space, non-joiner and joiner, word joiner, BOM, soft
 * hyphen, and every bidirectional control (LRM, RLM, ALM, embeddings, overrides such as U+202E, and
 * isolates). None belongs in a name, a number, a Chinese paragraph or a file name; U+202E even makes
 * `照片\u202Egpj.exe` look like `照片exe.jpg`.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Full-width ASCII forms (U+FF01–U+FF5E) to their ASCII counterparts; everything else unchanged. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** Removes zero-width characters and bidirectional controls. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Whether the text holds a character `stripInvisible` would remove. */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source, 'u').test(text);
}

/** Removes every whitespace character, including U+3000, no-break spaces and line breaks, and invisible ones. */
export function removeWhitespace(text: string): string {
  return stripInvisible(text).replace(/\s/gu, '');
}

/** The canonical form of an identifier typed by a person: half-width, no spaces, upper case. */
export function normaliseIdentifier(raw: string): string {
  return removeWhitespace(toHalfWidth(raw)).toUpperCase();
}

/**
 * How a field is normalised:
 * - `identifier` (身份证号, 统一社会信用代码): NFKC, no spaces at all, upper case (x → X);
 * - `number` (phones, dates typed as text): NFKC, so full-width digits and dashes become ASCII; spaces
 *   collapsed;
 * - `name` (姓名, 联系人): a `line`, and no space between two Chinese characters: 「张　三」, padded
 *   with an ideographic space to line up in a list, is 张三;
 * - `line` (工作单位, 通讯地址, 项目名称): full-width letters and digits to ASCII, every kind of space to
 *   one ordinary space, trimmed. Chinese punctuation stays as typed: NFKC would turn （），：into
 *   ASCII, which is wrong on an official Chinese form;
 * - `paragraphs` (主要事迹, 工作总结): only invisible characters removed; ideographic spaces that indent
 *   paragraphs (两个全角空格) and line breaks stay.
 * Every kind removes zero-width and bidirectional characters and composes to NFC.
 */
export type TypedTextKind = 'identifier' | 'number' | 'name' | 'line' | 'paragraphs';

const BETWEEN_HAN = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function normaliseTyped(raw: string, kind: TypedTextKind): string {
  const visible = stripInvisible(raw).normalize('NFC');
  switch (kind) {
    case 'identifier':
      // Upper-casing can decompose (ῒ becomes Ι, ◌̈, ◌̀), so the result is composed again after it.
      return normaliseIdentifier(visible.normalize('NFKC')).normalize('NFKC');
    case 'number':
      return oneLine(visible.normalize('NFKC'));
    case 'name':
      return oneLine(toHalfWidthLettersAndDigits(visible)).replace(BETWEEN_HAN, '');
    case 'line':
      return oneLine(toHalfWidthLettersAndDigits(visible));
    case 'paragraphs':
      return visible;
  }
}

function toHalfWidthLettersAndDigits(text: string): string {
  return text.replace(FULL_WIDTH_LETTER_OR_DIGIT, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET),
  );
}

/** Letters (any script, Chinese included) and digits: what a name must have besides punctuation and symbols. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for text made only of punctuation, symbols and spaces, such as 「——」「/」「。。」「***」. */
export function isOnlySymbols(text: string): boolean {
  return text.trim() !== '' && !LETTER_OR_DIGIT.test(text);
}
