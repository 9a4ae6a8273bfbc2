/**
 * Measures an image: format by content, byte size, pixel size, density, and whether it is complete.
 * sharp reads only the header, with `limitInputPixels`, so a decompression bomb (a tiny JPEG declaring
 * 60,000×60,000 pixels) is refused by that header and never decoded.
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { MAX_IMAGE_PIXELS } from '#core/materials/limits.ts';
import type { ImageFormat, ProbedImage, ProbeFailure } from '#core/materials/probed.ts';
import { readDensity } from './density.ts';
import { unreadable } from './failure.ts';
import { imageStructure } from './image-structure.ts';

export interface ProbeImageOptions {
  /** Also decode the picture (at 1/8 scale) to catch damage inside the data; ~50 ms for a 6 MB JPEG. */
  decode?: boolean;
  maxPixels?: number;
}

const SHARP_FORMATS: Record<string, ImageFormat> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  heif: 'heif',
};

const TRUNCATED_REASON =
  '图片文件不完整（数据在中途被截断），可能是上传或复制中断。请从原始设备重新复制该照片后再试。';
const CORRUPT_REASON = '图片文件已损坏，无法读取。请用图像软件打开确认，必要时从原始设备重新复制或重新导出。';

function tooManyPixels(width: number, height: number, maxPixels: number): ProbeFailure {
  const size = width && height ? `${width}×${height} 像素，` : '';
  return unreadable(
    'TOO_MANY_PIXELS',
    `图片尺寸过大（${size}超过 ${Math.round(maxPixels / 1e6)} 百万像素的上限），为防止恶意文件不予读取。请缩小尺寸后另存为 JPEG 再上传。`,
  );
}

function fromSharpError(caught: unknown, maxPixels: number): ProbeFailure {
  const message = caught instanceof Error ? caught.message : String(caught);
  if (/pixel limit/i.test(message)) return tooManyPixels(0, 0, maxPixels);
  if (/premature end|truncated|unexpected end/i.test(message))
    return unreadable('TRUNCATED', TRUNCATED_REASON);
  return unreadable('CORRUPT', CORRUPT_REASON);
}

async function decodes(path: string, width: number, maxPixels: number): Promise<ProbeFailure | undefined> {
  try {
    await sharp(path, { failOn: 'truncated', limitInputPixels: maxPixels })
      .resize({ width: Math.max(1, Math.ceil(width / 8)) })
      .raw()
      .toBuffer();
    return undefined;
  } catch (caught) {
    return fromSharpError(caught, maxPixels);
  }
}

export async function probeImage(
  path: string,
  bytes: number,
  options: ProbeImageOptions = {},
): Promise<ProbedImage | ProbeFailure> {
  const maxPixels = options.maxPixels ?? MAX_IMAGE_PIXELS;
  let metadata: Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: maxPixels, failOn: 'error' }).metadata();
  } catch (caught) {
    return fromSharpError(caught, maxPixels);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width <= 0 || height <= 0) return unreadable('CORRUPT', CORRUPT_REASON);
  // sharp enforces the limit when decoding; this keeps the promise for formats whose header it trusts.
  if (width * height > maxPixels) return tooManyPixels(width, height, maxPixels);
  const format = SHARP_FORMATS[metadata.format ?? ''] ?? 'other';
  // Bytes are capped by probeFile before we get here, so reading the file whole is bounded.
  const buf = await readFile(path);
  const structure = imageStructure(format, buf);
  if (structure === 'truncated') return unreadable('TRUNCATED', TRUNCATED_REASON);
  if (structure === 'corrupt') return unreadable('CORRUPT', CORRUPT_REASON);
  if (options.decode) {
    const damaged = await decodes(path, width, maxPixels);
    if (damaged) return damaged;
  }
  const density = await readDensity(format, buf, metadata.density);
  return { kind: 'image', format, bytes, width, height, ...density };
}
