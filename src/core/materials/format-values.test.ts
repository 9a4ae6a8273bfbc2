import { describe, expect, it } from 'vitest';
import { formatDpi, formatFps, formatMegabytes, formatMinutesSeconds } from './format-values.ts';
import { MEBIBYTE } from './spec.ts';

describe('format values', () => {
  it.each([
    [402, '402 字节'],
    [350 * 1024, '350 KB'],
    [5 * MEBIBYTE, '5 MB'],
    [4.99 * MEBIBYTE, '4.9 MB'],
    [23.7 * MEBIBYTE, '23 MB'],
  ])('bytes %d read %s', (bytes, text) => expect(formatMegabytes(bytes)).toBe(text));

  it.each([
    [45, '45秒'],
    [240, '4分钟'],
    [192, '3分12秒'],
    [299.6, '5分钟'],
  ])('%d s read %s', (seconds, text) => expect(formatMinutesSeconds(seconds)).toBe(text));

  it('frame rates and densities', () => {
    expect(formatFps(30000 / 1001)).toBe('29.97');
    expect(formatFps(25)).toBe('25');
    expect(formatDpi({ x: 299.9994, y: 299.9994 })).toBe('300 dpi');
    expect(formatDpi({ x: 300, y: 72 })).toBe('300×72 dpi');
  });
});
