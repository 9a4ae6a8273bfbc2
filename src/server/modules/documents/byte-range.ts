/**
 * HTTP range requests (RFC 9110 §14) for resumable downloads of large files: one range per request,
 * as download managers and browsers resuming a download send. Several ranges, or a header that is
 * not a byte range, are answered with the whole file, as the RFC allows. `If-Range` with a stale
 * validator also gets the whole file, so a resumed download never splices two different files.
 */
import type { ByteRange } from '../../platform/storage/storage.ts';

export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  /** 416: the range starts at or beyond the end. */
  | { kind: 'unsatisfiable' };

export function answerRange(
  header: string | undefined,
  size: number,
  validator?: { ifRange: string | undefined; etag: string },
): RangeAnswer {
  if (!header) return { kind: 'whole' };
  if (validator?.ifRange !== undefined && validator.ifRange !== validator.etag) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return { kind: 'unsatisfiable' };
    return size === 0
      ? { kind: 'unsatisfiable' }
      : { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}
