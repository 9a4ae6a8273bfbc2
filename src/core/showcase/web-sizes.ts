/**
 * The sizes of the showcase's web derivatives: a picture shrunk to fit a box, never enlarged, with even
 * sides (H.264 in 4:2:0 needs them).
 */
export const PHOTO_WIDTHS = [1280, 480] as const;
/** What a web copy is made from: a photo (its resized pictures) or a video (its poster and rendition). */
export const SHOWCASE_MEDIA_KINDS = ['photo', 'video'] as const;
export type ShowcaseMediaKind = (typeof SHOWCASE_MEDIA_KINDS)[number];
/** The web rendition of a video: at most 854×480 (480p), small enough for a phone on a mobile network. */
export const WEB_VIDEO_BOX = { width: 854, height: 480 } as const;

export function fitInside(
  width: number,
  height: number,
  box: { width: number; height: number },
  even = false,
): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 };
  const scale = Math.min(1, box.width / width, box.height / height);
  const round = (v: number) => (even ? Math.max(2, Math.round(v / 2) * 2) : Math.max(1, Math.round(v)));
  return { width: round(width * scale), height: round(height * scale) };
}
