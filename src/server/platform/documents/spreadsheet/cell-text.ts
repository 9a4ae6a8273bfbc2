import type ExcelJS from 'exceljs';

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
