/**
 * What a file is, from its first bytes. The name a user gave it decides nothing: a PNG renamed .jpg is
 * a PNG, a QuickTime film renamed .mp4 is still QuickTime (the brand tells; see probe-video.ts).
 */
import { IMAGE_BRANDS, QUICKTIME_ATOMS } from '#core/materials/mp4-header.ts';
import type { ImageFormat } from '#core/materials/probed.ts';

export const SNIFF_BYTES = 32;

/** `isoMedia`: MP4/MOV box structure, which probe-video walks for truncation before ffprobe runs. */
export type Sniffed =
  | { kind: 'image'; format: ImageFormat }
  | { kind: 'video'; isoMedia: boolean }
  | { kind: 'unknown' };

function ascii(head: Buffer, start: number, end: number): string {
  return head.subarray(start, end).toString('latin1');
}

export function sniff(head: Buffer): Sniffed {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', format: 'jpeg' };
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { kind: 'image', format: 'png' };
  }
  if (ascii(head, 0, 4) === 'GIF8') return { kind: 'image', format: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*')
    return { kind: 'image', format: 'tiff' };
  const box = ascii(head, 4, 8);
  if (box === 'ftyp') {
    return IMAGE_BRANDS.has(ascii(head, 8, 12))
      ? { kind: 'image', format: 'heif' }
      : { kind: 'video', isoMedia: true };
  }
  if (QUICKTIME_ATOMS.has(box)) return { kind: 'video', isoMedia: true };
  // Other films ffprobe understands, so the user hears "not MP4" instead of "unknown file".
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 11) === 'AVI') return { kind: 'video', isoMedia: false };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return { kind: 'video', isoMedia: false };
  if (ascii(head, 0, 3) === 'FLV') return { kind: 'video', isoMedia: false };
  return { kind: 'unknown' };
}
