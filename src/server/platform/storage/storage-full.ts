/**
 * The file storage has no room left (ENOSPC; EDQUOT when a disk quota is reached): an administrator's
 * problem, not the user's, so every place that writes files says so in the same words instead of
 * 「内部出错」 (issue #15 item 12). What was written before stays as it was: writes go to a partial name
 * first (disk-storage.ts), and an upload keeps the bytes it stored so far.
 */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

export function isStorageFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && FULL_CODES.has(code);
}

export const STORAGE_FULL_MESSAGE =
  '平台的文件存储空间已满，暂时无法保存文件。请联系平台管理员清理或扩充存储空间。';

/** The message for an upload: what the user has sent so far is kept, and can be continued. */
export const UPLOAD_STORAGE_FULL_MESSAGE = `${STORAGE_FULL_MESSAGE}已上传的部分会保留，空间腾出后可继续上传。`;
