import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countChineseText } from './chinese-text.ts';

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
});
