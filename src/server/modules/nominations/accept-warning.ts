import { PROJECT_OVERRIDABLE, STAR_OVERRIDABLE } from '#core/nomination/index.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { findNomination } from './queries.ts';
import { nominationRules } from './rules.ts';
import { visibleNomination } from './service.ts';

/**
 * The organiser accepts an overridable warning (县处级及以上 for a star, a 统一社会信用代码 whose check
 * character fails) with a reason. The warning stays visible, marked accepted, for reviewers.
 */
export async function acceptWarning(
  db: Db,
  actor: Actor,
  id: string,
  input: { code: string; reason: string },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const n = await visibleNomination(trx, actor, id, true);
    nominationRules.authorize(actor, 'actAsOrganiser', n);
    const overridable = n.category === 'star' ? STAR_OVERRIDABLE : PROJECT_OVERRIDABLE;
    if (!overridable.has(input.code)) {
      throw new AppError('VALIDATION_FAILED', '所选的提示不能由组织单位确认接受，请刷新页面后重试');
    }
    const overrides = [
      ...n.overrides.filter((o) => o.code !== input.code),
      { code: input.code, reason: input.reason, by: actor.displayName, at: now.toISOString() },
    ];
    await trx
      .updateTable('nominations')
      .set({ overrides: JSON.stringify(overrides), version: n.version + 1, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'nomination.warning_accepted',
      entityType: 'nomination',
      entityId: id,
      scopePath: n.unitPath,
      after: { code: input.code, reason: input.reason },
    });
    return (await findNomination(trx, id))!;
  });
}
