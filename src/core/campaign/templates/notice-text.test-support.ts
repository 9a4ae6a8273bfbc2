/**
 * Test support only: it reads files, so core code must never import it. The notices as received, for
 * tests that quote them. The texts came out of PDFs, with line breaks inside sentences and a mix of
 * full- and half-width punctuation, so quotes are compared with whitespace removed and punctuation
 * folded to half-width.
 */
import { readFileSync } from 'node:fs';

const fold = (text: string) =>
  text
    .replace(/\s+/gu, '')
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function loadNotice(name: 'national-2024' | 'jilin-2023'): string {
  return fold(readFileSync(new URL(`./sources/${name}-notice.txt`, import.meta.url), 'utf8'));
}

/** True when the notice contains the quoted sentence (whitespace and width ignored). */
export function noticeSays(notice: string, quote: string): boolean {
  return notice.includes(fold(quote));
}
