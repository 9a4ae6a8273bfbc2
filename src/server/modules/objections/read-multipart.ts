/**
 * Reads a multipart form of text fields and up to 5 attachments. An oversized file is refused as soon as it passes
 * the limit, without holding more of it; the judging of what was read is core's.
 */
import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '#core/objection/attachments.ts';
import { AppError } from '#server/platform/errors.ts';
import type { IncomingFile } from './store-files.ts';

export async function readMultipart(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单（multipart/form-data）提交，附件随表单上传。');
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  const parts = request.parts({
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENT_MAX_FILES + 1, fields: 30 },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `附件「${part.filename}」超过 10 MB，请压缩或分成几份后再上传。`,
        );
      });
      if (part.filename || bytes.length > 0) files.push({ fileName: part.filename, bytes });
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { fields, files };
}
