/**
 * Errors with stable codes. A use case throws `new AppError('QUOTA_EXCEEDED', '…')`; the HTTP status
 * comes from this one table, so a code means the same thing on every route.
 */
const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PASSWORD_TOO_WEAK: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  WRONG_PASSWORD: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  QUOTA_EXCEEDED: 409,
  DUPLICATE_WINNER: 409,
  STALE_VERSION: 409,
  DUPLICATE_USERNAME: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  NOT_ELIGIBLE: 422,
  INCOMPLETE: 422,
  CALENDAR_YEAR_UNKNOWN: 422,
  DATE_INVALID: 422,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PDF_UNAVAILABLE: 503,
  FFMPEG_MISSING: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或您无权查看`);
}

export function forbidden(message = '您没有执行此操作的权限'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function staleVersion(): AppError {
  return new AppError('STALE_VERSION', '数据已被他人修改，请刷新后重试');
}
