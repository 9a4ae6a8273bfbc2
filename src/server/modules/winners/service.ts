import { sql } from 'kysely';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { PreviousWinnerRecord } from '#core/nomination/previous-winners.ts';
import { provinceOfRegion, provinceOfText } from '#core/nomination/province.ts';
import { fileYearProblem, parseWinnerRows } from '#core/nomination/winner-import.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { readTable } from '#server/platform/documents/read-table.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { sealedIdNumberColumns } from '#server/platform/personal-data/sealed-column.ts';
import { recordAudit } from '../audit/service.ts';
import { listWinnerRows, type WinnerFilter, type WinnerRow, winnerRowsOf } from './queries.ts';
import { canManageWinners } from './rules.ts';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const BATCH = 1000;

/** A record's columns as written: the 身份证号 sealed, with its match hash (decision 0016). */
export function columnsOf(r: PreviousWinnerRecord, keyring: DataKeyring = dataKeys()) {
  return {
    year: r.year,
    level: r.level,
    category: r.category,
    name: r.name,
    provinceOrUnit: r.province ?? null,
    workUnit: r.unit ?? null,
    birthDate: r.birthDate ?? null,
    ...sealedIdNumberColumns(r.idNumber, keyring),
    creditCode: r.creditCode ?? null,
  };
}

/**
 * Imports a published list of winners: all rows or none, every bad cell reported by row and column.
 * A record already kept (the same person or programme, round and year: its natural key) is updated,
 * not added again, so importing the same file twice changes nothing.
 */
export async function importWinners(
  db: Db,
  actor: Actor,
  file: { buffer: Buffer; filename: string },
  options: { year?: number; now: Date },
) {
  if (!canManageWinners(actor)) throw forbidden();
  const today = todayInShanghai(options.now);
  const yearProblem = options.year === undefined ? undefined : fileYearProblem(options.year, today);
  if (yearProblem) throw new AppError('VALIDATION_FAILED', yearProblem);
  const rows = await readTable(file.buffer, file.filename);
  const { records, errors } = parseWinnerRows(rows, { year: options.year, today });
  if (errors.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `导入文件有 ${errors.length} 处错误，未导入任何数据。请修改后重新上传。`,
      { errors },
    );
  }
  if (records.length === 0) throw new AppError('IMPORT_INVALID', '表格中没有数据行', { errors: [] });
  return db.transaction().execute(async (trx) => {
    let imported = 0;
    let updated = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const written = await trx
        .insertInto('previousWinners')
        .values(
          records.slice(i, i + BATCH).map((r) => ({
            ...columnsOf(r),
            organisationId: actor.organisationId,
            importedBy: actor.accountId,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['organisationId', 'year', 'level', 'category', 'naturalKey'])
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              provinceOrUnit: eb.ref('excluded.provinceOrUnit'),
              workUnit: eb.ref('excluded.workUnit'),
              birthDate: eb.ref('excluded.birthDate'),
              idNumber: null,
              idNumberSealed: eb.ref('excluded.idNumberSealed'),
              idNumberHash: eb.ref('excluded.idNumberHash'),
              dataKeyId: eb.ref('excluded.dataKeyId'),
              creditCode: eb.ref('excluded.creditCode'),
              updatedBy: actor.accountId,
              updatedAt: options.now,
              version: sql<number>`previous_winners.version + 1`,
            }))
            // A record the file repeats unchanged is left alone, and not counted as updated. The ID
            // number is compared by its hash: each sealing of the same number differs.
            .where(
              sql<boolean>`(previous_winners.name, previous_winners.province_or_unit, previous_winners.work_unit,
                previous_winners.birth_date, previous_winners.id_number_hash, previous_winners.credit_code)
                IS DISTINCT FROM (excluded.name, excluded.province_or_unit, excluded.work_unit,
                excluded.birth_date, excluded.id_number_hash, excluded.credit_code)`,
            ),
        )
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      for (const row of written) row.inserted ? imported++ : updated++;
    }
    const unchanged = records.length - imported - updated;
    await recordAudit(trx, actor, {
      action: 'winners.imported',
      entityType: 'winners',
      entityId: null,
      scopePath: actor.organisationPath,
      after: { file: file.filename, year: options.year ?? null, imported, updated, unchanged },
    });
    return { imported, updated, unchanged };
  });
}

export async function listWinners(db: Db, actor: Actor, filter: WinnerFilter) {
  if (!canManageWinners(actor)) throw forbidden();
  return listWinnerRows(db, actor.organisationPath, filter);
}

/**
 * A kept record as the registry compares it: a title won in the keeper's round. Its ID number is the
 * keyed hash, as a nomination's is (decision 0016): core compares them for equality only.
 */
export function recordOfWinner(w: WinnerRow): PreviousWinnerRecord & { keeperPath: string } {
  return {
    year: w.year,
    level: w.level,
    category: w.category,
    name: w.name,
    province: w.provinceOrUnit ?? undefined,
    unit: w.workUnit ?? undefined,
    birthDate: w.birthDate ?? undefined,
    idNumber: w.idNumberHash ?? undefined,
    creditCode: w.creditCode ?? undefined,
    // The list's 省份 column, else the keeper's own province (a province's list names its cities).
    provinceCode: provinceOfText(w.provinceOrUnit ?? undefined) ?? provinceOfRegion(w.organisationRegion),
    organiserId: w.organisationId,
    organiserName: w.organisationName,
    outcome: 'won',
    keeperPath: w.organisationPath,
  };
}

/** Every kept record of a category, for the registry check of nominations. */
export async function winnerRecords(db: Db | Trx, category: Category) {
  return (await winnerRowsOf(db, category)).map(recordOfWinner);
}
