/**
 * Is a JPEG or PNG complete? Decoders read the header first, so a file cut off in the middle (an
 * interrupted upload or copy) has a perfect header and sharp's `metadata()` says nothing. Decoding the
 * whole picture would tell, but costs ~50 ms for a 6 MB photo; walking the markers costs a few ms.
 */

export type Structure = 'complete' | 'truncated' | 'corrupt';

const SOS = 0xda;
const EOI = 0xd9;

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/** The offset of the next marker after entropy-coded data, skipping stuffed bytes (FF00) and restarts. */
function endOfScan(buf: Buffer, from: number): number {
  let i = buf.indexOf(0xff, from);
  while (i !== -1 && i + 1 < buf.length) {
    const next = buf[i + 1]!;
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
    i = buf.indexOf(0xff, i + 1);
  }
  return -1;
}

/** Walks segment by segment to EOI; bytes after EOI (phone "motion photo" trailers) are allowed. */
export function jpegStructure(buf: Buffer): Structure {
  let pos = 2;
  while (pos < buf.length) {
    if (buf[pos] !== 0xff) return 'corrupt';
    while (buf[pos + 1] === 0xff) pos++; // fill bytes before a marker
    if (pos + 1 >= buf.length) return 'truncated';
    const marker = buf[pos + 1]!;
    if (marker === EOI) return 'complete';
    if (isStandalone(marker)) {
      pos += 2;
      continue;
    }
    if (pos + 4 > buf.length) return 'truncated';
    const end = pos + 2 + buf.readUInt16BE(pos + 2);
    if (end > buf.length) return 'truncated';
    if (marker !== SOS) {
      pos = end;
      continue;
    }
    const next = endOfScan(buf, end);
    if (next === -1) return 'truncated';
    pos = next;
  }
  return 'truncated';
}

/** Walks the chunks to IEND; each chunk is length, type, data, CRC. */
export function pngStructure(buf: Buffer): Structure {
  let pos = 8;
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    pos += 12 + length;
    if (pos > buf.length) return 'truncated';
    if (type === 'IEND') return 'complete';
  }
  return 'truncated';
}

export function imageStructure(format: string, buf: Buffer): Structure | undefined {
  if (format === 'jpeg') return jpegStructure(buf);
  if (format === 'png') return pngStructure(buf);
  return undefined; // other formats: sharp's header check is all we do
}
