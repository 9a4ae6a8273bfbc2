/**
 * Measures any uploaded or local file: size first (by `stat`, before reading a byte), then the first
 * bytes to tell an image from a video, then the matching probe. Never throws for a bad file: every
 * problem comes back as `{ kind: 'unreadable', code, reason }`.
 */
import { open, stat } from 'node:fs/promises';
import { formatMegabytes } from '#core/materials/format-values.ts';
import type { Probed } from '#core/materials/probed.ts';
import { unreadable } from './failure.ts';
import { type ProbeImageOptions, probeImage } from './probe-image.ts';
import { type ProbeVideoOptions, probeVideo } from './probe-video.ts';
import { SNIFF_BYTES, sniff } from './sniff.ts';

export interface ProbeFileOptions extends ProbeImageOptions, ProbeVideoOptions {
  /** Refuse larger files without reading them (MAX_BYTES[slot.kind] for uploads). */
  maxBytes: number;
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function statFailure(caught: unknown) {
  const code = (caught as { code?: string }).code;
  if (code === 'ENOENT') return unreadable('NOT_FOUND', '找不到该文件，请检查文件路径。');
  if (code === 'EACCES' || code === 'EPERM')
    return unreadable('PROBE_FAILED', '没有读取该文件的权限，请检查文件权限。');
  return unreadable('PROBE_FAILED', `无法读取该文件（${code ?? '未知错误'}），请检查文件后重试。`);
}

export async function probeFile(path: string, options: ProbeFileOptions): Promise<Probed> {
  let bytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return unreadable('NOT_A_FILE', '给出的路径不是文件（可能是文件夹），请选择具体的文件。');
    bytes = info.size;
  } catch (caught) {
    return statFailure(caught);
  }
  if (bytes === 0) return unreadable('EMPTY', '文件为空（0 字节），可能是上传或复制失败，请重新选择原文件。');
  if (bytes > options.maxBytes) {
    return unreadable(
      'TOO_LARGE',
      `文件大小为 ${formatMegabytes(bytes)}，超过上限 ${formatMegabytes(options.maxBytes)}，未读取。请压缩或按要求重新导出后再上传。`,
    );
  }
  try {
    const head = await readHead(path);
    const sniffed = sniff(head);
    if (sniffed.kind === 'image') return await probeImage(path, bytes, options);
    if (sniffed.kind === 'video') return await probeVideo(path, bytes, options, sniffed.isoMedia);
    return unreadable(
      'UNKNOWN_FORMAT',
      '无法识别的文件格式：既不是 JPEG、PNG 等图片，也不是 MP4 等视频。请确认选对了文件；只改扩展名无法改变文件格式。',
    );
  } catch (caught) {
    return statFailure(caught);
  }
}
