/** Judges a probed image against a photo slot: real format, byte size, density. */
import { error, type Finding, warning } from '../findings.ts';
import { formatDpi, formatMegabytes } from './format-values.ts';
import { formatFromExtension, IMAGE_FORMAT_LABELS, SPEC_FORMAT_LABELS } from './labels.ts';
import type { ProbedImage } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

/** A 300 dpi file written in dots per cm reads 299.9994 dpi; half a dot is not a real shortfall. */
const DPI_TOLERANCE = 0.5;

function requiredFormats(slot: MaterialSlotSpec): string {
  return slot.formats.map((format) => SPEC_FORMAT_LABELS[format] ?? format).join('或');
}

function checkFormat(image: ProbedImage, slot: MaterialSlotSpec, fileName: string | undefined): Finding[] {
  const actual = IMAGE_FORMAT_LABELS[image.format];
  const claimed = fileName ? formatFromExtension(fileName) : undefined;
  const renamed = claimed !== undefined && claimed !== image.format;
  if (!(slot.formats as string[]).includes(image.format)) {
    const ext = renamed ? `文件扩展名是 .${fileName!.split('.').pop()}，但` : '';
    return [
      error(
        'PHOTO_FORMAT',
        'format',
        `${ext}文件实际为 ${actual} 格式，要求 ${requiredFormats(slot)}，请在图像软件中打开原图，另存为 ${requiredFormats(slot)}后重新上传；只改扩展名无效。`,
      ),
    ];
  }
  if (renamed) {
    return [
      warning(
        'FILE_EXTENSION_MISMATCH',
        'fileName',
        `文件扩展名与内容不符：内容为 ${actual} 格式，请把扩展名改为 .${image.format === 'jpeg' ? 'jpg' : image.format}，以免评审人员无法打开。`,
      ),
    ];
  }
  return [];
}

function checkBytes(image: ProbedImage, slot: MaterialSlotSpec): Finding[] {
  if (slot.minBytes === undefined || image.bytes >= slot.minBytes) return [];
  return [
    error(
      'PHOTO_TOO_SMALL',
      'bytes',
      `照片文件大小为 ${formatMegabytes(image.bytes)}，要求不低于 ${formatMegabytes(slot.minBytes)}，请提交相机或扫描仪生成的原图，不要使用经微信、QQ 等压缩过的图片；必要时以更高质量重新导出 JPEG。`,
    ),
  ];
}

function checkDpi(image: ProbedImage, slot: MaterialSlotSpec): Finding[] {
  if (slot.minDpi === undefined) return [];
  if (image.dpi === 'unknown') {
    return [
      warning(
        'PHOTO_DPI_UNKNOWN',
        'dpi',
        `照片未记录分辨率（dpi），要求不低于 ${slot.minDpi} dpi，无法自动核对。请在图像软件中将分辨率设为 ${slot.minDpi} dpi 后另存为 JPEG，或用扫描仪以 ${slot.minDpi} dpi 重新扫描。`,
      ),
    ];
  }
  if (Math.min(image.dpi.x, image.dpi.y) + DPI_TOLERANCE >= slot.minDpi) return [];
  return [
    error(
      'PHOTO_DPI_LOW',
      'dpi',
      `照片分辨率为 ${formatDpi(image.dpi)}，要求不低于 ${slot.minDpi} dpi，请用扫描仪以 ${slot.minDpi} dpi 重新扫描，或在图像软件中设置分辨率后另存为 JPEG。`,
    ),
  ];
}

export function checkPhoto(image: ProbedImage, slot: MaterialSlotSpec, fileName?: string): Finding[] {
  return [...checkFormat(image, slot, fileName), ...checkBytes(image, slot), ...checkDpi(image, slot)];
}
