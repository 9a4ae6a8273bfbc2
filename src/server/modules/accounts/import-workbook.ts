import { ROLES } from '#core/accounts/roles.ts';
import { ORGANISATION_TYPES } from '#core/campaign/unit-types.ts';
import { helpSheet } from '#core/documents/help-sheet.ts';
import type { SheetTable } from '#core/documents/organiser-tables.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import { readSpreadsheet } from '#server/platform/documents/spreadsheet/read-spreadsheet.ts';
import { AppError } from '#server/platform/errors.ts';
import { IMPORT_COLUMNS, type ImportRow } from './import-rows.ts';

export const MAX_IMPORT_ROWS = 5000;

/** Reads the first sheet of an import workbook into rows keyed by the template's column names. */
export async function readImportWorkbook(buffer: Buffer): Promise<ImportRow[]> {
  const sheet = await readSpreadsheet(buffer, { filename: 'import.xlsx', maxRows: MAX_IMPORT_ROWS });
  const header = IMPORT_COLUMNS.map((_, i) => (sheet[0]?.number === 1 ? (sheet[0].cells[i] ?? '') : ''));
  const wrong = IMPORT_COLUMNS.findIndex((c, i) => header[i] !== c);
  if (wrong >= 0) {
    throw new AppError('IMPORT_INVALID', '表头与模板不一致，请使用下载的模板填写', {
      errors: [
        {
          row: 1,
          column: IMPORT_COLUMNS[wrong],
          message: `第 ${wrong + 1} 列表头应为「${IMPORT_COLUMNS[wrong]}」，实为「${header[wrong]}」`,
        },
      ],
    });
  }
  const rows: ImportRow[] = [];
  for (const row of sheet) {
    if (row.number === 1) continue;
    const values = IMPORT_COLUMNS.map((_, i) => row.cells[i] ?? '');
    if (values.every((v) => v === '')) continue;
    rows.push({
      row: row.number,
      cells: Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c, values[i] ?? ''])) as ImportRow['cells'],
    });
  }
  if (rows.length === 0) throw new AppError('IMPORT_INVALID', '表格中没有数据行', { errors: [] });
  return rows;
}

/** The template officials download: the header (first row, as the reader wants it), an example, the allowed values. */
export function buildImportTemplate(): Promise<Buffer> {
  const example = [
    '吉林省教育厅',
    '长春市教育局',
    '市（州）教育局',
    '220100',
    'changchun-edu',
    '王老师',
    '单位填报员',
    '0431-88888888',
  ];
  const sheet: SheetTable = {
    sheetName: '组织与账号',
    columns: IMPORT_COLUMNS.map((header) => ({
      header,
      field: header,
      width: header === '单位名称' || header === '上级单位' ? 28 : 16,
      // Digits that must stay as typed: a number cell drops the 0 of 0431-….
      text: header === '行政区划代码' || header === '联系电话',
    })),
    rows: [Object.fromEntries(IMPORT_COLUMNS.map((header, i) => [header, example[i] ?? '']))],
  };
  return renderTablesXlsx([
    sheet,
    helpSheet([
      '每行一个单位；填写用户名、姓名、角色时同时为该单位创建账号。单位已存在时只创建账号。',
      '上级单位须已在系统中（您管理范围内），或在本表更靠前的行中创建。',
      `单位类型可选：${Object.values(ORGANISATION_TYPES).join('、')}`,
      `角色可选（多个用顿号分隔）：${Object.values(ROLES).join('、')}`,
      '用户名为 3–64 位字母、数字、下划线、点或连字符。导入后系统生成一次性初始密码，首次登录须修改。',
      '任何一行有错误时，整个文件都不会导入；请按错误提示修改后重新上传。',
    ]),
  ]);
}
