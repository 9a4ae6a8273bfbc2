import { describe, expect, it } from 'vitest';
import { csvText, parseCsvRecords } from './csv.ts';

describe('parseCsvRecords', () => {
  it('keeps the line each record starts on, across quoted line breaks and blank lines', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\nlast,';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', ''] },
    ]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsvRecords('')).toEqual([]);
    expect(parseCsvRecords('\n\n')).toEqual([]);
  });
});

describe('csvText', () => {
  it('reads back as written, with a byte-order mark, CRLF and formulas defused', () => {
    const rows = [
      ['名称', '备注'],
      ['a, b', 'say "hi"'],
      ['=SUM(A1)', 'two\nlines'],
    ];
    const text = csvText(rows);
    expect(text.startsWith('\uFEFF名称,备注\r\n')).toBe(true);
    expect(parseCsvRecords(text).map((r) => r.fields)).toEqual([
      rows[0],
      rows[1],
      ["'=SUM(A1)", 'two\nlines'],
    ]);
  });
});
