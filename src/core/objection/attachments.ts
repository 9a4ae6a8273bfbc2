/**
 * Attachments of an objection (and of the handling: findings, the unit's explanation): PDF or JPEG as the
 * notice asks, judged by their first bytes, never by their names, so a renamed file is refused.
 */
import type { ObjectionFileType } from '../announcement/file-types.ts';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_FILES = 5;

export type AttachmentVerdict =
  | { ok: true; contentType: ObjectionFileType }
  | {
      ok: false;
      code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED';
      message: string;
    };

export function judgeAttachment(fileName: string, bytes: Uint8Array): AttachmentVerdict {
  if (bytes.length === 0)
    return { ok: false, code: 'VALIDATION_FAILED', message: `附件「${fileName}」是空文件。` };
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    return {
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
      message: `附件「${fileName}」超过 10 MB，请压缩或分成几份后再上传。`,
    };
  const head = (n: number) => Array.from(bytes.subarray(0, n));
  if (String.fromCharCode(...head(5)) === '%PDF-') return { ok: true, contentType: 'application/pdf' };
  const [a, b, c] = head(3);
  if (a === 0xff && b === 0xd8 && c === 0xff) return { ok: true, contentType: 'image/jpeg' };
  return {
    ok: false,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: `附件「${fileName}」不是 PDF 或 JPEG 文件（按文件内容判断，与文件名无关），请另存为 PDF 或 JPG 后上传。`,
  };
}
