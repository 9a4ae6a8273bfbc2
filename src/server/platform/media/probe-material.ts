/**
 * The one probe uploads and `tuijie check` both run: images and videos through probeFile, and what
 * that does not recognise tried as a document (工作总结: DOCX, DOC, PDF), so the server and the command
 * line measure every file the same way.
 */
import { stat } from 'node:fs/promises';
import type { Probed } from '#core/materials/probed.ts';
import { unreadable } from './failure.ts';
import { probeDocument } from './probe-document.ts';
import { type ProbeFileOptions, probeFile } from './probe-file.ts';

const UNKNOWN_REASON =
  '无法识别的文件格式：既不是 JPEG、PNG 等图片或 MP4 等视频，也不是 Word、PDF 文档。请确认选对了文件；只改扩展名无法改变文件格式。';

export async function probeMaterial(path: string, options: ProbeFileOptions): Promise<Probed> {
  const probed = await probeFile(path, options);
  if (probed.kind !== 'unreadable' || probed.code !== 'UNKNOWN_FORMAT') return probed;
  try {
    const { size } = await stat(path);
    return (await probeDocument(path, size)) ?? unreadable('UNKNOWN_FORMAT', UNKNOWN_REASON);
  } catch (caught) {
    const code = (caught as { code?: string }).code ?? '未知错误';
    return unreadable('PROBE_FAILED', `无法读取该文件（${code}），请检查文件后重试。`);
  }
}
