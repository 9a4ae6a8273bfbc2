/**
 * A file of a nomination under review, for the expert it is assigned to: only a file frozen into the
 * nomination's submitted snapshot, streamed whole or by byte range so the scoring screen's video player
 * can seek. Everyone else gets 404, as for a file that is not there.
 */
import type { Readable } from 'node:stream';
import { materialContentType, materialDisposition } from '#core/materials/content-type.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { parseRange } from '#server/platform/http/byte-range.ts';
import { reviewPlace } from './review-access.ts';
import { shownFileName, snapshotFiles } from './scoring-presenter.ts';

export interface ReviewFileContent {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

export async function getReviewFile(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  params: { roundId: string; nominationId: string; materialId: string },
  rangeHeader: string | undefined,
  ifRange: string | undefined,
): Promise<ReviewFileContent> {
  const { nomination, round } = await reviewPlace(db, actor, params.roundId, params.nominationId);
  const files = snapshotFiles(nomination.snapshot);
  const frozen = files.find((f) => f.materialId === params.materialId);
  // Read only: the materials module writes this table; the snapshot names which rows were submitted.
  const material =
    frozen &&
    (await db
      .selectFrom('materials')
      .select(['storageKey', 'fileName', 'bytes', 'sha256', 'probed'])
      .where('id', '=', frozen.materialId)
      .where('nominationId', '=', nomination.id)
      .executeTakeFirst());
  if (!frozen || !material || material.sha256 !== frozen.sha256) throw notFound('文件');
  const size = Number(material.bytes);
  const etag = `"${material.sha256}"`;
  const common = {
    'accept-ranges': 'bytes',
    'content-type': materialContentType(material.fileName, material.probed as Probed | null),
    'content-disposition': materialDisposition(
      shownFileName(files, frozen, round.blindFields.includes('unit')),
    ),
    etag,
    'cache-control': 'private, max-age=3600',
  };
  const answer = parseRange(rangeHeader, size, { ifRange, etag });
  if (answer.kind === 'unsatisfiable')
    return {
      status: 416,
      headers: { 'accept-ranges': 'bytes', 'content-range': `bytes */${size}` },
      body: null,
    };
  const open = (range?: { start: number; end: number }) =>
    storage.read(material.storageKey, range).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT')
        throw new AppError('NOT_FOUND', `文件“${material.fileName}”的内容已不在存储中。`);
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
