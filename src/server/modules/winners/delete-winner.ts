import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { findWinner } from './queries.ts';
import { canEditWinnerOf, canReadWinnerOf } from './rules.ts';
import { auditedWinner } from './update-winner.ts';

/** An organiser removes a record entered by mistake; the audit keeps what it was. */
export async function deleteWinner(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await findWinner(trx, id, true);
    if (!before || !canReadWinnerOf(actor, before.organisationPath)) throw notFound('记录');
    if (!canEditWinnerOf(actor, before.organisationPath))
      throw forbidden(`这条记录由${before.organisationName}登记，只有该单位可以删除`);
    await trx.deleteFrom('previousWinners').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'winners.deleted',
      entityType: 'winner',
      entityId: id,
      scopePath: before.organisationPath,
      before: auditedWinner(before),
    });
  });
}
