/**
 * CSV for the list of imported accounts and their one-time passwords. A UTF-8 byte-order mark makes
 * Excel on Chinese Windows read the characters right instead of as GBK mojibake.
 */
function quote(value: string): string {
  // Leading = + - @ would make Excel evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): Blob {
  const lines = [header, ...rows].map((row) => row.map(quote).join(','));
  return new Blob(['\uFEFF', lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
}
