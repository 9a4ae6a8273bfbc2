import type { CampaignRules } from '#core/campaign/rules.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

function baseQuery(db: Db | Trx) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .select([
      'c.id',
      'c.organiserId',
      'o.name as organiserName',
      'o.path as organiserPath',
      'c.year',
      'c.level',
      'c.title',
      'c.status',
      'c.rules',
      'c.rulesVersion',
      'c.templateId',
      'c.copiedFrom',
      'c.deadlineAt',
      'c.version',
    ]);
}

type StoredRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
/** `rules` is stored as JSON; it was validated against the rules schema before it was written. */
export type CampaignRow = Omit<StoredRow, 'rules'> & { rules: CampaignRules };

const campaignById = compiledOnce((db, id: string) => baseQuery(db).where('c.id', '=', id));
const lockedCampaignById = compiledOnce((db, id: string) =>
  baseQuery(db).where('c.id', '=', id).forUpdate('c'),
);

export function findCampaign(db: Db | Trx, id: string) {
  return campaignById.first(db, id) as Promise<CampaignRow | undefined>;
}

export function lockCampaign(trx: Trx, id: string) {
  return lockedCampaignById.first(trx, id) as Promise<CampaignRow | undefined>;
}

/**
 * Campaigns whose organiser is in `subtreePath`, or is the parent of the caller's organisation (the
 * campaigns it reports to). Permission to see each is still decided by the rules.
 */
export function listCampaignsNear(db: Db, subtreePath: string, parentPath: string | null) {
  return baseQuery(db)
    .where((eb) => {
      const own = eb('o.path', 'like', `${subtreePath}%`);
      return parentPath ? eb.or([own, eb('o.path', '=', parentPath)]) : own;
    })
    .orderBy('c.year', 'desc')
    .orderBy('c.createdAt', 'desc')
    .execute() as Promise<CampaignRow[]>;
}

export function ruleHistory(db: Db, campaignId: string) {
  return db
    .selectFrom('campaignRuleVersions')
    .select(['rulesVersion', 'changes', 'afterOpening', 'changedByName', 'changedAt'])
    .where('campaignId', '=', campaignId)
    .orderBy('rulesVersion', 'desc')
    .execute();
}

export function listExtensions(db: Db | Trx, campaignId: string) {
  return db
    .selectFrom('campaignExtensions as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisationId')
    .select(['e.organisationId', 'o.name as organisationName', 'e.until', 'e.reason', 'e.grantedAt'])
    .where('e.campaignId', '=', campaignId)
    .orderBy('o.name')
    .execute();
}
