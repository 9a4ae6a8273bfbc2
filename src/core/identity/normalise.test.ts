import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasInvisible,
  isOnlySymbols,
  normaliseIdentifier,
  normaliseTyped,
  removeWhitespace,
  stripInvisible,
  toHalfWidth,
} from './normalise.ts';

describe('normalising identifiers', () => {
  it('turns full-width ASCII into half-width and leaves Chinese alone', () => {
    expect(toHalfWidth('０１２３４５６７８９ＡＺａｚ（）－＋')).toBe('0123456789AZaz()-+');
    expect(toHalfWidth('吉林省，长春市')).toBe('吉林省,长春市');
  });

  it('removes every kind of space', () => {
    expect(removeWhitespace(' a\u3000b\u00A0c\td\ne\u200Bf\uFEFF')).toBe('abcdef');
  });

  it('upper-cases after converting', () => {
    expect(normaliseIdentifier(' ９１３５ ０１００ｍ ')).toBe('91350100M');
  });

  it('drops bidi marks copied along with a number', () => {
    expect(normaliseIdentifier('\u202A11010519491231002x\u202C\u200E')).toBe('11010519491231002X');
  });
});

describe('invisible characters', () => {
  const invisible = [
    '\u200B',
    '\u200C',
    '\u200D',
    '\u200E',
    '\u200F',
    '\u202A',
    '\u202E',
    '\u2066',
    '\u2069',
  ];

  it.each(invisible.map((c) => [c.codePointAt(0)!.toString(16), c]))('removes U+%s', (_hex, c) => {
    expect(stripInvisible(`张${c}三`)).toBe('张三');
    expect(hasInvisible(`张${c}三`)).toBe(true);
  });

  it('keeps what is visible, ideographic spaces and line breaks included', () => {
    const text = '\u3000\u3000第一段。\n\u3000\u3000第二段：“读书会”（每周一次）';
    expect(stripInvisible(text)).toBe(text);
    expect(hasInvisible(text)).toBe(false);
  });
});

describe('normaliseTyped', () => {
  it('an ID number: full-width, spaced and marked becomes the canonical 18 characters', () => {
    expect(normaliseTyped('１１０１０５\u3000１９４９１２３１\u200B００２ｘ', 'identifier')).toBe(
      '11010519491231002X',
    );
  });

  it('a phone number: full-width digits and dash to ASCII, spaces collapsed', () => {
    expect(normaliseTyped('\u2066０４３１－８８８８\u3000８８８８\u2069', 'number')).toBe('0431-8888 8888');
    expect(normaliseTyped(' １３８ ０４３１ ００００ ', 'number')).toBe('138 0431 0000');
  });

  it('a name: no padding between Chinese characters, a foreign name keeps its space', () => {
    expect(normaliseTyped('张\u3000三', 'name')).toBe('张三');
    expect(normaliseTyped(' 阿依古丽·买买提\u200F ', 'name')).toBe('阿依古丽·买买提');
    expect(normaliseTyped('Ｊｏｈｎ\u3000Smith', 'name')).toBe('John Smith');
  });

  it('a line of Chinese text: letters and digits to ASCII, Chinese punctuation as typed', () => {
    expect(normaliseTyped('长春市第１０１中学（退休）\u3000\u3000', 'line')).toBe('长春市第101中学（退休）');
    expect(normaliseTyped('吉林省，长春市：人民大街\u00A0１号', 'line')).toBe('吉林省，长春市：人民大街 1号');
  });

  it('paragraphs keep their indentation, line breaks, full-width digits and punctuation', () => {
    const story = '\u3000\u3000她组织读书会１２０场，\u202E带动邻里。\n\u3000\u3000“学习”让生活更好！';
    expect(normaliseTyped(story, 'paragraphs')).toBe(
      '\u3000\u3000她组织读书会１２０场，带动邻里。\n\u3000\u3000“学习”让生活更好！',
    );
  });

  it('composes decomposed accents (NFC)', () => {
    expect(normaliseTyped('Jose\u0301', 'name')).toBe('José');
  });

  it('composes what upper-casing decomposes in an identifier', () => {
    // fast-check found it: ῒ upper-cases to three code points, which a second pass composed.
    const once = normaliseTyped('ῒ', 'identifier');
    expect(normaliseTyped(once, 'identifier')).toBe(once);
    expect(once).toBe(once.normalize('NFC'));
  });

  it('is idempotent and leaves nothing invisible, for any kind (property)', () => {
    const kinds = fc.constantFrom('identifier', 'number', 'name', 'line', 'paragraphs' as const);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), kinds, (raw, kind) => {
        const once = normaliseTyped(raw, kind);
        return normaliseTyped(once, kind) === once && !hasInvisible(once);
      }),
    );
  });
});

describe('isOnlySymbols', () => {
  it.each(['——', '/', '。。', '***', '（ ）', '·', '—\u3000—'])('%j is only symbols', (text) => {
    expect(isOnlySymbols(text)).toBe(true);
  });

  it.each(['张三', 'Li Wei', '第1期', '', '  ', '·张'])('%j is not', (text) => {
    expect(isOnlySymbols(text)).toBe(false);
  });
});
