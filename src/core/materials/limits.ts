/**
 * Hard limits applied before a file is decoded, so a huge upload or a decompression bomb is refused by
 * its size or its header and never read into memory.
 */
import { type MaterialKind, type MaterialSlotSpec, MEBIBYTE } from './spec.ts';

/**
 * Per-file byte caps by material kind. The notices set minimums only; the caps protect the server.
 * 500 MiB for video is the campaign cap (a 5-minute 720p H.264 film is ~100–300 MB even at a
 * generous bitrate); 100 MiB for a photo is far beyond any 300 dpi scan or camera JPEG.
 */
export const MAX_BYTES: Record<MaterialKind, number> = {
  photo: 100 * MEBIBYTE,
  video: 500 * MEBIBYTE,
  document: 50 * MEBIBYTE,
};

/** The per-file cap of a slot: the campaign's own, else the kind's default. */
export function slotMaxBytes(slot: Pick<MaterialSlotSpec, 'kind' | 'maxBytes'>): number {
  return slot.maxBytes ?? MAX_BYTES[slot.kind];
}

/**
 * Images above 100 megapixels are refused by header (sharp's `limitInputPixels`). A 300 dpi A3 scan is
 * ~17 MP and a full-frame camera ~60 MP; a 60,000×60,000 "image" (3.6 gigapixels) is a bomb.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;
