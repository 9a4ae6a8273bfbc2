import { describe, expect, it } from 'vitest';
import { builtinSpec } from './builtin-specs.ts';
import { checkMaterial } from './check-material.ts';
import type { ProbedImage } from './probed.ts';
import { MEBIBYTE } from './spec.ts';

const photo: ProbedImage = {
  kind: 'image',
  format: 'jpeg',
  bytes: 20 * MEBIBYTE,
  width: 3000,
  height: 2000,
  dpi: { x: 300, y: 300 },
  dpiSource: 'jfif',
};
const slot = builtinSpec('star-photo')!;
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('checkMaterial: the per-file cap', () => {
  it('takes the option first, then the slot’s maxBytes, then the kind’s default', () => {
    expect(codes(checkMaterial(photo, slot))).not.toContain('FILE_TOO_LARGE');
    expect(codes(checkMaterial(photo, { ...slot, maxBytes: 10 * MEBIBYTE }))).toEqual(['FILE_TOO_LARGE']);
    expect(
      codes(checkMaterial(photo, { ...slot, maxBytes: 10 * MEBIBYTE }, { maxBytes: 30 * MEBIBYTE })),
    ).not.toContain('FILE_TOO_LARGE');
    expect(checkMaterial({ ...photo, bytes: 101 * MEBIBYTE }, slot)[0]!.message).toContain('超过上限 100 MB');
  });
});
