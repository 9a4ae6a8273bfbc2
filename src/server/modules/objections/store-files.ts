/**
 * Puts an objection's files into the storage before the transaction that records them: each judged by its
 * bytes first (PDF or JPEG, ≤ 10 MB), so one bad file refuses them all and nothing is written. When the
 * transaction fails afterwards the caller removes what was written (`removeStored`).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ObjectionFileType } from '#core/announcement/file-types.ts';
import { checkFileName } from '#core/materials/file-name.ts';
import { ATTACHMENT_MAX_FILES, judgeAttachment } from '#core/objection/attachments.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { ObjectionFileStage } from '#server/platform/db/schema-decision.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Storage } from '#server/platform/storage/storage.ts';

export interface IncomingFile {
  fileName: string;
  bytes: Buffer;
}

export interface StoredFile {
  key: string;
  fileName: string;
  contentType: ObjectionFileType;
  bytes: number;
  sha256: string;
}

/** Refuses the whole set when one file is wrong: too many, too big, not PDF/JPEG, a bad name. */
export function judgeFiles(files: readonly IncomingFile[]): ObjectionFileType[] {
  if (files.length > ATTACHMENT_MAX_FILES)
    throw new AppError('VALIDATION_FAILED', `附件最多 ${ATTACHMENT_MAX_FILES} 个，请合并后再上传。`);
  return files.map((file) => {
    const nameFindings = checkFileName(file.fileName);
    if (nameFindings.length > 0)
      throw new AppError('VALIDATION_FAILED', nameFindings.map((f) => f.message).join('；'), {
        findings: nameFindings,
      });
    const verdict = judgeAttachment(file.fileName, file.bytes);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    return verdict.contentType;
  });
}

export async function storeFiles(
  storage: Storage,
  prefix: string,
  files: readonly IncomingFile[],
): Promise<StoredFile[]> {
  const types = judgeFiles(files);
  const stored: StoredFile[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const key = `${prefix}/${randomUUID()}`;
      const written = await storage.write(key, Readable.from([file.bytes]));
      stored.push({ key, fileName: file.fileName.trim(), contentType: types[i]!, ...written });
    }
  } catch (error) {
    await removeStored(storage, stored);
    throw error;
  }
  return stored;
}

export async function removeStored(storage: Storage, stored: readonly StoredFile[]) {
  await Promise.all(stored.map((s) => storage.remove(s.key).catch(() => undefined)));
}

/** Records the stored files on the objection, at one stage of it, in the caller's transaction. */
export async function recordFiles(
  trx: Trx,
  objectionId: string,
  stage: ObjectionFileStage,
  stored: readonly StoredFile[],
  uploadedBy: string | null,
) {
  if (stored.length === 0) return;
  await trx
    .insertInto('objectionFiles')
    .values(
      stored.map((f) => ({
        objectionId,
        stage,
        storageKey: f.key,
        fileName: f.fileName,
        contentType: f.contentType,
        bytes: f.bytes,
        sha256: f.sha256,
        uploadedBy,
      })),
    )
    .execute();
}
