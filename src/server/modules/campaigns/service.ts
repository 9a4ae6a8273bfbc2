import { sql } from 'kysely';
import { copyRulesForYear } from '#core/campaign/copy.ts';
import { deadlineInstant } from '#core/campaign/deadline.ts';
import { campaignStanding, notTheOrganiserMessage } from '#core/campaign/organiser-scope.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { validateCampaignRules } from '#core/campaign/validate.ts';
import type { UnitDeadline } from '#core/nomination/moves.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { findVisibleOrganisation, listActiveChildren } from '../organisations/service.ts';
import {
  type CampaignRow,
  findCampaign,
  listCampaignsNear,
  listExtensions,
  lockCampaign,
  ruleHistory,
} from './queries.ts';
import { campaignRules, canCreateCampaign } from './rules.ts';
import { insertCampaign } from './transition-campaign.ts';

export const deadlineAt = (rules: CampaignRules) => {
  const ms = deadlineInstant(rules);
  return ms === null ? null : new Date(ms);
};

const parentPath = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : null;
};

/** A campaign for the platform's own jobs, which act for no one (the deadline job). */
export function campaignForJob(db: Db | Trx, id: string) {
  return findCampaign(db, id);
}

/** The campaign if the actor may see it; otherwise it does not exist for them. */
export async function visibleCampaign(
  db: Db | Trx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<CampaignRow> {
  const campaign = lock ? await lockCampaign(db as Trx, id) : await findCampaign(db, id);
  if (!campaign) throw notFound('推介活动');
  if (campaignRules.can(actor, 'view', campaign)) return campaign;
  // An admin above the organiser knows the campaign exists (decision 0003), but it is not theirs.
  if (campaignStanding(actor, campaign) === 'above')
    throw forbidden(notTheOrganiserMessage(campaign.organiserName));
  throw notFound('推介活动');
}

export async function listVisibleCampaigns(db: Db, actor: Actor) {
  const rows = await listCampaignsNear(db, actor.organisationPath, parentPath(actor.organisationPath));
  return rows.filter((c) => campaignRules.can(actor, 'view', c));
}

export async function getCampaignDetail(db: Db, actor: Actor, id: string) {
  const campaign = await visibleCampaign(db, actor, id);
  const [history, extensions, reportingUnits] = await Promise.all([
    ruleHistory(db, id),
    listExtensions(db, id),
    listActiveChildren(db, campaign.organiserId),
  ]);
  return { campaign, findings: validateCampaignRules(campaign.rules), history, extensions, reportingUnits };
}

export async function createCampaign(
  db: Db,
  actor: Actor,
  input: { templateId: string } | { copyFromCampaignId: string; year: number },
) {
  if (!canCreateCampaign(actor)) throw forbidden('只有组织方管理员可以发起推介活动');
  return db.transaction().execute(async (trx) => {
    const organiser = await findVisibleOrganisation(trx, actor, actor.organisationId, true);
    if ('templateId' in input) {
      const rules = getTemplate(input.templateId);
      if (!rules) throw new AppError('VALIDATION_FAILED', '所选的活动模板不存在，请重新选择');
      return insertCampaign(trx, actor, organiser, rules, { templateId: input.templateId, copiedFrom: null });
    }
    const source = await visibleCampaign(trx, actor, input.copyFromCampaignId);
    if (!campaignRules.can(actor, 'editRules', { ...source, status: 'draft' }))
      throw forbidden('只能复制本单位组织的活动');
    const rules = copyRulesForYear(source.rules, input.year);
    return insertCampaign(trx, actor, organiser, rules, {
      templateId: source.templateId,
      copiedFrom: source.id,
    });
  });
}

/** Any change but the status, which moves only through transition-campaign.ts. */
export async function touchCampaign(
  trx: Trx,
  id: string,
  set: Record<string, unknown> & { status?: never },
  now: Date,
) {
  await trx
    .updateTable('campaigns')
    .set({ ...set, version: sql<number>`version + 1`, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/**
 * The deadline that holds for one unit: its own extension when that is later, else the campaign's (an
 * extension never shortens: the campaign's deadline may have been moved past it since).
 */
function effectiveDeadline(campaignDeadline: Date | string | null, extension: Date | string | undefined) {
  const campaignAt = campaignDeadline === null ? null : new Date(campaignDeadline).getTime();
  const extensionAt = extension === undefined ? null : new Date(extension).getTime();
  const extended = extensionAt !== null && (campaignAt === null || extensionAt > campaignAt);
  return { at: extended ? extensionAt : campaignAt, extended };
}

/** A unit's deadline in a campaign (ms since the epoch), for core's moves.ts. */
export async function unitDeadline(
  db: Db | Trx,
  campaign: Pick<CampaignRow, 'id' | 'deadlineAt'>,
  unitId: string,
): Promise<UnitDeadline> {
  const extension = await unitExtension.first(db, campaign.id, unitId);
  return effectiveDeadline(campaign.deadlineAt, extension?.until);
}

const unitExtension = compiledOnce((db, campaignId: string, unitId: string) =>
  db
    .selectFrom('campaignExtensions')
    .select('until')
    .where('campaignId', '=', campaignId)
    .where('organisationId', '=', unitId),
);
const campaignExtensions = compiledOnce((db, campaignId: string) =>
  db
    .selectFrom('campaignExtensions')
    .select(['organisationId', 'until'])
    .where('campaignId', '=', campaignId),
);

/** Every unit's deadline in a campaign at once, for lists of many units' nominations. */
export async function unitDeadlines(
  db: Db | Trx,
  campaign: Pick<CampaignRow, 'id' | 'deadlineAt'>,
): Promise<(unitId: string) => UnitDeadline> {
  const extensions = new Map(
    (await campaignExtensions.all(db, campaign.id)).map((e) => [e.organisationId, e.until] as const),
  );
  return (unitId) => effectiveDeadline(campaign.deadlineAt, extensions.get(unitId));
}
