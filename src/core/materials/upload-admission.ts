/**
 * Whether an upload may start, judged from what is known before a byte is sent: the slot, how many files
 * it already holds, the declared length and the file name. The server refuses a tus creation with these
 * findings; the browser runs the same function before it starts sending. The file's real format is
 * judged later by its content (checkMaterial), so a wrong extension is only a hint here.
 */
import { error, type Finding, warning } from '../findings.ts';
import { checkFileName } from './file-name.ts';
import { formatMegabytes } from './format-values.ts';
import { SPEC_FORMAT_LABELS } from './labels.ts';
import { slotMaxBytes } from './limits.ts';
import type { MaterialFormat, MaterialSlotSpec } from './spec.ts';

export const FORMAT_EXTENSIONS: Record<MaterialFormat, string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe'],
  png: ['png'],
  mp4: ['mp4', 'm4v'],
  docx: ['docx'],
  doc: ['doc'],
  pdf: ['pdf'],
};

export interface UploadRequest {
  /** The slot the metadata names, or undefined when the nomination has no such slot. */
  slot: MaterialSlotSpec | undefined;
  /** 「2寸免冠彩色证件照」: how messages name the slot. */
  slotName: string;
  /** Files already uploaded to the slot (converted copies not counted: they share their original's place). */
  existingFiles: number;
  /** `Upload-Length`; undefined when the client did not declare it. */
  declaredBytes: number | undefined;
  fileName: string;
}

function extensionOf(fileName: string): string | undefined {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
}

function extensionHint(slot: MaterialSlotSpec, fileName: string, field: string): Finding[] {
  const ext = extensionOf(fileName);
  const accepted = slot.formats.flatMap((f) => FORMAT_EXTENSIONS[f]);
  if (ext && accepted.includes(ext)) return [];
  const wanted = slot.formats.map((f) => SPEC_FORMAT_LABELS[f] ?? f).join('、');
  return [
    warning(
      'UPLOAD_EXTENSION_UNEXPECTED',
      field,
      `文件“${fileName}”的扩展名${ext ? `为 .${ext}` : '缺失'}，此处要求 ${wanted}。上传后将按文件实际内容检查；只改扩展名不能改变格式，请确认选对了文件。`,
    ),
  ];
}

/** Findings about an upload before it starts; any error refuses it. */
export function checkUploadAdmission(request: UploadRequest): Finding[] {
  const { slot, slotName, declaredBytes, fileName } = request;
  if (!slot) {
    return [
      error(
        'UPLOAD_SLOT_UNKNOWN',
        'slotId',
        `此推介没有${slotName}这一项材料，请从材料列表中选择要上传的项目。`,
      ),
    ];
  }
  const nameFindings = checkFileName(fileName);
  if (nameFindings.length > 0) return nameFindings;
  if (request.existingFiles >= slot.count.max) {
    return [
      error(
        'UPLOAD_SLOT_FULL',
        'slotId',
        `${slotName}最多 ${slot.count.max} 个文件，已经上传了 ${request.existingFiles} 个。如需更换，请先删除不要的文件。`,
      ),
    ];
  }
  if (declaredBytes === undefined || !Number.isSafeInteger(declaredBytes) || declaredBytes < 0) {
    return [
      error('UPLOAD_LENGTH_UNKNOWN', 'bytes', '上传请求没有给出文件大小，请使用平台的上传按钮重新上传。'),
    ];
  }
  if (declaredBytes === 0) {
    return [
      error(
        'UPLOAD_EMPTY',
        'bytes',
        `文件“${fileName}”为空（0 字节），可能是复制或导出失败，请重新选择原文件。`,
      ),
    ];
  }
  const cap = slotMaxBytes(slot);
  if (declaredBytes > cap) {
    return [
      error(
        'UPLOAD_TOO_LARGE',
        'bytes',
        `文件“${fileName}”大小为 ${formatMegabytes(declaredBytes)}，超过${slotName}单个文件上限 ${formatMegabytes(cap)}，请压缩或按要求重新导出后再上传。`,
      ),
    ];
  }
  return extensionHint(slot, fileName, 'fileName');
}
