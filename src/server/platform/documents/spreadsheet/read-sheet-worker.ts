/** The reader's worker: reads the rows and posts them back, or the refusal's code and message. */
import { parentPort, workerData } from 'node:worker_threads';
import { SheetRefusal } from './limits.ts';
import { readSheetRows } from './read-sheet-rows.ts';

const { bytes, csv, maxRows } = workerData as { bytes: Uint8Array; csv: boolean; maxRows: number };
try {
  const rows = await readSheetRows(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    csv,
    maxRows,
  });
  parentPort!.postMessage({ rows });
} catch (error) {
  if (!(error instanceof SheetRefusal)) throw error;
  parentPort!.postMessage({ refusal: { code: error.code, message: error.message } });
}
