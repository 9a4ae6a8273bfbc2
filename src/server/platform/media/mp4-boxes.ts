/**
 * The top-level boxes (atoms) of an MP4/MOV file, read header by header without reading the media.
 * A file cut off in the middle is caught here even when its index (moov) sits at the front and
 * ffprobe would happily report the declared duration.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

export type BoxWalk = { ok: true; boxes: string[] } | { ok: false; truncatedBox: string };

/** Real files have a handful of top-level boxes; a file claiming thousands is not worth walking. */
const MAX_BOXES = 10_000;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

export async function walkTopLevelBoxes(path: string, fileSize: number): Promise<BoxWalk> {
  const handle = await open(path, 'r');
  try {
    const boxes: string[] = [];
    let pos = 0;
    while (pos < fileSize && boxes.length < MAX_BOXES) {
      const header = await readAt(handle, pos, 16);
      if (header.length < 8) return { ok: false, truncatedBox: 'header' };
      const type = header.toString('latin1', 4, 8);
      let size = header.readUInt32BE(0);
      if (size === 1) {
        if (header.length < 16) return { ok: false, truncatedBox: type };
        size = Number(header.readBigUInt64BE(8));
      } else if (size === 0) {
        size = fileSize - pos; // "to the end of the file"
      }
      if (size < 8 || pos + size > fileSize) return { ok: false, truncatedBox: type };
      boxes.push(type);
      pos += size;
    }
    return { ok: true, boxes };
  } finally {
    await handle.close();
  }
}
