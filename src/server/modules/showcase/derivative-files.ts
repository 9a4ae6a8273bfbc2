/**
 * The web derivatives of a winner's material, by file name: photos at 1280 and 480 px as JPEG and WebP,
 * a video's poster frame and its smaller H.264 web rendition. The public media route accepts only
 * these names, so no request can name any other stored object.
 */
export const PHOTO_FILES = ['w1280.jpg', 'w480.jpg', 'w1280.webp', 'w480.webp'] as const;
export const VIDEO_FILES = ['poster.jpg', 'poster.webp', 'web.mp4'] as const;
export const DERIVATIVE_NAMES: readonly string[] = [...PHOTO_FILES, ...VIDEO_FILES];

export interface DerivativeFile {
  key: string;
  bytes: number;
  sha256: string;
}

export type DerivativeFiles = Record<string, DerivativeFile>;

export const derivativeKey = (materialId: string, name: string) => `showcase/${materialId}/${name}`;

export function contentTypeOf(name: string): string {
  if (name.endsWith('.mp4')) return 'video/mp4';
  if (name.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}

/** The stored JSON, keeping only well-formed entries under the known names. */
export function readFiles(value: unknown): DerivativeFiles {
  const files: DerivativeFiles = {};
  if (typeof value !== 'object' || value === null) return files;
  for (const name of DERIVATIVE_NAMES) {
    const f = (value as Record<string, unknown>)[name] as Record<string, unknown> | undefined;
    if (f && typeof f.key === 'string' && typeof f.bytes === 'number' && typeof f.sha256 === 'string')
      files[name] = { key: f.key, bytes: f.bytes, sha256: f.sha256 };
  }
  return files;
}
