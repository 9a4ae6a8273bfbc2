/**
 * Checks an .xlsx (a zip) before anything in it is parsed: the central directory's entry count and
 * declared sizes first, then the bytes each entry really inflates to, counted while inflating and
 * dropped at once. The central directory can lie about sizes; the count cannot.
 */
import { createInflateRaw } from 'node:zlib';
import {
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  notASpreadsheet,
  SheetRefusal,
  shrinkAdvice,
} from './limits.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Zip64 marks a size or count too big for the classic fields: never so in a table someone typed. */
const ZIP64 = 0xffffffff;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

function tooLarge(maxRows: number) {
  return new SheetRefusal(
    'SPREADSHEET_TOO_LARGE',
    `表格过大：解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB。${shrinkAdvice(maxRows)}`,
  );
}

function findEndOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw notASpreadsheet();
}

/** The central directory's entries; refuses too many entries or declared sizes beyond the cap. */
export function zipDirectory(zip: Buffer, maxRows: number): ZipEntry[] {
  if (zip.length < 22) throw notASpreadsheet();
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (count > MAX_ZIP_ENTRIES) {
    throw new SheetRefusal(
      'SPREADSHEET_TOO_LARGE',
      `表格文件中的部件过多（超过 ${MAX_ZIP_ENTRIES} 个）。${shrinkAdvice(maxRows)}`,
    );
  }
  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notASpreadsheet();
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64 || entry.declaredSize === ZIP64) throw tooLarge(maxRows);
    declared += entry.declaredSize;
    if (declared > MAX_UNCOMPRESSED_BYTES) throw tooLarge(maxRows);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function compressedBytes(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw notASpreadsheet();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw notASpreadsheet();
  return zip.subarray(start, start + entry.compressedSize);
}

/** Inflates and counts, never holding more than a chunk; stops as soon as `limit` is passed. */
async function inflatedLength(compressed: Buffer, limit: number): Promise<number> {
  const inflate = createInflateRaw();
  inflate.end(compressed);
  let length = 0;
  try {
    for await (const chunk of inflate) {
      length += (chunk as Buffer).length;
      if (length > limit) break;
    }
  } catch {
    throw notASpreadsheet();
  } finally {
    inflate.destroy();
  }
  return length;
}

/** Checks the directory, then what every entry really inflates to; returns the entries. */
export async function checkZip(zip: Buffer, maxRows: number): Promise<ZipEntry[]> {
  const entries = zipDirectory(zip, maxRows);
  let total = 0;
  for (const entry of entries) {
    const data = compressedBytes(zip, entry);
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await inflatedLength(data, MAX_UNCOMPRESSED_BYTES - total);
    else throw notASpreadsheet();
    if (total > MAX_UNCOMPRESSED_BYTES) throw tooLarge(maxRows);
  }
  return entries;
}
