/**
 * 清单.csv, the package's manifest: every file with its size and SHA-256, so the receiving office can
 * check the copy it got (certutil -hashfile / sha256sum), and the result of the material check; and
 * every part that should be there and is not, with the reason, instead of a silent gap. UTF-8 with a
 * byte-order mark and CRLF: Excel on Chinese Windows then opens it as UTF-8, not as GBK mojibake.
 */

export interface ManifestRow {
  /** Path inside the ZIP (`/`-separated); for a missing part, where it would be. */
  path: string;
  /** Bytes; null for a part that is not in the package. */
  size: number | null;
  sha256: string | null;
  /** 通过 / 未通过：… / 缺失：… / 由平台生成 */
  result: string;
}

export const MANIFEST_HEADER = ['路径', '大小（字节）', 'SHA-256', '检查结果'] as const;

/** RFC 4180 quoting; a leading = + - @ is defused so Excel never runs a cell as a formula. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function manifestCsv(rows: readonly ManifestRow[]): string {
  const lines = [MANIFEST_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [row.path, row.size === null ? '' : String(row.size), row.sha256 ?? '', row.result]
        .map(field)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reads a manifest back (tests, and an office checking a copy): the rows after the header. */
export function parseManifestCsv(text: string): ManifestRow[] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      record.push(value);
      records.push(record);
      record = [];
      value = '';
    } else value += c;
  }
  if (value !== '' || record.length > 0) records.push([...record, value]);
  return records.slice(1).map(([path = '', size = '', sha256 = '', result = '']) => ({
    path,
    size: size === '' ? null : Number(size),
    sha256: sha256 || null,
    result,
  }));
}
