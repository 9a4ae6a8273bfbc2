import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';

export const MAX_TABLE_ROWS = 20_000;

/**
 * A number as text. Integers beyond 2^53 (an 18-digit 身份证号 typed into a number cell) have lost
 * their last digits already: they are shown as a spreadsheet shows them, 2.20102198001010E+17, so that
 * the reader can say so instead of checking a number that was never typed.
 */
function numberText(value: number): string {
  if (!Number.isInteger(value) || Number.isSafeInteger(value)) return String(value);
  return value.toPrecision(15).toUpperCase();
}

/** A cell as the text an official sees in it: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value)
      return typeof value.result === 'number' ? numberText(value.result) : String(value.result ?? '').trim();
  }
  return String(value).trim();
}

/** CSV files saved by Excel on Chinese Windows are GB18030, not UTF-8: try UTF-8 strictly first. */
function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

async function loadWorkbook(buffer: Buffer, filename: string): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Every CSV cell stays the text it is: read as a number, an 18-digit ID loses its last digits.
    if (/\.csv$/i.test(filename))
      return await workbook.csv.read(Readable.from([decodeCsv(buffer)]), {
        map: (datum: string) => (datum === '' ? null : datum),
      });
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  } catch {
    throw new AppError('IMPORT_INVALID', '文件不是有效的 Excel（.xlsx）或 CSV 文件，请使用下载的模板填写', {
      errors: [],
    });
  }
}

/**
 * The first sheet of an .xlsx (or a .csv) as rows keyed by the header row's text. Every row between
 * the header and the last filled row is returned, blank ones as empty objects, so that the index of a
 * row plus 2 is the row number the official sees in the spreadsheet.
 */
export async function readTable(buffer: Buffer, filename: string): Promise<Record<string, string>[]> {
  const sheet = await loadWorkbook(buffer, filename);
  if (!sheet || sheet.rowCount < 2) throw new AppError('IMPORT_INVALID', '表格中没有数据行', { errors: [] });
  if (sheet.rowCount > MAX_TABLE_ROWS + 1) {
    throw new AppError('IMPORT_INVALID', `一次最多导入 ${MAX_TABLE_ROWS} 行，请拆分文件`, { errors: [] });
  }
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      const value = cellText(row.getCell(i + 1).value);
      if (name && value) record[name] = value;
    });
    rows.push(record);
  }
  return rows;
}
