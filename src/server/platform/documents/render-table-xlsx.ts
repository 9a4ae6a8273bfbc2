/**
 * The platform's one XLSX writer (exports, organiser tables, import templates; the 登记表 with its form
 * layout aside): tables (core/documents/organiser-tables.ts) as an official sets them up: the title
 * merged over the columns, a bold bordered header row that stays frozen, filters and repeats on every
 * printed page, set column widths, wrapped long text, A4 landscape fitted to the width.
 */
import type ExcelJS from 'exceljs';
import type { SheetTable } from '#core/documents/organiser-tables.ts';
import { BOX, newWorkbook, SONG, sheetName } from './xlsx-style.ts';

function addTable(workbook: ExcelJS.Workbook, table: SheetTable, name: string) {
  const headerRow = table.title === undefined ? 1 : 2;
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  const width = table.columns.length;
  ws.columns = table.columns.map((c) => ({
    key: c.field,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  if (table.title !== undefined) {
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = table.title;
    ws.getCell(1, 1).font = { name: '黑体', size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 32;
  }
  const header = ws.getRow(headerRow);
  header.values = table.columns.map((c) => c.header);
  header.height = 28;
  header.eachCell((cell) => {
    cell.font = { name: SONG, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });
  for (const values of table.rows) {
    const row = ws.addRow(table.columns.map((c) => values[c.field] ?? ''));
    table.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: SONG, size: 10 };
      cell.border = BOX;
      cell.alignment = {
        horizontal: column.wrap ? 'left' : 'center',
        vertical: 'middle',
        wrapText: column.wrap === true,
      };
    });
  }
  if (table.rows.length > 0) {
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  }
  for (const note of table.notes ?? []) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: SONG, size: 10, italic: true };
  }
}

export async function renderTablesXlsx(tables: readonly SheetTable[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  for (const table of tables) addTable(workbook, table, sheetName(table.sheetName, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
