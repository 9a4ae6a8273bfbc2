/**
 * The first sheet of an .xlsx (or a .csv) as rows of cell text, read as a stream: the zip is checked
 * first (zip-inventory.ts), then the sheet's rows are counted and their cells too as they come, and
 * reading stops at the first cap passed. Runs inside the reader's worker (read-spreadsheet.ts).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { MAX_CELLS, notASpreadsheet, SheetRefusal, shrinkAdvice } from './limits.ts';
import { checkZip } from './zip-inventory.ts';

/** A row with something in it: its number as the official sees it, cells from column A on. */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** CSV files saved by Excel on Chinese Windows are GB18030, not UTF-8: try UTF-8 strictly first. */
function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** Keeps the rows that have content and refuses as soon as there are too many rows or cells. */
function rowCollector(maxRows: number) {
  const rows: SheetRow[] = [];
  let cells = 0;
  return {
    rows,
    add(row: ExcelJS.Row) {
      cells += row.cellCount;
      if (cells > MAX_CELLS) {
        throw new SheetRefusal(
          'SPREADSHEET_TOO_LARGE',
          `表格过大：单元格超过 ${MAX_CELLS} 个。${shrinkAdvice(maxRows)}`,
        );
      }
      const texts = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
      if (texts.every((t) => t === '')) return;
      // The header row is not one of the rows imported.
      if (rows.length > maxRows) {
        throw new SheetRefusal('SPREADSHEET_TOO_LARGE', `一次最多导入 ${maxRows} 行，请拆分文件`);
      }
      rows.push({ number: row.number, cells: texts });
    },
  };
}

async function readCsv(buffer: Buffer, maxRows: number): Promise<SheetRow[]> {
  const collector = rowCollector(maxRows);
  // Every CSV cell stays the text it is: read as a number, an 18-digit ID loses its last digits.
  const sheet = await new ExcelJS.Workbook().csv
    .read(Readable.from([decodeCsv(buffer)]), { map: (datum: string) => (datum === '' ? null : datum) })
    .catch(() => {
      throw new SheetRefusal('IMPORT_INVALID', '文件不是有效的 CSV 文件，请使用下载的模板填写');
    });
  sheet.eachRow((row) => collector.add(row));
  return collector.rows;
}

interface StreamedWorkbook extends AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }> {
  model?: { sheets?: { name: string }[] };
}

async function readXlsx(buffer: Buffer, maxRows: number): Promise<SheetRow[]> {
  await checkZip(buffer, maxRows);
  const collector = rowCollector(maxRows);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    // Dates are numbers with a date format: without the styles a birth date reads as 32874.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as StreamedWorkbook;
  try {
    for await (const sheet of reader) {
      // The first sheet in the workbook's order (a help sheet may follow it, or come first in the zip).
      // A sheet exceljs could not name (its relationship written as an absolute path) is taken as it comes.
      const names = (reader.model?.sheets ?? []).map((s) => s.name);
      if (names.includes(sheet.name) && sheet.name !== names[0]) continue;
      for await (const row of sheet) collector.add(row);
      break;
    }
  } catch (error) {
    throw error instanceof SheetRefusal ? error : notASpreadsheet();
  }
  return collector.rows;
}

export function readSheetRows(
  buffer: Buffer,
  options: { csv: boolean; maxRows: number },
): Promise<SheetRow[]> {
  return options.csv ? readCsv(buffer, options.maxRows) : readXlsx(buffer, options.maxRows);
}
