/**
 * `Range: bytes=…` for one range (RFC 9110 §14): what a video player and a resuming download send. Several
 * ranges in one request are answered with the whole file, which the RFC allows and no player needs.
 * `If-Range` with a stale validator also gets the whole file, so a resumed download never splices parts
 * of two different files.
 */
import type { ByteRange } from '../storage/storage.ts';

export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  /** 416: the range starts at or beyond the end. */
  | { kind: 'unsatisfiable' };

export function parseRange(
  header: string | undefined,
  size: number,
  validator?: { ifRange: string | undefined; etag: string },
): RangeAnswer {
  if (!header) return { kind: 'whole' };
  if (validator?.ifRange !== undefined && validator.ifRange !== validator.etag) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  // Another unit (`items=`) is not ours to understand: ignore it, as the RFC says.
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').map((s) => s.trim());
  if (specs.length !== 1) return { kind: 'whole' };
  const spec = /^(\d*)-(\d*)$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'unsatisfiable' };
  if (spec[1] === '') {
    // Suffix: the last N bytes.
    const length = Number(spec[2]);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(spec[1]);
  const end = spec[2] === '' ? size - 1 : Math.min(Number(spec[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}
