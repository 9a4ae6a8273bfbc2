/** Chinese names of formats and containers, as users know them. */
import type { ImageFormat } from './probed.ts';

export const IMAGE_FORMAT_LABELS: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  tiff: 'TIFF',
  heif: 'HEIF/HEIC（苹果手机默认照片格式）',
  other: '无法识别的图片',
};

/** Spec formats (`jpeg`, `mp4`…) as shown to users. */
export const SPEC_FORMAT_LABELS: Record<string, string> = {
  jpeg: 'JPEG（.jpg）',
  png: 'PNG（.png）',
  mp4: 'MP4（.mp4）',
  docx: 'Word（.docx）',
  doc: 'Word（.doc）',
  pdf: 'PDF（.pdf）',
};

/** ffprobe codec names users meet in export dialogs. */
export const CODEC_LABELS: Record<string, string> = {
  h264: 'H.264',
  hevc: 'H.265（HEVC）',
  mpeg4: 'MPEG-4 Part 2',
  vp9: 'VP9',
  av1: 'AV1',
  prores: 'ProRes',
};

export function codecLabel(codec: string): string {
  return CODEC_LABELS[codec] ?? codec.toUpperCase();
}

/** The format a file name's extension claims, or undefined when the extension says nothing we know. */
export function formatFromExtension(fileName: string): string | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension: Record<string, string> = {
    jpg: 'jpeg',
    jpeg: 'jpeg',
    jpe: 'jpeg',
    png: 'png',
    webp: 'webp',
    gif: 'gif',
    tif: 'tiff',
    tiff: 'tiff',
    heic: 'heif',
    heif: 'heif',
    mp4: 'mp4',
    m4v: 'mp4',
    mov: 'mov',
  };
  return ext ? byExtension[ext] : undefined;
}
