/**
 * The spreadsheet reader against real bombs (issue #15): each is refused before it is parsed, with the
 * reader's memory bounded, and a table of the largest allowed size still reads.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS, MAX_UNCOMPRESSED_BYTES } from '#server/platform/documents/spreadsheet/limits.ts';
import { readSpreadsheet } from '#server/platform/documents/spreadsheet/read-spreadsheet.ts';
import { lyingXlsxBomb, xlsxBomb } from '#test/support/spreadsheet-bombs.ts';

/** Runs `work` while sampling this process's resident memory (the reader's worker included). */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('名单'));
  wb.addWorksheet('填写说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the spreadsheet reader', () => {
  it('refuses a bomb whose directory tells its size, before inflating it', async () => {
    const bomb = await xlsxBomb(216);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const { result, growthMb } = await peakRssGrowth(() =>
      refusal(readSpreadsheet(bomb, { filename: '名单.xlsx', maxRows: 5000 })),
    );
    expect(result).toEqual({
      code: 'SPREADSHEET_TOO_LARGE',
      message: `表格过大：解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB。请只保留一个工作表、不超过 5000 行，删除图片和多余格式后重新上传`,
    });
    expect(growthMb).toBeLessThan(200);
  });

  it('refuses a bomb whose directory lies, by counting what it really inflates to', async () => {
    const bomb = await lyingXlsxBomb(216);
    const { result, growthMb } = await peakRssGrowth(() =>
      refusal(readSpreadsheet(bomb, { filename: '名单.xlsx', maxRows: 5000 })),
    );
    expect(result).toMatchObject({
      code: 'SPREADSHEET_TOO_LARGE',
      message: expect.stringMatching(/^表格过大：解压后超过/),
    });
    expect(growthMb).toBeLessThan(200);
  });

  it('stops at the row cap and at the cell cap', async () => {
    const rows = await workbook((sheet) => {
      sheet.addRow(['姓名']);
      for (let i = 0; i < 101; i++) sheet.addRow([`第${i}人`]);
    });
    expect(await refusal(readSpreadsheet(rows, { filename: '名单.xlsx', maxRows: 100 }))).toEqual({
      code: 'SPREADSHEET_TOO_LARGE',
      message: '一次最多导入 100 行，请拆分文件',
    });
    // A cell in the last column makes every row 16,384 cells wide.
    const wide = await workbook((sheet) => {
      for (let r = 1; r <= Math.ceil(MAX_CELLS / 16384) + 1; r++) sheet.getRow(r).getCell(16384).value = '某';
    });
    expect(await refusal(readSpreadsheet(wide, { filename: '名单.xlsx', maxRows: 100 }))).toMatchObject({
      code: 'SPREADSHEET_TOO_LARGE',
      message: expect.stringMatching(/^表格过大：单元格超过 400000 个。请只保留一个工作表/),
    });
  });

  it('reads the first sheet of an ordinary workbook: text, numbers, dates, with row numbers', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['姓名', '出生日期', '年度']);
      sheet.addRow(['张三', new Date(Date.UTC(1990, 4, 1)), 2023]);
      sheet.addRow([]);
      sheet.addRow(['李四', '', 2024]);
    });
    expect(await readSpreadsheet(file, { filename: '名单.xlsx', maxRows: 100 })).toEqual([
      { number: 1, cells: ['姓名', '出生日期', '年度'] },
      { number: 2, cells: ['张三', '1990-05-01', '2023'] },
      { number: 4, cells: ['李四', '', '2024'] },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    expect(
      await refusal(readSpreadsheet(Buffer.from('不是表格'), { filename: 'a.xlsx', maxRows: 10 })),
    ).toEqual({
      code: 'IMPORT_INVALID',
      message: '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写',
    });
  });
});
