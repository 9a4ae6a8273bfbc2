import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countChineseText } from './chinese-text.ts';

/** The original regex-per-code-point implementation, kept as the reference the fast one must match. */
const REFERENCE_ONE_BY_ONE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF\uFE30-\uFE4F\u2010-\u2027\u00B7\u3200-\u33FF]/u;

function referenceCount(text: string): number {
  let count = 0;
  let inRun = false;
  for (const character of text) {
    if (/\s/u.test(character)) {
      inRun = false;
    } else if (REFERENCE_ONE_BY_ONE.test(character)) {
      count += 1;
      inRun = false;
    } else if (!inRun) {
      count += 1;
      inRun = true;
    }
  }
  return count;
}

describe('countChineseText', () => {
  it.each([
    ['', 0],
    ['百姓学习之星', 6],
    ['𠀀𠀁𪚥', 3],
    ['你好，世界！', 6],
    ['“终身学习”品牌项目。', 11],
    ['《中国教育报》报道……', 11],
    ['2024年开展活动120场', 8],
    ['参与人次达1,500人次', 8],
    ['Hello world', 2],
    ['ＡＢＣ１２３', 6],
    ['终身 学习\u3000品牌\n项目\t', 8],
    [' \u3000\n\t', 0],
    ['学习·生活', 5],
    ['\ud800', 1],
    ['\udc00abc', 1],
    ['\ud800\ud800', 1],
    ['𠀀\udc00', 2],
    ['a\ud840', 1],
    ['\ufeff\u00a0\u2028', 0],
  ])('counts %j as %i', (text, count) => {
    expect(countChineseText(text)).toBe(count);
  });

  const han = fc
    .array(fc.integer({ min: 0x4e00, max: 0x9fff }), { maxLength: 50 })
    .map((codes) => String.fromCodePoint(...codes));
  const supplementaryHan = fc
    .array(fc.integer({ min: 0x20000, max: 0x2a6df }), { maxLength: 50 })
    .map((codes) => String.fromCodePoint(...codes));

  it('counts each Chinese character once, supplementary-plane ones included', () => {
    fc.assert(
      fc.property(fc.oneof(han, supplementaryHan), (text) => {
        expect(countChineseText(text)).toBe([...text].length);
      }),
    );
  });

  it('ignores whitespace, which also separates words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(' ', '\u3000', '\n', '\t  '), (a, b, space) => {
        expect(countChineseText(`${a}${space}${b}`)).toBe(countChineseText(a) + countChineseText(b));
      }),
    );
  });

  it('never counts more than the visible code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(countChineseText(text)).toBeLessThanOrEqual([...text.replace(/\s/gu, '')].length);
      }),
    );
  });

  const fromCodes = (min: number, max: number) =>
    fc.integer({ min, max }).map((code) => String.fromCodePoint(code));
  const mixedUnit = fc.oneof(
    fromCodes(0x20, 0x7e), // ASCII letters, digits and punctuation
    fromCodes(0x4e00, 0x9fff), // main CJK block
    fromCodes(0x20000, 0x2a6df), // supplementary-plane Han such as 𠀀
    fc.constantFrom(' ', '\u3000', '\n', '\t', '\r', '\u00a0', '\u2028', '\ufeff', '\u200b'),
    fc.constantFrom(
      '，',
      '。',
      '、',
      '“',
      '”',
      '《',
      '》',
      '…',
      '·',
      '—',
      '！',
      '？',
      '（',
      '）',
      '；',
      '：',
    ),
    fromCodes(0x3000, 0x33ff), // CJK punctuation, kana, bopomofo, enclosed and compatibility forms
    fromCodes(0xfe30, 0xffef), // vertical, small and full-width / half-width forms
    fromCodes(0xac00, 0xd7af), // Hangul syllables
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), // any unit, lone surrogates too
    fc.string({ unit: 'binary', maxLength: 1 }),
  );

  it('matches the reference regex implementation on arbitrary mixed text', () => {
    fc.assert(
      fc.property(fc.array(mixedUnit, { maxLength: 80 }), (units) => {
        const text = units.join('');
        expect(countChineseText(text)).toBe(referenceCount(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the reference regex implementation on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(countChineseText(a)).toBe(referenceCount(a));
        expect(countChineseText(b)).toBe(referenceCount(b));
      }),
    );
  });
});
