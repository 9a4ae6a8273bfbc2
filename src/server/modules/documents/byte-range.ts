/**
 * Range requests for a package download: the one `Range` parser of the platform (materials module,
 * also used for material content), plus `If-Range`: a resuming download whose validator is stale gets
 * the whole file, so it never splices parts of two different packages.
 */
import type { ByteRange } from '../../platform/storage/storage.ts';
import { parseRange } from '../materials/byte-range.ts';

export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; range: ByteRange }
  /** 416: the range starts at or beyond the end. */
  | { kind: 'unsatisfiable' };

export function answerRange(
  header: string | undefined,
  size: number,
  validator: { ifRange: string | undefined; etag: string },
): RangeAnswer {
  if (header && validator.ifRange !== undefined && validator.ifRange !== validator.etag) {
    return { kind: 'whole' };
  }
  const answer = parseRange(header, size);
  return answer.kind === 'partial'
    ? { kind: 'partial', range: { start: answer.start, end: answer.end } }
    : answer;
}
