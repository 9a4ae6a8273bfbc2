/** The measured metadata of a checked file, as lines of Chinese for `tuijie check`. */

import { DOCUMENT_FORMAT_LABELS } from '#core/materials/check-document.ts';
import {
  formatDpi,
  formatFps,
  formatMegabytes,
  formatMinutesSeconds,
} from '#core/materials/format-values.ts';
import { codecLabel, IMAGE_FORMAT_LABELS } from '#core/materials/labels.ts';
import type { Probed } from '#core/materials/probed.ts';

export function describeProbed(probed: Probed): string[] {
  switch (probed.kind) {
    case 'unreadable':
      return [`读取：${probed.reason}`];
    case 'image':
      return [
        `格式：${IMAGE_FORMAT_LABELS[probed.format]}（按文件内容判断）`,
        `大小：${formatMegabytes(probed.bytes)}（${probed.bytes} 字节）`,
        `尺寸：${probed.width}×${probed.height} 像素`,
        `分辨率：${probed.dpi === 'unknown' ? '未记录' : formatDpi(probed.dpi)}`,
      ];
    case 'video':
      return [
        `格式：${probed.container === 'mp4' ? 'MP4' : probed.container === 'mov' ? 'QuickTime（MOV）' : probed.formatName}（品牌 ${probed.brand.trim() || '无'}）`,
        `大小：${formatMegabytes(probed.bytes)}（${probed.bytes} 字节）`,
        `编码：${codecLabel(probed.videoCodec)}`,
        `分辨率：${probed.width}×${probed.height}`,
        `帧率：${probed.fps > 0 ? `${formatFps(probed.fps)} fps` : '未标明'}`,
        `时长：${formatMinutesSeconds(probed.durationSeconds)}`,
        `音频：${probed.audioCodec ?? '无'}`,
      ];
    case 'document':
      return [
        `格式：${DOCUMENT_FORMAT_LABELS[probed.format]}（按文件内容判断）`,
        `大小：${formatMegabytes(probed.bytes)}（${probed.bytes} 字节）`,
      ];
  }
}
