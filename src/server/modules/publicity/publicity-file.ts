/**
 * The notice as posted (a PDF or a screenshot) beside a unit's 公示 record: streamed into the file storage,
 * refused above 10 MB or when its bytes are not a PDF, JPEG or PNG whatever its name says, then recorded
 * in one transaction, audited. Refused bytes are removed; replaced ones once the new file is committed.
 * Only the unit and the campaign's organisers read it back.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { materialDisposition } from '#core/materials/content-type.ts';
import { checkFileName } from '#core/materials/file-name.ts';
import { judgePublicityFile, PUBLICITY_FILE_MAX_BYTES } from '#core/publicity/file.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, notFound, staleVersion } from '#server/platform/errors.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import { recordAudit } from '../audit/service.ts';
import { editablePublicity, visiblePublicity } from './publicity-context.ts';

const MEBIBYTES = PUBLICITY_FILE_MAX_BYTES / 1024 / 1024;
const sentences = (findings: { message: string }[]) => findings.map((f) => f.message).join('');

export interface IncomingFile {
  fileName: string;
  stream: Readable;
  truncated: () => boolean;
}

export async function uploadPublicityFile(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  version: number | undefined,
  openFile: () => Promise<IncomingFile | undefined>,
) {
  // Refused before a byte is read: only the unit's own submitter, while the campaign is open.
  const { row } = await editablePublicity(db, actor, id);
  if (version !== undefined && row.version !== version) throw staleVersion();
  const file = await openFile();
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的公示截图或 PDF 文件。');
  const nameFindings = checkFileName(file.fileName);
  if (nameFindings.length > 0) {
    file.stream.resume();
    throw new AppError('VALIDATION_FAILED', sentences(nameFindings), { findings: nameFindings });
  }
  const fileName = file.fileName.trim();
  const key = `unit-publicities/${row.campaignId}/${row.unitId}/${randomUUID()}`;
  let keep = false;
  try {
    const stored = await storage.write(key, file.stream);
    if (file.truncated() || stored.bytes > PUBLICITY_FILE_MAX_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `公示材料超过 ${MEBIBYTES} MB，请压缩图片或分页另存后再上传。`);
    if (stored.bytes === 0) throw new AppError('VALIDATION_FAILED', '上传的是空文件，请重新选择。');
    const verdict = judgePublicityFile(
      await storage.withLocalFile(key, (path) =>
        probeMaterial(path, { maxBytes: PUBLICITY_FILE_MAX_BYTES, decode: true }),
      ),
    );
    if ('findings' in verdict) {
      const wrongFormat = verdict.findings.some((f) => f.code === 'PUBLICITY_FILE_FORMAT');
      throw new AppError(
        wrongFormat ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED',
        sentences(verdict.findings),
        {
          findings: verdict.findings,
        },
      );
    }
    const replaced = await db.transaction().execute(async (trx) => {
      // Again under the lock: the record may have changed or the campaign closed meanwhile.
      const locked = (await editablePublicity(trx, actor, id, true)).row;
      if (version !== undefined && locked.version !== version) throw staleVersion();
      await trx
        .updateTable('unitPublicities')
        .set({
          storageKey: key,
          fileName,
          contentType: verdict.contentType,
          bytes: stored.bytes,
          version: locked.version + 1,
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'publicity.file_uploaded',
        entityType: 'unit_publicity',
        entityId: id,
        scopePath: actor.organisationPath,
        before: locked.fileName ? { fileName: locked.fileName } : null,
        after: { fileName, bytes: stored.bytes, sha256: stored.sha256 },
      });
      return { storageKey: locked.storageKey, published: locked.published };
    });
    keep = true;
    if (replaced.storageKey) await storage.remove(replaced.storageKey).catch(() => undefined);
    return { published: replaced.published, campaignId: row.campaignId };
  } finally {
    if (!keep) await storage.remove(key).catch(() => undefined);
  }
}

export async function publicityFileContent(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
) {
  const { row } = await visiblePublicity(db, actor, id);
  if (!row.storageKey || !row.fileName || !row.contentType) throw notFound('公示材料');
  return {
    headers: {
      'content-type': row.contentType,
      'content-disposition': materialDisposition(row.fileName),
      'content-length': String(row.bytes),
      'cache-control': 'private, no-cache',
    },
    body: await storage.read(row.storageKey),
  };
}
