import { AppError } from '../errors.ts';
import { readSpreadsheet } from './spreadsheet/read-spreadsheet.ts';

export { cellText } from './spreadsheet/cell-text.ts';

export const MAX_TABLE_ROWS = 20_000;

/**
 * The first sheet of an .xlsx (or a .csv) as rows keyed by the header row's text. Every row between
 * the header and the last filled row is returned, blank ones as empty objects, so that the index of a
 * row plus 2 is the row number the official sees in the spreadsheet.
 */
export async function readTable(buffer: Buffer, filename: string): Promise<Record<string, string>[]> {
  const rows = await readSpreadsheet(buffer, { filename, maxRows: MAX_TABLE_ROWS });
  const last = rows.at(-1)?.number ?? 0;
  if (last < 2) throw new AppError('IMPORT_INVALID', '表格中没有数据行', { errors: [] });
  // Filled rows far below the rest would still make that many blank records.
  if (last > MAX_TABLE_ROWS + 1) {
    throw new AppError('SPREADSHEET_TOO_LARGE', `一次最多导入 ${MAX_TABLE_ROWS} 行，请拆分文件`, {
      errors: [],
    });
  }
  const header = rows[0]?.number === 1 ? rows[0].cells : [];
  const records: Record<string, string>[] = Array.from({ length: last - 1 }, () => ({}));
  for (const row of rows) {
    if (row.number < 2) continue;
    const record = records[row.number - 2]!;
    header.forEach((name, i) => {
      const value = row.cells[i] ?? '';
      if (name && value) record[name] = value;
    });
  }
  return records;
}
