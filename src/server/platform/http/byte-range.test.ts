import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.ts';

describe('parseRange', () => {
  it('answers the whole file without a range, for another unit, or for several ranges', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 10)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-1, 4-5', 10)).toEqual({ kind: 'whole' });
  });

  it('reads closed, open and suffix ranges, clamping the end', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ kind: 'partial', range: { start: 0, end: 0 } });
    expect(parseRange('bytes=2-', 10)).toEqual({ kind: 'partial', range: { start: 2, end: 9 } });
    expect(parseRange('bytes=5-100', 10)).toEqual({ kind: 'partial', range: { start: 5, end: 9 } });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'partial', range: { start: 7, end: 9 } });
    expect(parseRange('bytes=-30', 10)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
  });

  it('refuses what cannot be satisfied or read', () => {
    for (const header of [
      'bytes=10-',
      'bytes=10-20',
      'bytes=5-2',
      'bytes=-0',
      'bytes=-',
      'bytes=a-b',
      'bytes=1-2-3',
    ]) {
      expect(parseRange(header, 10), header).toEqual({ kind: 'unsatisfiable' });
    }
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole file to a resume whose If-Range no longer matches the file', () => {
    const etag = '"abc"';
    expect(parseRange('bytes=5-', 10, { ifRange: '"abc"', etag })).toEqual({
      kind: 'partial',
      range: { start: 5, end: 9 },
    });
    expect(parseRange('bytes=5-', 10, { ifRange: '"old"', etag })).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=5-', 10, { ifRange: undefined, etag })).toEqual({
      kind: 'partial',
      range: { start: 5, end: 9 },
    });
  });
});
