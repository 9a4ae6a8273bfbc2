/**
 * `checkMaterial(probed, slot)`: the one verdict on an uploaded (or locally checked) file. Every finding
 * names the measured value, the required one and what to do; what no machine can judge comes back as
 * `ATTESTATION_NEEDED` warnings, so nothing passes in silence.
 */
import { error, type Finding } from '../findings.ts';
import { attestationFindings } from './attestations.ts';
import { checkDocument } from './check-document.ts';
import { checkPhoto } from './check-photo.ts';
import { checkVideo } from './check-video.ts';
import { formatMegabytes } from './format-values.ts';
import { MAX_BYTES } from './limits.ts';
import type { Probed } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

export interface CheckMaterialOptions {
  /** The name the user gave the file; only used to point out a renamed file, never to decide its format. */
  fileName?: string;
  /** Per-file cap; defaults to the slot's `maxBytes`, then MAX_BYTES for the slot's kind. */
  maxBytes?: number;
}

const KIND_LABELS = { image: '图片', video: '视频', document: '文档' } as const;
const SLOT_KIND_LABELS = { photo: '照片', video: '视频', document: '文档' } as const;

function checkMeasured(
  probed: Exclude<Probed, { kind: 'unreadable' }>,
  slot: MaterialSlotSpec,
  options: CheckMaterialOptions,
) {
  const maxBytes = options.maxBytes ?? slot.maxBytes ?? MAX_BYTES[slot.kind];
  if (probed.bytes > maxBytes) {
    return [
      error(
        'FILE_TOO_LARGE',
        'bytes',
        `文件大小为 ${formatMegabytes(probed.bytes)}，超过上限 ${formatMegabytes(maxBytes)}，请压缩或重新导出后上传。`,
      ),
    ];
  }
  if (probed.kind === 'image' && slot.kind === 'photo') return checkPhoto(probed, slot, options.fileName);
  if (probed.kind === 'video' && slot.kind === 'video') return checkVideo(probed, slot);
  if (probed.kind === 'document' && slot.kind === 'document')
    return checkDocument(probed, slot, options.fileName);
  return [
    error(
      'MATERIAL_KIND_MISMATCH',
      'kind',
      `文件是${KIND_LABELS[probed.kind]}，此处要求上传${SLOT_KIND_LABELS[slot.kind]}（${slot.label}），请检查是否选错了文件。`,
    ),
  ];
}

export function checkMaterial(
  probed: Probed,
  slot: MaterialSlotSpec,
  options: CheckMaterialOptions = {},
): Finding[] {
  if (probed.kind === 'unreadable') return [error(`FILE_${probed.code}`, 'file', probed.reason)];
  const findings = checkMeasured(probed, slot, options);
  // Attestations only mean something about a file that is the right kind of material at all.
  if (
    findings.some((finding) => finding.code === 'MATERIAL_KIND_MISMATCH' || finding.code === 'FILE_TOO_LARGE')
  ) {
    return findings;
  }
  return [...findings, ...attestationFindings(slot)];
}
