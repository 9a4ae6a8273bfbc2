/**
 * Reads what a JPEG says about itself from its first bytes, so the browser can judge a photo before
 * uploading it: the frame size (SOF) and the density the file records (JFIF APP0, EXIF IFD0).
 * Pure: a Uint8Array in, plain data out; no DOM, no Node.
 *
 * Density follows the server's probe (platform/media/density.ts): EXIF first, then JFIF; JFIF unit 0
 * and EXIF unit 1 record an aspect ratio only, and a file with neither records no density at all,
 * which is 'unknown', never an assumed 72.
 */
import type { DpiSource } from './probed.ts';

export interface JpegDensity {
  dpi: { x: number; y: number } | 'unknown';
  dpiSource: Extract<DpiSource, 'jfif' | 'exif' | 'none'>;
}

export interface JpegHeader extends JpegDensity {
  /** From the first SOF segment; undefined when it lies beyond the bytes given. */
  width?: number;
  height?: number;
}

const CM_PER_INCH = 2.54;
const SOI = [0xff, 0xd8, 0xff];
const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP1 = 0xe1;

export function isJpeg(bytes: Uint8Array): boolean {
  return SOI.every((byte, i) => bytes[i] === byte);
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function positive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/** JFIF APP0: `JFIF\0`, version (2), units (1: dpi, 2: dots per cm, 0: aspect ratio only), x (2), y (2). */
function jfifDensity(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  length: number,
): JpegDensity | undefined {
  if (length < 12 || ascii(bytes, start, 5) !== 'JFIF\0') return;
  const units = view.getUint8(start + 7);
  const x = view.getUint16(start + 8);
  const y = view.getUint16(start + 10);
  if ((units !== 1 && units !== 2) || !positive(x) || !positive(y)) return;
  const factor = units === 2 ? CM_PER_INCH : 1;
  return { dpi: { x: x * factor, y: y * factor }, dpiSource: 'jfif' };
}

interface TiffReader {
  u16(offset: number): number;
  u32(offset: number): number;
}

/** A RATIONAL (type 5) value: numerator and denominator at the offset the entry points to. */
function rational(tiff: TiffReader, entry: number, size: number): number {
  const type = tiff.u16(entry + 2);
  if (type === 3) return tiff.u16(entry + 8); // SHORT, written by a few tools
  if (type !== 5) return Number.NaN;
  const at = tiff.u32(entry + 8);
  if (at + 8 > size) return Number.NaN;
  const denominator = tiff.u32(at + 4);
  return denominator === 0 ? Number.NaN : tiff.u32(at) / denominator;
}

/**
 * EXIF APP1: `Exif\0\0`, then a TIFF header (II little-endian / MM big-endian, 42, IFD0 offset) and
 * IFD0's entries: XResolution (0x011A), YResolution (0x011B), ResolutionUnit (0x0128; 2 inch when
 * absent, 3 cm, 1 none).
 */
function exifDensity(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  length: number,
): JpegDensity | undefined {
  if (length < 14 || ascii(bytes, start, 6) !== 'Exif\0\0') return;
  const base = start + 6;
  const size = length - 6;
  const order = ascii(bytes, base, 2);
  if (order !== 'II' && order !== 'MM') return;
  const little = order === 'II';
  const inRange = (offset: number, bytes: number) => offset >= 0 && offset + bytes <= size;
  const tiff: TiffReader = {
    u16: (offset) => (inRange(offset, 2) ? view.getUint16(base + offset, little) : Number.NaN),
    u32: (offset) => (inRange(offset, 4) ? view.getUint32(base + offset, little) : Number.NaN),
  };
  if (tiff.u16(2) !== 42) return;
  const ifd0 = tiff.u32(4);
  const count = tiff.u16(ifd0);
  if (!Number.isFinite(count)) return;
  let x = Number.NaN;
  let y = Number.NaN;
  let unit = 2;
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (!inRange(entry, 12)) break;
    const tag = tiff.u16(entry);
    if (tag === 0x011a) x = rational(tiff, entry, size);
    else if (tag === 0x011b) y = rational(tiff, entry, size);
    else if (tag === 0x0128) unit = tiff.u16(entry + 8);
  }
  if (!positive(x) || !positive(y) || (unit !== 2 && unit !== 3)) return;
  const factor = unit === 3 ? CM_PER_INCH : 1;
  return { dpi: { x: x * factor, y: y * factor }, dpiSource: 'exif' };
}

/**
 * Walks the segments from SOI to the first SOF (or SOS, or the end of the bytes given). Returns
 * undefined for bytes that are not a JPEG. A header cut off by the end of `bytes` keeps what was read.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | undefined {
  if (!isJpeg(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let jfif: JpegDensity | undefined;
  let exif: JpegDensity | undefined;
  let width: number | undefined;
  let height: number | undefined;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) break; // not a marker: a damaged file; the server says so after upload
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    const length = view.getUint16(pos + 2);
    const start = pos + 4;
    const available = Math.min(length - 2, bytes.length - start);
    if (marker === APP0 && !jfif) jfif = jfifDensity(bytes, view, start, available);
    if (marker === APP1 && !exif) exif = exifDensity(bytes, view, start, available);
    if (isStartOfFrame(marker) && available >= 5) {
      height = view.getUint16(start + 1);
      width = view.getUint16(start + 3);
      break;
    }
    if (length < 2) break;
    pos += 2 + length;
  }
  const density = exif ?? jfif ?? { dpi: 'unknown', dpiSource: 'none' };
  return { ...density, ...(width !== undefined && height !== undefined ? { width, height } : {}) };
}
