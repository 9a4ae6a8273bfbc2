/** The published notice's files, for any signed-in account (the notice is public once published). */
import { safeFileName } from '#core/documents/file-names.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { presentNotice } from './presenter.ts';
import { findNoticeOf } from './queries.ts';
import { canDownloadNotice } from './rules.ts';

export const NOTICE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type NoticeFormat = keyof typeof NOTICE_TYPES;

export async function getResultNotice({ db }: Pick<AppContext, 'db'>, actor: Actor, campaignId: string) {
  const notice = await findNoticeOf(db, campaignId);
  if (!notice || !canDownloadNotice(actor, { published: true })) throw notFound('推介结果通知');
  return presentNotice(notice);
}

export async function openNoticeFile(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  campaignId: string,
  format: NoticeFormat,
) {
  const notice = await findNoticeOf(db, campaignId);
  if (!notice || !canDownloadNotice(actor, { published: true })) throw notFound('推介结果通知');
  const key = { docx: notice.docxKey, pdf: notice.pdfKey, xlsx: notice.xlsxKey }[format];
  if (!key) throw new AppError('PDF_UNAVAILABLE', presentNotice(notice).pdfNote ?? '该格式的文件不存在');
  const name = format === 'xlsx' ? `${notice.year}年推介结果名单` : notice.title;
  return {
    body: await storage.read(key),
    type: NOTICE_TYPES[format],
    fileName: safeFileName(name, format),
  };
}
