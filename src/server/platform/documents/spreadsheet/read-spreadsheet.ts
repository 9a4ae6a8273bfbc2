/**
 * Every spreadsheet import (accounts, experts, previous winners) reads its file here: in a worker with
 * its own heap ceiling and a private temporary folder, so that a file built to explode takes down a
 * worker and never the server, and `/api/health` keeps answering while a large table is read.
 */
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { AppError } from '#server/platform/errors.ts';
import { scratchDir } from '#server/platform/scratch-dirs.ts';
import { type RefusalCode, shrinkAdvice, WORKER_HEAP_MB, WORKER_TIMEOUT_MS } from './limits.ts';
import type { SheetRow } from './read-sheet-rows.ts';

export type { SheetRow } from './read-sheet-rows.ts';

type Answer = { rows: SheetRow[] } | { refusal: { code: RefusalCode; message: string } };

const tooLarge = (maxRows: number) =>
  new AppError('SPREADSHEET_TOO_LARGE', `表格过大，无法读取。${shrinkAdvice(maxRows)}`, { errors: [] });

/**
 * The rows with content of the first sheet, header included, each with its row number. Refuses with
 * SPREADSHEET_TOO_LARGE (and reads no further) past any cap in limits.ts or `maxRows` filled rows
 * below the header; with IMPORT_INVALID what is not an .xlsx (or, by its name, a .csv).
 */
export async function readSpreadsheet(
  buffer: Buffer,
  options: { filename: string; maxRows: number },
): Promise<SheetRow[]> {
  // exceljs parks a sheet that comes before the shared strings in a temporary file: in a folder of
  // its own, removed whatever happens.
  const tmp = await scratchDir('sheet');
  const bytes = new Uint8Array(buffer);
  const worker = new Worker(new URL('./read-sheet-worker.ts', import.meta.url), {
    workerData: { bytes, csv: /\.csv$/i.test(options.filename), maxRows: options.maxRows },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    env: { ...process.env, TMPDIR: tmp },
  });
  try {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => reject(tooLarge(options.maxRows)), WORKER_TIMEOUT_MS);
      worker.once('message', (message: Answer) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(options.maxRows) : error);
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        reject(tooLarge(options.maxRows));
      });
    });
    if ('refusal' in answer) throw new AppError(answer.refusal.code, answer.refusal.message, { errors: [] });
    return answer.rows;
  } finally {
    await worker.terminate();
    await rm(tmp, { recursive: true, force: true });
  }
}
