import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './unstorable-text.ts';

describe('findUnstorableText', () => {
  it('finds a NUL or a lone surrogate in values and keys, however deep', () => {
    expect(findUnstorableText({ reason: 'a\u0000b' })).toBe('nul');
    expect(findUnstorableText({ 'a\u0000': 1 })).toBe('nul');
    expect(findUnstorableText(['\ud800'])).toBe('lone-surrogate');
    expect(findUnstorableText({ ['x\udfff']: true })).toBe('lone-surrogate');
    let deep: unknown = 'x\ud83d';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toBe('lone-surrogate');
  });

  it('lets ordinary text through: tabs, line breaks, other control characters, characters beyond the basic plane', () => {
    expect(
      findUnstorableText({ name: '张\t老师\n𠮷😀', n: 1, ok: true, none: null, list: ['\u001b'] }),
    ).toBeNull();
    expect(findUnstorableText('')).toBeNull();
  });
});
