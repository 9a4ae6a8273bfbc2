/**
 * Errors with stable codes. A use case throws `new AppError('QUOTA_EXCEEDED', '…')`; the HTTP status
 * comes from this one table, so a code means the same thing on every route.
 */
const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INVALID_ENCODING: 400,
  // Text PostgreSQL cannot store (a NUL character), and addresses the router cannot read (issue #15, fuzzing).
  INVALID_CHARACTERS: 400,
  INVALID_URL: 400,
  URL_TOO_LONG: 414,
  PASSWORD_TOO_WEAK: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  WRONG_PASSWORD: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  // A request that the record's present state refuses; each says which refusal, so a client can tell.
  DEADLINE_PASSED: 409,
  DEADLINE_NOT_PASSED: 409,
  MOVE_NOT_ALLOWED: 409,
  MOVE_NOT_IN_CAMPAIGN_STATE: 409,
  LATE_WITHDRAWAL_NOT_IN_RULES: 409,
  NOMINATION_NOT_EDITABLE: 409,
  NOMINATION_NOT_SUBMITTED: 409,
  CAMPAIGN_NOT_OPEN: 409,
  CAMPAIGN_MOVE_NOT_ALLOWED: 409,
  NO_SELECTED_NOMINATIONS: 409,
  REVIEW_REQUEST_NOT_NEEDED: 409,
  SLOT_FULL: 409,
  WORK_SUMMARY_NOT_IN_RULES: 409,
  MATERIAL_ALREADY_WAIVED: 409,
  MATERIAL_NOT_CONVERTIBLE: 409,
  MATERIAL_CHECK_PENDING: 409,
  // A converted copy still being made has no content yet (issue #15 item 12).
  MATERIAL_CONVERTING: 409,
  MATERIAL_ALREADY_PASSED: 409,
  CONVERSION_EXISTS: 409,
  UPLOAD_OFFSET_MISMATCH: 409,
  UPLOAD_ALREADY_MATERIAL: 409,
  UPLOAD_IN_PROGRESS: 423,
  PACKAGE_NOT_READY: 409,
  PACKAGE_EXPIRED: 410,
  PAPER_SCAN_NOT_ALLOWED: 409,
  PAPER_MOVE_NOT_ALLOWED: 409,
  DUPLICATE_ORGANISATION_NAME: 409,
  ORGANISATION_DISABLED: 409,
  CALENDAR_OVERRIDE_EXISTS: 409,
  QUOTA_EXCEEDED: 409,
  DUPLICATE_WINNER: 409,
  STALE_VERSION: 409,
  DUPLICATE_USERNAME: 409,
  // Expert review (issue #12).
  EXPERT_ALREADY_IN_POOL: 409,
  ROUND_MOVE_NOT_ALLOWED: 409,
  ROUND_NOT_OPEN: 409,
  REVIEW_ALREADY_SUBMITTED: 409,
  REVIEW_NOT_SUBMITTED: 409,
  CONFLICT_OF_INTEREST: 409,
  CONFLICT_NOT_DISMISSABLE: 409,
  ASSIGNMENT_NOT_ALLOWED: 409,
  SHORTLIST_NOT_PROPOSED: 409,
  ASSIGNMENT_INFEASIBLE: 422,
  EXCLUSIONS_TOO_MANY: 422,
  SCORES_INVALID: 422,
  SHORTLIST_INVALID: 422,
  // Expert review setup: pool, rounds, assignment.
  CHAIR_TAKEN: 409,
  EXPERT_HAS_REVIEWS: 409,
  ROUND_NOT_EDITABLE: 409,
  EXCLUSIONS_CLOSED: 409,
  REVIEW_SETUP_CLOSED: 409,
  // 公示, objections, approval and publication (issue 13).
  CAMPAIGN_NOT_READY: 409,
  ANNOUNCEMENT_MOVE_NOT_ALLOWED: 409,
  ANNOUNCEMENT_NOT_EDITABLE: 409,
  OBJECTION_PERIOD_CLOSED: 409,
  OBJECTION_MOVE_NOT_ALLOWED: 409,
  SECOND_SIGNATURE_REQUIRED: 409,
  OBJECTIONS_OPEN: 409,
  NOT_APPROVED: 409,
  ALREADY_PUBLISHED: 409,
  CAPTCHA_FAILED: 422,
  OBJECTION_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  // A spreadsheet refused before parsing: too many parts, rows or cells, or inflating beyond the cap (issue #15).
  SPREADSHEET_TOO_LARGE: 413,
  NOT_ELIGIBLE: 422,
  INCOMPLETE: 422,
  CALENDAR_YEAR_UNKNOWN: 422,
  DATE_INVALID: 422,
  LOGIN_THROTTLED: 429,
  // An account asked for more PDFs at once than it may (issue #15).
  PDF_BUSY: 429,
  RATE_LIMITED: 429,
  // Public showcase (issue #14): a public text holding an ID number, phone or address is refused.
  PERSONAL_DATA_IN_PUBLIC_TEXT: 422,
  STORY_NOT_APPROVABLE: 409,
  INTERNAL: 500,
  PDF_UNAVAILABLE: 503,
  DB_UNAVAILABLE: 503,
  FFMPEG_MISSING: 503,
  // The file storage is full (ENOSPC): the administrator must free or add space (issue #15 item 12).
  STORAGE_FULL: 507,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

/** The HTTP status a code always answers with (the API description lists codes by status). */
export function statusOfCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

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
