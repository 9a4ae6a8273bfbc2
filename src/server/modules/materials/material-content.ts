import type { Readable } from 'node:stream';
import { materialContentType, materialDisposition } from '#core/materials/content-type.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { parseRange } from '#server/platform/http/byte-range.ts';
import { visibleMaterial } from './visible-material.ts';

export interface MaterialContent {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/** The original bytes, whole or one range of them, streamed from storage. */
export async function materialContent(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  rangeHeader: string | undefined,
): Promise<MaterialContent> {
  const { material } = await visibleMaterial(db, actor, id);
  // Its file appears whole when the conversion ends (written beside and renamed); until then there is none.
  if (material.state === 'converting')
    throw new AppError('MATERIAL_CONVERTING', `“${material.fileName}”正在转换，请等转换完成后再查看。`);
  const size = Number(material.bytes);
  const common = {
    'accept-ranges': 'bytes',
    'content-type': materialContentType(material.fileName, material.probed),
    'content-disposition': materialDisposition(material.fileName),
    // The bytes of a material never change: its id names them.
    etag: `"${material.sha256}"`,
    'cache-control': 'private, max-age=3600',
  };
  const answer = parseRange(rangeHeader, size);
  if (answer.kind === 'unsatisfiable') {
    return {
      status: 416,
      headers: { 'accept-ranges': 'bytes', 'content-range': `bytes */${size}` },
      body: null,
    };
  }
  const open = (r?: { start: number; end: number }) =>
    storage.read(material.storageKey, r).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT')
        throw new AppError('NOT_FOUND', `文件“${material.fileName}”的内容已不在存储中，请重新上传。`);
      throw e;
    });
  if (answer.kind === 'partial') {
    const { range } = answer;
    return {
      status: 206,
      headers: {
        ...common,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': String(range.end - range.start + 1),
      },
      body: await open(range),
    };
  }
  return { status: 200, headers: { ...common, 'content-length': String(size) }, body: await open() };
}
