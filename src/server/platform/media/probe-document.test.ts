import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '#test/fixtures/media/generate.ts';
import { probeMaterial } from './probe-material.ts';

const folder = tempFolder('tuijie-docs-');
const file = (name: string) => join(folder.dir, name);
const probe = (name: string) => probeMaterial(file(name), { maxBytes: 50 * 1024 * 1024 });

const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/** An OLE compound file header followed by a directory entry naming the stream. */
function ole(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
}

beforeAll(async () => {
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('工作总结')] }] }));
  writeFileSync(file('summary.docx'), docx);
  writeFileSync(file('cut.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('表').addRow(['工作总结']);
  writeFileSync(file('summary.xlsx.docx'), Buffer.from(await workbook.xlsx.writeBuffer()));
  writeFileSync(file('summary.pdf'), PDF);
  writeFileSync(file('cut.pdf'), PDF.slice(0, 60));
  writeFileSync(file('old.doc'), ole('WordDocument'));
  writeFileSync(file('old.xls'), ole('Workbook'));
  writeFileSync(file('notes.txt'), '这是一段纯文本，不是文档。');
});
afterAll(() => folder.remove());

describe('probeMaterial: documents by content', () => {
  it.each([
    ['summary.docx', 'docx'],
    ['summary.xlsx.docx', 'xlsx'],
    ['summary.pdf', 'pdf'],
    ['old.doc', 'doc'],
    ['old.xls', 'xls'],
  ])('%s is %s', async (name, format) => {
    expect(await probe(name)).toMatchObject({ kind: 'document', format });
  });

  it.each([
    ['cut.docx', 'Office 文档不完整'],
    ['cut.pdf', 'PDF 文件不完整'],
  ])('%s is truncated, with the reason', async (name, reason) => {
    const probed = await probe(name);
    expect(probed).toMatchObject({ kind: 'unreadable', code: 'TRUNCATED' });
    expect(probed.kind === 'unreadable' && probed.reason).toContain(reason);
  });

  it('names documents among what an unknown file is not', async () => {
    const probed = await probe('notes.txt');
    expect(probed).toMatchObject({ kind: 'unreadable', code: 'UNKNOWN_FORMAT' });
    expect(probed.kind === 'unreadable' && probed.reason).toContain('也不是 Word、PDF 文档');
  });
});
