/**
 * How big an imported spreadsheet may be, checked before anything is parsed. A 735 KB .xlsx holding
 * 216 MB of sheet XML once took the server from 0.7 to 1.8 GB (issue #15): an upload's own size (5 MB,
 * the multipart limit) says nothing about what it inflates to.
 */

/** An .xlsx saved by Excel or WPS has 10–30 parts (sheets, styles, theme, shared strings); a few sheets more stay far below. */
export const MAX_ZIP_ENTRIES = 200;

/**
 * Inflated bytes of all parts together. The largest table imported (20,000 winners × 10 columns) is
 * about 15 MB of XML as Excel writes it; three times that leaves room for styles and a help sheet.
 */
export const MAX_UNCOMPRESSED_BYTES = 48 * 1024 * 1024;

/** Cells read from the sheet (empty ones to the left of a filled one count): 20,000 rows of 20 columns. */
export const MAX_CELLS = 400_000;

/**
 * The reader runs in a worker with its own heap ceiling, so whatever slips past the counts above (a
 * single enormous cell, parts the central directory does not list) ends the worker, not the server.
 */
export const WORKER_HEAP_MB = 256;

/** Reading the largest allowed table takes a few seconds; a reader still busy after this is refused. */
export const WORKER_TIMEOUT_MS = 30_000;

/** What a refusal asks the official to do. */
export function shrinkAdvice(maxRows: number): string {
  return `请只保留一个工作表、不超过 ${maxRows} 行，删除图片和多余格式后重新上传`;
}

export type RefusalCode = 'SPREADSHEET_TOO_LARGE' | 'IMPORT_INVALID';

/** Thrown inside the reader; crosses the worker boundary as `{ code, message }`. */
export class SheetRefusal extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const notASpreadsheet = () =>
  new SheetRefusal('IMPORT_INVALID', '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写');
