/**
 * A photo's thumbnail: a JPEG at most 480 px on its longer side, turned upright by its EXIF
 * orientation, transparency on white. sharp reads with the same pixel limit as the probes, so a
 * decompression bomb is refused by its header here too, and JPEGs shrink while decoding.
 */
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '#core/materials/limits.ts';

export const PREVIEW_MAX_SIDE = 480;

export function makeThumbnail(path: string, maxSide = PREVIEW_MAX_SIDE): Promise<Buffer> {
  return sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
}
