import { describe, expect, it } from 'vitest';
import { normaliseIdentifier, removeWhitespace, toHalfWidth } from './normalise.ts';

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
});
