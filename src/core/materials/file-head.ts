/**
 * What a file is from its first bytes, for the browser's check before upload: the same magic numbers
 * the server's probe trusts (platform/media/sniff.ts), plus the documents a work summary arrives as.
 * Pictures also give their frame size and density here, films their container. The file's name
 * decides nothing: a PNG renamed .jpg is a PNG.
 */
import { readJpegHeader } from './jpeg-header.ts';
import { readVideoContainer, type VideoContainerHeader } from './mp4-header.ts';
import type { DocumentFormat, DpiSource, ImageFormat } from './probed.ts';

/** Enough for any JPEG's APP segments (64 KB each, EXIF thumbnail included) and its frame header. */
export const PRECHECK_HEAD_BYTES = 256 * 1024;

export interface HeadImage {
  kind: 'image';
  format: ImageFormat;
  /** 0 when the header lies beyond the bytes read (or the format is one we do not read). */
  width: number;
  height: number;
  dpi: { x: number; y: number } | 'unknown';
  dpiSource: DpiSource;
}

export type FileHead =
  | HeadImage
  | ({ kind: 'video' } & VideoContainerHeader)
  | { kind: 'document'; format: DocumentFormat }
  | { kind: 'unknown' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const INCH_PER_METRE = 0.0254;
/**
 * libvips writes 1 pixel per mm (1000 per metre, 25.4 dpi) into every PNG as a placeholder, and sharp
 * (the server's probe) reports a density only above it; so does this, to give the same verdict.
 */
const PLACEHOLDER_PER_METRE = 1000;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

/** IHDR gives the size; a pHYs chunk in metres (unit 1) gives the density, as sharp reads it. */
function readPng(bytes: Uint8Array): HeadImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const image: HeadImage = {
    kind: 'image',
    format: 'png',
    width: 0,
    height: 0,
    dpi: 'unknown',
    dpiSource: 'none',
  };
  if (bytes.length >= 24 && ascii(bytes, 12, 16) === 'IHDR') {
    image.width = view.getUint32(16);
    image.height = view.getUint32(20);
  }
  for (let pos = 8; pos + 8 <= bytes.length; ) {
    const length = view.getUint32(pos);
    const type = ascii(bytes, pos + 4, pos + 8);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && pos + 17 <= bytes.length && bytes[pos + 16] === 1) {
      const perMetreX = view.getUint32(pos + 8);
      const perMetreY = view.getUint32(pos + 12);
      const x = perMetreX * INCH_PER_METRE;
      const y = perMetreY * INCH_PER_METRE;
      if (perMetreX > PLACEHOLDER_PER_METRE && perMetreY > 0)
        return { ...image, dpi: { x, y }, dpiSource: 'png' };
    }
    pos += 12 + length;
  }
  return image;
}

/**
 * DOCX, XLSX and PPTX are ZIP packages whose part names (`word/`, `xl/`, `ppt/`) appear in the local
 * headers near the start. When none shows in the bytes read, the package is taken as a Word document
 * and the server, which opens the whole file, has the last word.
 */
function officePackage(head: Uint8Array): DocumentFormat {
  const text = ascii(head, 0, head.length);
  if (text.includes('word/')) return 'docx';
  if (text.includes('xl/')) return 'xlsx';
  if (text.includes('ppt/')) return 'pptx';
  return 'docx';
}

function otherImage(format: ImageFormat): HeadImage {
  return { kind: 'image', format, width: 0, height: 0, dpi: 'unknown', dpiSource: 'none' };
}

export function readFileHead(head: Uint8Array): FileHead {
  const jpeg = readJpegHeader(head);
  if (jpeg)
    return { kind: 'image', format: 'jpeg', width: jpeg.width ?? 0, height: jpeg.height ?? 0, ...jpeg };
  if (startsWith(head, PNG_SIGNATURE)) return readPng(head);
  const four = ascii(head, 0, 4);
  if (four === 'GIF8') return otherImage('gif');
  if (four === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return otherImage('webp');
  if (four === 'II*\0' || four === 'MM\0*') return otherImage('tiff');
  const film = readVideoContainer(head);
  if (film) return { kind: 'video', ...film };
  if (ascii(head, 4, 8) === 'ftyp') return otherImage('heif'); // an ISO still: HEIC/AVIF
  if (four === '%PDF') return { kind: 'document', format: 'pdf' };
  if (four === 'PK\u0003\u0004') return { kind: 'document', format: officePackage(head) };
  // Old .doc/.xls/.ppt are OLE files told apart by a stream deep inside: only the server can tell.
  if (startsWith(head, OLE_SIGNATURE)) return { kind: 'document', format: 'doc' };
  return { kind: 'unknown' };
}
