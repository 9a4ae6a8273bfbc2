import { describe, expect, it } from 'vitest';
import { staleSaveFindings } from './stale-save.ts';

describe('staleSaveFindings', () => {
  it('accepts the current version only', () => {
    expect(staleSaveFindings(3, 3)).toEqual([]);
    expect(staleSaveFindings(2, 3).map((f) => f.code)).toEqual(['STALE_VERSION']);
    expect(staleSaveFindings(4, 3).map((f) => f.code)).toEqual(['STALE_VERSION']);
  });

  it.each([undefined, null, '3', 1.5, -1, Number.NaN])('refuses a missing or malformed version: %s', (v) => {
    expect(staleSaveFindings(v, 3).map((f) => f.code)).toEqual(['VERSION_MISSING']);
  });
});
