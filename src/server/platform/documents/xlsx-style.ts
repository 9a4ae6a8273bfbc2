/** What every official table in XLSX shares: thin black borders, 宋体, sheet names Excel accepts. */
import type ExcelJS from 'exceljs';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const SONG = '宋体';

/** An empty workbook signed by the platform. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  // Loaded on first use: it would add ~9 MB to every process's heap (decision 0022).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '推介平台';
  return workbook;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = [...name.replace(/[[\]:*?/\\]/g, '_')].slice(0, 28).join('') || '登记表';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}(${n})`;
  taken.add(candidate);
  return candidate;
}
