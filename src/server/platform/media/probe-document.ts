/**
 * Measures a document by its bytes: PDF (`%PDF-` … `%%EOF`), Office Open XML (a ZIP whose central
 * directory names `word/document.xml`, `xl/workbook.xml` or `ppt/presentation.xml`) and old Office
 * binaries (an OLE compound file holding a `WordDocument`, `Workbook` or `PowerPoint Document` stream).
 * Reads the head, the tail and the ZIP directory only; an OLE file is scanned in chunks, never held whole.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { DocumentFormat, ProbedDocument, ProbeFailure } from '#core/materials/probed.ts';
import { unreadable } from './failure.ts';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = 0x06054b50;
const ZIP_ENTRY = 0x02014b50;
/** The end record (22 bytes) plus the longest archive comment. */
const ZIP_END_SEARCH = 22 + 0xffff;
/** A work summary's directory is a few KB; more than this is not a document we accept. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

const PDF_TRUNCATED =
  'PDF 文件不完整（缺少文件结尾），可能是导出、复制或上传中断。请重新导出或另存为 PDF 后再上传。';
const ZIP_TRUNCATED =
  'Office 文档不完整或已损坏（找不到文件目录），可能是复制或上传中断。请在 Word 或 WPS 中打开确认后重新保存再上传。';

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function probePdf(path: string, bytes: number): Promise<ProbedDocument | ProbeFailure> {
  // Writers may append a newline or a little padding after %%EOF; 1 KB of tail covers them.
  const tailLength = Math.min(bytes, 1024);
  const tail = await readAt(path, bytes - tailLength, tailLength);
  if (!tail.toString('latin1').includes('%%EOF')) return unreadable('TRUNCATED', PDF_TRUNCATED);
  return { kind: 'document', format: 'pdf', bytes };
}

/** Names of the entries in a ZIP's central directory, or undefined when it has none (cut or damaged). */
async function zipEntryNames(path: string, bytes: number): Promise<string[] | undefined> {
  const searchLength = Math.min(bytes, ZIP_END_SEARCH);
  const tail = await readAt(path, bytes - searchLength, searchLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== ZIP_END) continue;
    const directoryBytes = tail.readUInt32LE(i + 12);
    const directoryOffset = tail.readUInt32LE(i + 16);
    if (directoryBytes > MAX_DIRECTORY_BYTES || directoryOffset + directoryBytes > bytes) return undefined;
    const directory = await readAt(path, directoryOffset, directoryBytes);
    const names: string[] = [];
    let at = 0;
    while (at + 46 <= directory.length && directory.readUInt32LE(at) === ZIP_ENTRY) {
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      names.push(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

async function probeZip(path: string, bytes: number): Promise<ProbedDocument | ProbeFailure> {
  const names = await zipEntryNames(path, bytes);
  if (!names) return unreadable('TRUNCATED', ZIP_TRUNCATED);
  const has = (name: string) => names.includes(name);
  const format: DocumentFormat = has('word/document.xml')
    ? 'docx'
    : has('xl/workbook.xml')
      ? 'xlsx'
      : has('ppt/presentation.xml')
        ? 'pptx'
        : 'zip';
  return { kind: 'document', format, bytes };
}

/** Stream names of an OLE file appear in its directory as UTF-16LE; which one is there says what it is. */
const OLE_STREAMS: [DocumentFormat, Buffer][] = [
  ['doc', Buffer.from('WordDocument', 'utf16le')],
  ['xls', Buffer.from('Workbook', 'utf16le')],
  ['ppt', Buffer.from('PowerPoint Document', 'utf16le')],
];

async function probeOle(path: string, bytes: number): Promise<ProbedDocument> {
  const overlap = Math.max(...OLE_STREAMS.map(([, name]) => name.length));
  let previous = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const window = Buffer.concat([previous, chunk as Buffer]);
    for (const [format, name] of OLE_STREAMS) {
      if (window.includes(name)) return { kind: 'document', format, bytes };
    }
    previous = window.subarray(Math.max(0, window.length - overlap));
  }
  return { kind: 'document', format: 'ole', bytes };
}

/** A document's measurements, a failure for a damaged one, or undefined when the bytes are no document. */
export async function probeDocument(
  path: string,
  bytes: number,
): Promise<ProbedDocument | ProbeFailure | undefined> {
  const head = await readAt(path, 0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return probePdf(path, bytes);
  if (head.subarray(0, 4).equals(ZIP_LOCAL)) return probeZip(path, bytes);
  if (head.equals(OLE_MAGIC)) return probeOle(path, bytes);
  return undefined;
}
