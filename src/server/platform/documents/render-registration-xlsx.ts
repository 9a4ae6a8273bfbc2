/**
 * 推介登记表 as XLSX, one sheet per unit, laid out as an official would: 附件N and the title on top,
 * the reporting unit (to be stamped) and the date line, a bold bordered header row that stays frozen
 * and repeats on every printed page, wrapped long text, A4 landscape fitted to the page width.
 */
import type ExcelJS from 'exceljs';
import type { RegistrationSheet } from '#core/documents/index.ts';
import { BOX, newWorkbook, SONG, sheetName } from './xlsx-style.ts';

/** Rows above the table: 附件N, title, 报送单位. */
const HEADER_ROW = 4;

function addSheet(workbook: ExcelJS.Workbook, sheet: RegistrationSheet, name: string) {
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const width = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ key: c.field, width: c.width }));

  ws.getCell(1, 1).value = sheet.attachmentLabel;
  ws.getCell(1, 1).font = { name: '黑体', size: 14 };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = sheet.title;
  ws.getCell(2, 1).font = { name: '黑体', size: 18 };
  ws.getCell(2, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(2).height = 36;
  ws.mergeCells(3, 1, 3, Math.max(1, width - 3));
  ws.getCell(3, 1).value = `报送单位（盖章）：${sheet.unitName}`;
  ws.getCell(3, Math.max(2, width - 2)).value = '填表日期：    年  月  日';
  ws.getRow(3).font = { name: SONG, size: 12 };
  ws.getRow(3).height = 24;

  const header = ws.getRow(HEADER_ROW);
  header.values = sheet.columns.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: SONG, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
  });

  for (const values of sheet.rows) {
    const row = ws.addRow(
      sheet.columns.map((c) => (c.field === 'rank' ? Number(values.rank) : (values[c.field] ?? ''))),
    );
    sheet.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: SONG, size: 11 };
      cell.border = BOX;
      cell.alignment = {
        horizontal: column.wrap ? 'left' : 'center',
        vertical: 'middle',
        wrapText: column.wrap === true,
      };
    });
  }
}

/** One workbook; several sheets when an organiser takes every unit's table at once. */
export async function renderRegistrationXlsx(sheets: RegistrationSheet[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  for (const sheet of sheets) addSheet(workbook, sheet, sheetName(sheet.unitName || sheet.title, taken));
  if (sheets.length === 0) workbook.addWorksheet('登记表');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
