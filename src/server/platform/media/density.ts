/**
 * The density a file really records. sharp reports 72 dpi for a JPEG that records none, which would
 * turn "unknown" into "too low"; so JPEG density comes from the JFIF and EXIF headers via exifr.
 *
 * Precedence: EXIF first, then JFIF. Cameras and editors write the EXIF resolution deliberately, while a
 * JFIF header is often a library default (aspect ratio 1:1, or 72 dpi); libvips and Photoshop read it
 * the same way. A JFIF header with unit 0 records an aspect ratio only, i.e. no density.
 */
import exifr from 'exifr';
import type { DpiSource, ImageFormat } from '#core/materials/probed.ts';

export interface Density {
  dpi: { x: number; y: number } | 'unknown';
  dpiSource: DpiSource;
}

const UNKNOWN: Density = { dpi: 'unknown', dpiSource: 'none' };
const CM_PER_INCH = 2.54;

interface ResolutionTags {
  XResolution?: number;
  YResolution?: number;
  ResolutionUnit?: number;
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** EXIF ResolutionUnit: 1 none, 2 inch (the default when absent), 3 cm. */
function fromExif(tags: ResolutionTags | undefined): Density | undefined {
  if (!tags || !positive(tags.XResolution) || !positive(tags.YResolution)) return undefined;
  const unit = tags.ResolutionUnit ?? 2;
  if (unit !== 2 && unit !== 3) return undefined;
  const factor = unit === 3 ? CM_PER_INCH : 1;
  return { dpi: { x: tags.XResolution * factor, y: tags.YResolution * factor }, dpiSource: 'exif' };
}

/** JFIF units: 0 aspect ratio only, 1 dots per inch, 2 dots per cm. */
function fromJfif(tags: ResolutionTags | undefined): Density | undefined {
  if (!tags || !positive(tags.XResolution) || !positive(tags.YResolution)) return undefined;
  if (tags.ResolutionUnit !== 1 && tags.ResolutionUnit !== 2) return undefined;
  const factor = tags.ResolutionUnit === 2 ? CM_PER_INCH : 1;
  return { dpi: { x: tags.XResolution * factor, y: tags.YResolution * factor }, dpiSource: 'jfif' };
}

async function readHeaders(
  buf: Buffer,
): Promise<{ jfif?: ResolutionTags; ifd0?: ResolutionTags } | undefined> {
  try {
    return await exifr.parse(buf, {
      jfif: true,
      ifd0: { pick: ['XResolution', 'YResolution', 'ResolutionUnit'] },
      tiff: true,
      exif: false,
      gps: false,
      interop: false,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      ihdr: false,
      makerNote: false,
      userComment: false,
      mergeOutput: false,
      translateValues: false,
      reviveValues: false,
    });
  } catch {
    // A damaged EXIF block records nothing we can trust; the picture itself may still be fine.
    return undefined;
  }
}

/**
 * `sharpDensity` is sharp's `metadata().density`: for PNG it is the pHYs chunk and absent without one,
 * so it is honest there; for JPEG it is not (72 when absent), hence the header reading.
 */
export async function readDensity(
  format: ImageFormat,
  buf: Buffer,
  sharpDensity: number | undefined,
): Promise<Density> {
  if (format === 'png') {
    return positive(sharpDensity) ? { dpi: { x: sharpDensity, y: sharpDensity }, dpiSource: 'png' } : UNKNOWN;
  }
  const headers = await readHeaders(buf);
  if (format === 'jpeg') return fromExif(headers?.ifd0) ?? fromJfif(headers?.jfif) ?? UNKNOWN;
  return fromExif(headers?.ifd0) ?? UNKNOWN;
}
