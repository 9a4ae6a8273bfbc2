/**
 * Text typed or pasted by people: Chinese input methods produce full-width digits and letters
 * (０-９, Ｘ) and full-width spaces (U+3000), and numbers copied from Word or a PDF carry stray spaces.
 * Identifiers are compared and stored in one canonical form, so they are normalised first.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII forms (U+FF01–U+FF5E) to their ASCII counterparts; everything else unchanged. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** Removes every whitespace character, including U+3000, no-break spaces and line breaks. */
export function removeWhitespace(text: string): string {
  return text.replace(/[\s\u200B\uFEFF]/gu, '');
}

/** The canonical form of an identifier typed by a person: half-width, no spaces, upper case. */
export function normaliseIdentifier(raw: string): string {
  return removeWhitespace(toHalfWidth(raw)).toUpperCase();
}
