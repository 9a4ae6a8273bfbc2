import type { Db, Trx } from '#server/platform/db/database.ts';

/** An objection with what its handling needs: its 公示, the entry, the campaign's organiser, the unit. */
function withContext(db: Db | Trx) {
  return db
    .selectFrom('objections as x')
    .innerJoin('announcements as a', 'a.id', 'x.announcementId')
    .innerJoin('announcementEntries as e', 'e.id', 'x.entryId')
    .innerJoin('nominations as n', 'n.id', 'e.nominationId')
    .innerJoin('campaigns as c', 'c.id', 'a.campaignId')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .leftJoin('accounts as p', 'p.id', 'x.proposedBy')
    .selectAll('x')
    .select([
      'a.title as announcementTitle',
      'a.campaignId',
      'e.name as entryName',
      'e.unit as entryUnit',
      'e.removedAt as entryRemovedAt',
      'n.unitId',
      'c.organiserId',
      'o.path as organiserPath',
      'p.displayName as proposedByName',
    ]);
}

export type ObjectionRow = Awaited<ReturnType<ReturnType<typeof withContext>['executeTakeFirstOrThrow']>>;

export function findObjection(db: Db | Trx, id: string, lock = false) {
  const query = withContext(db).where('x.id', '=', id);
  return (lock ? query.forUpdate('x') : query).executeTakeFirst();
}

export function listObjectionsOfCampaign(db: Db, campaignId: string) {
  return withContext(db).where('a.campaignId', '=', campaignId).orderBy('x.submittedAt', 'desc').execute();
}

export function listObjectionsOfUnit(db: Db, unitId: string) {
  return withContext(db)
    .where('n.unitId', '=', unitId)
    .where('x.explanationRequestedAt', 'is not', null)
    .orderBy('x.explanationRequestedAt', 'desc')
    .execute();
}

export function objectionEvents(db: Db | Trx, objectionId: string) {
  return db
    .selectFrom('objectionEvents')
    .select(['kind', 'label', 'note', 'actorName', 'createdAt'])
    .where('objectionId', '=', objectionId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export function objectionFiles(db: Db | Trx, objectionId: string) {
  return db
    .selectFrom('objectionFiles')
    .select(['id', 'stage', 'fileName', 'contentType', 'bytes', 'storageKey', 'sha256'])
    .where('objectionId', '=', objectionId)
    .orderBy('createdAt')
    .execute();
}

/** The organiser's admins, to be told of a new objection or one waiting for the second signature. */
export async function organiserAdmins(db: Db | Trx, organiserId: string) {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('organisationId', '=', organiserId)
    .where((eb) => eb(eb.val('organiser_admin'), '=', eb.fn.any('roles')))
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

export async function unitSubmitters(db: Db | Trx, unitId: string) {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('organisationId', '=', unitId)
    .where((eb) => eb(eb.val('unit_submitter'), '=', eb.fn.any('roles')))
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

export async function addEvent(
  trx: Trx,
  event: {
    objectionId: string;
    kind: 'transition' | 'note' | 'explanation_requested' | 'explanation_received' | 'file_added';
    label: string;
    note?: string;
    actor: { accountId: string; displayName: string } | null;
    at: Date;
  },
) {
  await trx
    .insertInto('objectionEvents')
    .values({
      objectionId: event.objectionId,
      kind: event.kind,
      label: event.label,
      note: event.note ?? '',
      actorId: event.actor?.accountId ?? null,
      actorName: event.actor?.displayName ?? null,
      createdAt: event.at,
    })
    .execute();
}
