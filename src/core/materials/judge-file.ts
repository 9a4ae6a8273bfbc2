/**
 * The verdict on one file, as the upload check job and `tuijie check` both give it: its name (which
 * becomes part of download names) and its measured content against the slot.
 */
import type { Finding } from '../findings.ts';
import { type CheckMaterialOptions, checkMaterial } from './check-material.ts';
import { checkFileName } from './file-name.ts';
import type { Probed } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

export function judgeFile(
  probed: Probed,
  slot: MaterialSlotSpec,
  options: CheckMaterialOptions & { fileName: string },
): Finding[] {
  return [...checkFileName(options.fileName), ...checkMaterial(probed, slot, options)];
}
