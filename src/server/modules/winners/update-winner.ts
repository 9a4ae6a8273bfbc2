import { todayInShanghai } from '#core/calendar/today.ts';
import { parseWinnerRows, WINNER_COLUMNS } from '#core/nomination/winner-import.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound, staleVersion } from '#server/platform/errors.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { maskOfColumn, openColumn } from '#server/platform/personal-data/sealed-column.ts';
import { recordAudit } from '../audit/service.ts';
import { findWinner, type WinnerRow } from './queries.ts';
import { canEditWinnerOf, canReadWinnerOf } from './rules.ts';
import { columnsOf } from './service.ts';

export interface WinnerCorrection {
  year: number;
  level: string;
  category: string;
  name: string;
  provinceOrUnit?: string | null;
  workUnit?: string | null;
  /** Left out: unchanged (the list shows it masked); empty: removed. */
  idNumber?: string | null;
  creditCode?: string | null;
  version: number;
}

/** What the audit keeps of a record: everything but the 身份证号 in full (PIPL). */
export function auditedWinner(
  w: Pick<
    WinnerRow,
    'year' | 'level' | 'category' | 'name' | 'provinceOrUnit' | 'workUnit' | 'idNumberSealed' | 'creditCode'
  >,
) {
  return {
    year: w.year,
    level: w.level,
    category: w.category,
    name: w.name,
    provinceOrUnit: w.provinceOrUnit,
    workUnit: w.workUnit,
    idNumber: maskOfColumn(w.idNumberSealed),
    creditCode: w.creditCode,
  };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/** An organiser corrects a kept record; it is checked as an imported row is, and audited. */
export async function updateWinner(db: Db, actor: Actor, id: string, input: WinnerCorrection, now: Date) {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await findWinner(trx, id, true);
      if (!before || !canReadWinnerOf(actor, before.organisationPath)) throw notFound('记录');
      if (!canEditWinnerOf(actor, before.organisationPath))
        throw forbidden(`这条记录由${before.organisationName}登记，只有该单位可以修改`);
      if (before.version !== input.version) throw staleVersion();
      const C = WINNER_COLUMNS;
      // Left out, the number kept is opened and checked again with the rest, then sealed anew.
      const idNumber =
        input.idNumber === undefined
          ? (openColumn('idNumber', before.idNumberSealed, dataKeys()) ?? '')
          : (input.idNumber ?? '');
      const { records, errors } = parseWinnerRows(
        [
          {
            [C.year]: String(input.year),
            [C.level]: input.level,
            [C.category]: input.category,
            [C.name]: input.name,
            [C.province]: input.provinceOrUnit ?? '',
            [C.unit]: input.workUnit ?? '',
            [C.idNumber]: idNumber,
            [C.creditCode]: input.creditCode ?? '',
          },
        ],
        { today: todayInShanghai(now) },
      );
      if (errors.length > 0 || !records[0]) {
        throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.column}：${e.message}`).join('；'), {
          errors,
        });
      }
      await trx
        .updateTable('previousWinners')
        .set({
          ...columnsOf(records[0]),
          version: before.version + 1,
          updatedBy: actor.accountId,
          updatedAt: now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await findWinner(trx, id))!;
      await recordAudit(trx, actor, {
        action: 'winners.corrected',
        entityType: 'winner',
        entityId: id,
        scopePath: before.organisationPath,
        before: auditedWinner(before),
        after: auditedWinner(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'DUPLICATE_WINNER',
        '名单中已有同一人员或项目在同一级别、同一年度的记录，请核对后修改那一条',
      );
    throw error;
  }
}
