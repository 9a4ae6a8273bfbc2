/**
 * Judges a probed document (the project's 工作总结 as DOCX, DOC or PDF) against a document slot: the real
 * format by content, the extension it carries, and a minimum size when the campaign sets one.
 */
import { error, type Finding, warning } from '../findings.ts';
import { formatMegabytes } from './format-values.ts';
import { SPEC_FORMAT_LABELS } from './labels.ts';
import type { DocumentFormat, ProbedDocument } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF 文档',
  docx: 'Word 文档（.docx）',
  doc: '旧版 Word 文档（.doc）',
  xlsx: 'Excel 表格（.xlsx）',
  xls: '旧版 Excel 表格（.xls）',
  pptx: 'PowerPoint 演示文稿（.pptx）',
  ppt: '旧版 PowerPoint 演示文稿（.ppt）',
  zip: 'ZIP 压缩包',
  ole: '无法识别的旧版 Office 文件',
};

/** The extensions each format is normally saved with. */
const EXTENSIONS: Record<DocumentFormat, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  doc: ['doc'],
  xlsx: ['xlsx'],
  xls: ['xls'],
  pptx: ['pptx'],
  ppt: ['ppt'],
  zip: ['zip'],
  ole: [],
};

function requiredFormats(slot: MaterialSlotSpec): string {
  return slot.formats.map((format) => SPEC_FORMAT_LABELS[format] ?? format).join('或');
}

function extensionOf(fileName: string | undefined): string | undefined {
  return fileName ? /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() : undefined;
}

function checkFormat(document: ProbedDocument, slot: MaterialSlotSpec, fileName?: string): Finding[] {
  const actual = DOCUMENT_FORMAT_LABELS[document.format];
  if (!(slot.formats as string[]).includes(document.format)) {
    return [
      error(
        'DOCUMENT_FORMAT',
        'format',
        `文件实际为 ${actual}，要求 ${requiredFormats(slot)}，请在 Word 或 WPS 中打开后另存为 ${requiredFormats(slot)}再上传；只改扩展名无效。`,
      ),
    ];
  }
  const extension = extensionOf(fileName);
  if (extension !== undefined && !EXTENSIONS[document.format].includes(extension)) {
    return [
      warning(
        'FILE_EXTENSION_MISMATCH',
        'fileName',
        `文件扩展名是 .${extension}，但内容为 ${actual}，请把扩展名改为 .${EXTENSIONS[document.format][0]}，以免评审人员无法打开。`,
      ),
    ];
  }
  return [];
}

function checkBytes(document: ProbedDocument, slot: MaterialSlotSpec): Finding[] {
  if (slot.minBytes === undefined || document.bytes >= slot.minBytes) return [];
  return [
    error(
      'DOCUMENT_TOO_SMALL',
      'bytes',
      `文件大小为 ${formatMegabytes(document.bytes)}，要求不低于 ${formatMegabytes(slot.minBytes)}，请确认上传的是完整的文档。`,
    ),
  ];
}

export function checkDocument(
  document: ProbedDocument,
  slot: MaterialSlotSpec,
  fileName?: string,
): Finding[] {
  return [...checkFormat(document, slot, fileName), ...checkBytes(document, slot)];
}
