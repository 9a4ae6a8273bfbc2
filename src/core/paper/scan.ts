/**
 * The scan of the stamped pages a unit may add to its dispatch: a PDF or a JPEG, judged by its bytes
 * (the name decides nothing), complete and readable, within a size a scanner's multi-page PDF fits in.
 */
import { error, type Finding } from '../findings.ts';
import type { Probed } from '../materials/probed.ts';
import { MEBIBYTE } from '../materials/spec.ts';

export const SCAN_MAX_BYTES = 20 * MEBIBYTE;
export const SCAN_FORMATS = ['pdf', 'jpeg'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

const WRONG_FORMAT = '盖章扫描件应为 PDF 或 JPEG 文件，请用扫描仪或手机扫描后另存为 PDF 或 JPG 再上传。';

/** The scan's format when it may be kept, or the reasons it may not. */
export function judgeScan(probed: Probed): { format: ScanFormat } | { findings: Finding[] } {
  if (probed.kind === 'unreadable') {
    const code = probed.code === 'UNKNOWN_FORMAT' ? 'SCAN_FORMAT' : 'SCAN_UNREADABLE';
    return { findings: [error(code, 'scan', code === 'SCAN_FORMAT' ? WRONG_FORMAT : probed.reason)] };
  }
  if (probed.kind === 'image' && probed.format === 'jpeg') return { format: 'jpeg' };
  if (probed.kind === 'document' && probed.format === 'pdf') return { format: 'pdf' };
  return { findings: [error('SCAN_FORMAT', 'scan', WRONG_FORMAT)] };
}
