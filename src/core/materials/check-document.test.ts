import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { checkMaterial } from './check-material.ts';
import type { ProbedDocument, ProbedImage } from './probed.ts';
import { MEBIBYTE } from './spec.ts';

const workSummary = getTemplate('national-2024')!.materials.project.slots.find(
  (s) => s.id === 'workSummary',
)!;
const doc = (format: ProbedDocument['format'], bytes = 40_000): ProbedDocument => ({
  kind: 'document',
  format,
  bytes,
});
const codes = (findings: { code: string; severity: string }[], severity = 'error') =>
  findings.filter((f) => f.severity === severity).map((f) => f.code);

describe('checkMaterial: documents (工作总结)', () => {
  it.each(['docx', 'doc', 'pdf'] as const)('accepts a %s work summary', (format) => {
    expect(checkMaterial(doc(format), workSummary, { fileName: `工作总结.${format}` })).toEqual([]);
  });

  it('refuses an Excel workbook by its content, naming what it is and what to do', () => {
    const findings = checkMaterial(doc('xlsx'), workSummary, { fileName: '工作总结.docx' });
    expect(codes(findings)).toEqual(['DOCUMENT_FORMAT']);
    expect(findings[0]!.message).toContain(
      '文件实际为 Excel 表格（.xlsx），要求 Word（.docx）或Word（.doc）或PDF（.pdf）',
    );
    expect(findings[0]!.message).toContain('只改扩展名无效');
  });

  it('warns when a PDF carries a Word extension', () => {
    const findings = checkMaterial(doc('pdf'), workSummary, { fileName: '总结.docx' });
    expect(codes(findings)).toEqual([]);
    expect(codes(findings, 'warning')).toEqual(['FILE_EXTENSION_MISMATCH']);
    expect(findings[0]!.message).toContain('请把扩展名改为 .pdf');
  });

  it('refuses a document above the cap and a photo in the document slot', () => {
    expect(codes(checkMaterial(doc('pdf', 60 * MEBIBYTE), workSummary))).toEqual(['FILE_TOO_LARGE']);
    const photo: ProbedImage = {
      kind: 'image',
      format: 'jpeg',
      bytes: 2 * MEBIBYTE,
      width: 2000,
      height: 1500,
      dpi: 'unknown',
      dpiSource: 'none',
    };
    const findings = checkMaterial(photo, workSummary);
    expect(codes(findings)).toEqual(['MATERIAL_KIND_MISMATCH']);
    expect(findings[0]!.message).toContain('文件是图片，此处要求上传文档');
  });

  it('applies a campaign minimum size', () => {
    const findings = checkMaterial(doc('docx', 2000), { ...workSummary, minBytes: 10_000 });
    expect(codes(findings)).toEqual(['DOCUMENT_TOO_SMALL']);
  });
});
