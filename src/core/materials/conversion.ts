/**
 * What the platform's conversion of a film can mend: it re-encodes the film as H.264 in MP4 at the
 * slot's frame size (scaled to fit and padded, never cropped) and frame rate, keeping the sound
 * (server/platform/media/convert-video.ts). So it clears a wrong container, codec, frame size or frame
 * rate, and nothing else: not a wrong length, a damaged file or a file too large to upload. The browser
 * asks this before it stops an upload, the server before it converts a failed film on its own.
 */
import type { Finding } from '../findings.ts';
import { warning } from '../findings.ts';
import { codecLabel } from './labels.ts';
import type { MaterialSlotSpec } from './spec.ts';

/** The conversion's output codec, as ffprobe names it. */
export const CONVERSION_CODEC = 'h264';

const WHAT: Record<string, string> = {
  VIDEO_CONTAINER: '文件格式',
  VIDEO_CODEC: '编码',
  VIDEO_RESOLUTION: '分辨率',
  VIDEO_FPS: '帧率',
};

function mends(code: string, slot: MaterialSlotSpec): boolean {
  switch (code) {
    case 'VIDEO_CONTAINER':
      return slot.formats.includes('mp4');
    case 'VIDEO_CODEC':
      return slot.videoCodec === undefined || slot.videoCodec === CONVERSION_CODEC;
    case 'VIDEO_RESOLUTION':
      return slot.width !== undefined && slot.height !== undefined;
    case 'VIDEO_FPS':
      return slot.fps !== undefined;
    default:
      return false;
  }
}

/** True when the findings hold errors and converting the film would clear every one of them. */
export function conversionMendsAll(findings: readonly Finding[], slot: MaterialSlotSpec): boolean {
  if (slot.kind !== 'video') return false;
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.length > 0 && errors.every((f) => mends(f.code, slot));
}

/** What a converted copy will be: 「MP4（H.264），1280×720，25 帧/秒」. */
export function conversionTargetText(slot: MaterialSlotSpec): string {
  const parts = [`MP4（${codecLabel(slot.videoCodec ?? CONVERSION_CODEC)}）`];
  if (slot.width && slot.height) parts.push(`${slot.width}×${slot.height}`);
  if (slot.fps) parts.push(`${slot.fps} 帧/秒`);
  return parts.join('，');
}

/**
 * The errors conversion will mend, as one warning that says what happens next; for the browser's
 * check, in place of those errors, when the upload goes ahead.
 */
export function conversionNotice(findings: readonly Finding[], slot: MaterialSlotSpec): Finding {
  const what = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => WHAT[f.code]))];
  return warning(
    'VIDEO_WILL_CONVERT',
    'file',
    `视频的${what.join('、')}不符合要求（要求 ${conversionTargetText(slot)}），可以照常上传：上传后平台将自动转换为符合要求的视频，转换后的视频用于提交，原视频一并保留。`,
  );
}
