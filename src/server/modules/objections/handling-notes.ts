/**
 * 调查核实: the handler's notes and files on the log (not a state change), and the files' bytes for who
 * may see them: the handlers all; the nominating unit only its own explanation's files.
 */
import { materialDisposition } from '#core/materials/content-type.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { addEvent, findObjection, type ObjectionRow } from './queries.ts';
import { objectionRules } from './rules.ts';
import { type IncomingFile, recordFiles, removeStored, storeFiles } from './store-files.ts';
import { subjectOf } from './subject.ts';

async function handledRow(db: Db | Trx, actor: Actor, id: string, lock = false): Promise<ObjectionRow> {
  const row = await findObjection(db, id, lock);
  if (!row || !objectionRules.can(actor, 'handle', subjectOf(row))) throw notFound('异议');
  if (row.state === 'replied') throw new AppError('OBJECTION_MOVE_NOT_ALLOWED', '异议已答复，办理已结束。');
  return row;
}

export async function addObjectionNote(db: Db, actor: Actor, id: string, note: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    const row = await handledRow(trx, actor, id, true);
    await addEvent(trx, { objectionId: id, kind: 'note', label: '核实记录', note, actor, at: now });
    await recordAudit(trx, actor, {
      action: 'objection.note_added',
      entityType: 'objection',
      entityId: id,
      scopePath: row.organiserPath,
      after: { receipt: row.receipt },
    });
  });
}

export async function addObjectionFiles(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  files: IncomingFile[],
  now: Date,
) {
  const row = await handledRow(db, actor, id);
  if (files.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择要上传的调查核实材料（PDF 或 JPEG）。');
  const stored = await storeFiles(storage, `objections/${row.announcementId}/${row.receipt}`, files);
  try {
    await db.transaction().execute(async (trx) => {
      await recordFiles(trx, id, 'investigation', stored, actor.accountId);
      const names = stored.map((f) => f.fileName).join('、');
      await addEvent(trx, {
        objectionId: id,
        kind: 'file_added',
        label: '添加调查核实材料',
        note: names,
        actor,
        at: now,
      });
      await recordAudit(trx, actor, {
        action: 'objection.files_added',
        entityType: 'objection',
        entityId: id,
        scopePath: row.organiserPath,
        after: { receipt: row.receipt, files: names },
      });
    });
  } catch (error) {
    await removeStored(storage, stored);
    throw error;
  }
}

export async function objectionFileContent(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  fileId: string,
) {
  const row = await findObjection(db, id);
  const file = await db
    .selectFrom('objectionFiles')
    .selectAll()
    .where('id', '=', fileId)
    .where('objectionId', '=', id)
    .executeTakeFirst();
  if (!row || !file) throw notFound('材料');
  const subject = subjectOf(row);
  const may =
    objectionRules.can(actor, 'handle', subject) ||
    (file.stage === 'explanation' && objectionRules.can(actor, 'viewAsUnit', subject));
  if (!may) throw notFound('材料');
  return {
    headers: {
      'content-type': file.contentType,
      'content-disposition': materialDisposition(file.fileName),
      'content-length': String(file.bytes),
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    },
    body: await storage.read(file.storageKey),
  };
}
