import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { visibleNomination } from '../nominations/service.ts';
import { findMaterial } from './queries.ts';
import {
  type MaterialAction,
  type MaterialSubject,
  materialRules,
  notEditableMessage,
  subjectOf,
} from './rules.ts';

/**
 * A material the actor may see, with its nomination (locked when `lock`, for writes). Another unit's
 * file does not exist for the caller: the same 404 as a wrong id, so ids reveal nothing.
 */
export async function visibleMaterial(db: Db | Trx, actor: Actor, id: string, lock = false) {
  const found = await findMaterial(db, id);
  if (!found) throw notFound('材料');
  const nomination = await visibleNomination(db, actor, found.nominationId, lock).catch(() => {
    throw notFound('材料');
  });
  const subject = subjectOf(nomination);
  if (!materialRules.can(actor, 'view', subject)) throw notFound('材料');
  // Read again under the nomination's lock: a concurrent delete or choose has finished by now.
  const material = lock ? await findMaterial(db, id) : found;
  if (!material) throw notFound('材料');
  return { material, nomination, subject };
}

/** Refuses with the reason: another role's action, or the nomination is no longer editable. */
export function authorizeMaterial(actor: Actor, action: MaterialAction, subject: MaterialSubject) {
  if (materialRules.can(actor, action, subject)) return;
  if (action !== 'waive' && materialRules.can(actor, 'upload', { ...subject, state: 'draft' })) {
    throw new AppError('NOMINATION_NOT_EDITABLE', notEditableMessage(subject.state));
  }
  if (action === 'waive') throw new AppError('FORBIDDEN', '只有本活动的组织单位可以豁免材料问题');
  throw new AppError('FORBIDDEN', '只有推介所属单位的填报员可以修改材料');
}
