/**
 * The organiser's handling views: the objections of a campaign's 公示 with their dues and what is late,
 * one objection with its log and files, and the objector's identity behind a separate request that is
 * logged (objection_identity_views and the audit log) each time, as PIPL asks of personal data.
 */

import { OBJECTOR_KINDS } from '#core/objection/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { presentDetail, presentListItem } from './presenter.ts';
import { findObjection, listObjectionsOfCampaign, objectionEvents, objectionFiles } from './queries.ts';
import { objectionRules } from './rules.ts';
import { openedObjector } from './stored-objector.ts';
import { subjectOf } from './subject.ts';

export async function listObjections(db: Db, actor: Actor, campaignId: string, now: Date) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  if (!isOrganiserOf(actor, campaign)) throw forbidden('异议由公示的组织单位处理。');
  const announcement = await db
    .selectFrom('announcements')
    .select(['id', 'title', 'startDay', 'endDay'])
    .where('campaignId', '=', campaign.id)
    .executeTakeFirst();
  const rows = await listObjectionsOfCampaign(db, campaign.id);
  return { announcement: announcement ?? null, items: rows.map((r) => presentListItem(r, now)) };
}

/** The handler's view; anyone else is told it does not exist. */
export async function getObjection(db: Db, actor: Actor, id: string, now: Date) {
  const row = await findObjection(db, id);
  if (!row || !objectionRules.can(actor, 'handle', subjectOf(row))) throw notFound('异议');
  const [events, files] = await Promise.all([objectionEvents(db, id), objectionFiles(db, id)]);
  return { objection: presentDetail(actor, row, events, files, now) };
}

export async function viewObjectorIdentity(db: Db, actor: Actor, id: string, now: Date) {
  const row = await findObjection(db, id);
  if (!row || !objectionRules.can(actor, 'seeIdentity', subjectOf(row))) throw notFound('异议');
  // Opened here only: the one view of the identity, logged below.
  const objector = openedObjector(row.objector);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('objectionIdentityViews')
      .values({ objectionId: id, accountId: actor.accountId, viewedAt: now })
      .execute();
    await recordAudit(trx, actor, {
      action: 'objection.identity_viewed',
      entityType: 'objection',
      entityId: id,
      scopePath: row.organiserPath,
      after: { receipt: row.receipt },
    });
  });
  return {
    identity: {
      kind: objector.kind,
      kindLabel: OBJECTOR_KINDS[objector.kind],
      name: objector.kind === 'person' ? objector.name : null,
      idNumber: objector.kind === 'person' ? objector.idNumber : null,
      workplace: objector.kind === 'person' ? objector.workplace : null,
      unitName: objector.kind === 'unit' ? objector.unitName : null,
      contactName: objector.kind === 'unit' ? objector.contactName : null,
      phone: objector.phone,
    },
    notice: '异议人信息仅供核实异议使用，须严格保密；本次查看已记录（查看人、时间）。',
  };
}
