import type { S3Config } from '../config.ts';

interface S3ErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function shape(error: unknown): S3ErrorShape {
  return typeof error === 'object' && error !== null ? (error as S3ErrorShape) : {};
}

/** The object (or upload) is not there: GetObject says NoSuchKey, HeadObject only a bare 404. */
export function isS3NotFound(error: unknown): boolean {
  const e = shape(error);
  const name = e.name ?? e.Code;
  // A missing bucket is a set-up fault, not a missing object (HEAD cannot tell them apart: no body).
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** A missing object as disk storage reports it, so callers handle both stores alike. */
export function notFoundError(key: string, cause: unknown): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`对象存储中没有 ${key}`, { cause });
  error.code = 'ENOENT';
  return error;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = shape(e).cause, depth++) {
    const code = shape(e).code;
    if (code && NETWORK_CODES.has(code)) return code;
    // Several failed connection attempts (IPv4 and IPv6) arrive as one AggregateError.
    if (e instanceof AggregateError) {
      const inner = e.errors.map(networkCode).find(Boolean);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * Says in Chinese which of the usual set-up mistakes made a storage check fail, and what to fix.
 * `timedOutAfterMs`: the check gave up waiting (an endpoint that accepts connections and never answers).
 */
export function describeS3Failure(error: unknown, config: S3Config, timedOutAfterMs?: number): string {
  const e = shape(error);
  const name = e.name ?? e.Code ?? '';
  const where = config.endpoint ?? `AWS（区域 ${config.region}）`;
  if (timedOutAfterMs !== undefined) {
    return `对象存储 ${where} 在 ${timedOutAfterMs / 1000} 秒内没有响应，请检查 S3_ENDPOINT 是否指向对象存储服务、网络与防火墙`;
  }
  const network = networkCode(error);
  if (network) {
    return `无法连接对象存储 ${where}（${network}），请检查 S3_ENDPOINT 的地址和端口、网络与防火墙`;
  }
  if (name === 'NoSuchBucket') {
    return `对象存储中不存在存储桶「${config.bucket}」，请先创建它，或检查 S3_BUCKET`;
  }
  if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken'].includes(name)) {
    return `对象存储不接受访问密钥（${name}），请检查 S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY`;
  }
  if (name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403) {
    return `对象存储拒绝写入存储桶「${config.bucket}」（${name || '403'}），请给该访问密钥授予读写与删除权限`;
  }
  if (name === 'CredentialsProviderError') {
    return '没有对象存储的访问密钥，请设置 S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY';
  }
  return `对象存储 ${where} 的存储桶「${config.bucket}」不可用：${name ? `${name} ` : ''}${e.message ?? String(error)}`;
}
