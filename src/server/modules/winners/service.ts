import type { Category } from '../../../core/campaign/rules.ts';
import { parseWinnerRows } from '../../../core/nomination/winner-import.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { readTable } from '../../platform/documents/read-table.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { canManageWinners } from './rules.ts';

/** Imports a published list of winners: all rows or none, every bad cell reported by row and column. */
export async function importWinners(db: Db, actor: Actor, file: { buffer: Buffer; filename: string }) {
  if (!canManageWinners(actor)) throw forbidden();
  const rows = await readTable(file.buffer, file.filename);
  const { records, errors } = parseWinnerRows(rows);
  if (errors.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `导入文件有 ${errors.length} 处错误，未导入任何数据。请修改后重新上传。`,
      { errors },
    );
  }
  if (records.length === 0) throw new AppError('IMPORT_INVALID', '表格中没有数据行', { errors: [] });
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('previousWinners')
      .values(
        records.map((r) => ({
          organisationId: actor.organisationId,
          year: r.year,
          level: r.level,
          category: r.category,
          name: r.name,
          provinceOrUnit: r.province ?? null,
          workUnit: r.unit ?? null,
          birthDate: r.birthDate ?? null,
          idNumber: r.idNumber ?? null,
          creditCode: r.creditCode ?? null,
          importedBy: actor.accountId,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'winners.imported',
      entityType: 'winners',
      entityId: null,
      scopePath: actor.organisationPath,
      after: { count: records.length, file: file.filename },
    });
    return { imported: records.length };
  });
}

export async function listWinners(
  db: Db,
  actor: Actor,
  f: { q?: string; category?: Category; page: number; pageSize: number },
) {
  if (!canManageWinners(actor)) throw forbidden();
  let query = db.selectFrom('previousWinners');
  if (f.category) query = query.where('category', '=', f.category);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', like), eb('provinceOrUnit', 'ilike', like), eb('workUnit', 'ilike', like)]),
    );
  }
  const [items, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy('name')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
