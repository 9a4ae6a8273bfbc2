/**
 * CSV as RFC 4180 writes it (Excel, WPS): comma separated, double quotes around a field that holds a
 * comma, a quote (doubled) or a line break. The one writer and the one reader of core and the web app.
 */

/** One field, quoted when it must be; a leading = + - @ is defused so Excel never runs a cell as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole file: UTF-8 with a byte-order mark and CRLF line ends, so that Excel on Chinese Windows opens it
 * as UTF-8 and not as GBK mojibake.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A record read back with the line it starts on, so a finding can say 「第 12 行」 as the official sees it. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const end = () => {
    fields.push(value);
    // A line with nothing on it is no record (blank lines between blocks, a trailing newline).
    if (touched) records.push({ line: start, fields });
    fields = [];
    value = '';
    touched = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        value += c;
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
      continue;
    }
    if (!touched) start = line;
    touched = true;
    if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(value);
      value = '';
    } else value += c;
  }
  end();
  return records;
}
