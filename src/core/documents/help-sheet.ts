import type { SheetTable } from './organiser-tables.ts';

/** An import template's 填写说明 sheet: one instruction a row. */
export function helpSheet(lines: readonly string[]): SheetTable {
  return {
    sheetName: '填写说明',
    columns: [{ header: '说明', field: 'line', width: 100, wrap: true }],
    rows: lines.map((line) => ({ line })),
  };
}
