/**
 * A slot's requirements in plain Chinese, as the notice says them: 「JPG，不小于 5MB，不低于 300dpi」,
 * 「MP4（H.264），1280×720，25 帧/秒，时长 4 至 5 分钟，不超过 500MB」.
 */
import { formatMegabytes, formatMinutesSeconds } from '#core/materials/format-values.ts';
import { codecLabel } from '#core/materials/labels.ts';
import { slotMaxBytes } from '#core/materials/limits.ts';
import type { MaterialFormat, MaterialKind, MaterialSlotSpec } from '#core/materials/spec.ts';
import { FORMAT_EXTENSIONS } from '#core/materials/upload-admission.ts';

const FORMAT_NAMES: Record<MaterialFormat, string> = {
  jpeg: 'JPG',
  png: 'PNG',
  mp4: 'MP4',
  docx: 'Word（.docx）',
  doc: 'Word（.doc）',
  pdf: 'PDF',
};

export const KIND_INFO: Record<MaterialKind, { label: string; unit: string; color: string }> = {
  photo: { label: '照片', unit: '张', color: 'blue' },
  video: { label: '视频', unit: '个', color: 'purple' },
  document: { label: '文档', unit: '份', color: 'default' },
};

/** Sizes as the notices write them: 5MB, 500MB. */
function size(bytes: number): string {
  return formatMegabytes(bytes).replace(' ', '');
}

export function countText(slot: MaterialSlotSpec): string {
  const { min, max } = slot.count;
  const unit = KIND_INFO[slot.kind].unit;
  return min === max ? `${min} ${unit}` : `${min}–${max} ${unit}`;
}

export function slotSpecText(slot: MaterialSlotSpec): string {
  const formats = slot.formats.map((f) => FORMAT_NAMES[f]).join('或');
  const parts = [slot.videoCodec ? `${formats}（${codecLabel(slot.videoCodec)}）` : formats];
  if (slot.minBytes !== undefined) parts.push(`不小于 ${size(slot.minBytes)}`);
  if (slot.minDpi !== undefined) parts.push(`不低于 ${slot.minDpi}dpi`);
  if (slot.width && slot.height) parts.push(`${slot.width}×${slot.height}`);
  if (slot.fps) parts.push(`${slot.fps} 帧/秒`);
  if (slot.durationSeconds) {
    const { min, max } = slot.durationSeconds;
    parts.push(`时长 ${formatMinutesSeconds(min)}至${formatMinutesSeconds(max)}`);
  }
  parts.push(`单个不超过 ${size(slotMaxBytes(slot))}`);
  return parts.join('，');
}

/**
 * The file dialog's filter: the slot's extensions (the content is checked anyway), and for a film also
 * the phone's own .mov when the platform converts films to MP4.
 */
export function acceptOf(slot: MaterialSlotSpec, conversion = false): string {
  const extensions = slot.formats.flatMap((f) => FORMAT_EXTENSIONS[f]);
  if (conversion && slot.kind === 'video') extensions.push('mov');
  return extensions.map((ext) => `.${ext}`).join(',');
}

/** 「2.3 MB/秒」 */
export function speedText(bytesPerSecond: number): string {
  return `${formatMegabytes(Math.round(bytesPerSecond))}/秒`;
}

/** 「约 3 分 20 秒」, 「不到 1 秒」 */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '正在估算剩余时间';
  if (seconds < 1) return '即将完成';
  const rounded = Math.ceil(seconds);
  if (rounded < 60) return `约 ${rounded} 秒`;
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  if (hours > 0) return `约 ${hours} 小时 ${minutes} 分`;
  return `约 ${minutes} 分 ${rounded % 60} 秒`;
}

export { formatMegabytes };
