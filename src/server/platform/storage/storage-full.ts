/**
 * The file storage has no room left (ENOSPC; EDQUOT when a disk quota is reached; a full or over-quota
 * object store): an administrator's
 * problem, not the user's, so every place that writes files says so in the same words instead of
 * 「内部出错」 (issue #15 item 12). What was written before stays as it was: writes go to a partial name
 * first (disk-storage.ts), and an upload keeps the bytes it stored so far.
 */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
/**
 * The same from an object store: MinIO's full drives (507), a bucket or account quota (阿里云 OSS,
 * 腾讯云 COS, MinIO, Ceph name it so), or any 507 Insufficient Storage.
 */
const S3_FULL_CODES = new Set([
  'XMinioStorageFull',
  'XMinioAdminBucketQuotaExceeded',
  'QuotaExceeded',
  'InsufficientStorage',
]);

export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    code?: unknown;
    name?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (typeof e.code === 'string' && FULL_CODES.has(e.code)) return true;
  const s3Code = typeof e.Code === 'string' ? e.Code : e.name;
  return (typeof s3Code === 'string' && S3_FULL_CODES.has(s3Code)) || e.$metadata?.httpStatusCode === 507;
}

export const STORAGE_FULL_MESSAGE =
  '平台的文件存储空间已满，暂时无法保存文件。请联系平台管理员清理或扩充存储空间。';

/** The message for an upload: what the user has sent so far is kept, and can be continued. */
export const UPLOAD_STORAGE_FULL_MESSAGE = `${STORAGE_FULL_MESSAGE}已上传的部分会保留，空间腾出后可继续上传。`;
