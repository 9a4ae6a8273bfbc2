/**
 * 清单.csv, the package's manifest: every file with its size and SHA-256, so the receiving office can
 * check the copy it got (certutil -hashfile / sha256sum), and the result of the material check; and
 * every part that should be there and is not, with the reason, instead of a silent gap. UTF-8 with a
 * byte-order mark and CRLF: Excel on Chinese Windows then opens it as UTF-8, not as GBK mojibake.
 */

import { csvText, parseCsvRecords } from '../csv.ts';

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

export function manifestCsv(rows: readonly ManifestRow[]): string {
  return csvText([
    MANIFEST_HEADER,
    ...rows.map((row) => [row.path, row.size === null ? '' : String(row.size), row.sha256 ?? '', row.result]),
  ]);
}

/** Reads a manifest back (tests, and an office checking a copy): the rows after the header. */
export function parseManifestCsv(text: string): ManifestRow[] {
  return parseCsvRecords(text)
    .slice(1)
    .map(({ fields: [path = '', size = '', sha256 = '', result = ''] }) => ({
      path,
      size: size === '' ? null : Number(size),
      sha256: sha256 || null,
      result,
    }));
}
