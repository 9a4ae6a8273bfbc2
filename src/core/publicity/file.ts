/**
 * The notice as it was posted, kept beside a unit's 公示 record: a PDF or a screenshot (JPEG, PNG),
 * judged by its bytes (a renamed file is what its bytes say), complete and readable, at most 10 MB.
 */
import { PUBLICITY_FILE_TYPES, type PublicityFileType } from '../announcement/file-types.ts';
import { error, type Finding } from '../findings.ts';
import type { Probed } from '../materials/probed.ts';
import { MEBIBYTE } from '../materials/spec.ts';

export const PUBLICITY_FILE_MAX_BYTES = 10 * MEBIBYTE;

const WRONG_FORMAT =
  '公示材料应为 PDF 文件或 JPEG、PNG 截图；只改扩展名无法改变文件格式，请另存为 PDF 或截图后再上传。';

export function judgePublicityFile(
  probed: Probed,
): { contentType: PublicityFileType } | { findings: Finding[] } {
  if (probed.kind === 'unreadable') {
    const code = probed.code === 'UNKNOWN_FORMAT' ? 'PUBLICITY_FILE_FORMAT' : 'PUBLICITY_FILE_UNREADABLE';
    return {
      findings: [error(code, 'file', code === 'PUBLICITY_FILE_FORMAT' ? WRONG_FORMAT : probed.reason)],
    };
  }
  if (probed.kind === 'image' && (probed.format === 'jpeg' || probed.format === 'png'))
    return { contentType: probed.format === 'jpeg' ? 'image/jpeg' : 'image/png' };
  if (probed.kind === 'document' && probed.format === 'pdf') return { contentType: 'application/pdf' };
  return { findings: [error('PUBLICITY_FILE_FORMAT', 'file', WRONG_FORMAT)] };
}

export const publicityFileLabel = (type: PublicityFileType) => PUBLICITY_FILE_TYPES[type];
