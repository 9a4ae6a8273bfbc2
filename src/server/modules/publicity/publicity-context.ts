/** The campaign and the record a request is about, refused the way each caller should hear it. */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { subjectOf } from './presenter.ts';
import { findPublicity } from './queries.ts';
import { isOwnUnit, organisesCampaign, publicityRules } from './rules.ts';

const RECORD = '公示记录';

function refuseWrite(actor: Actor, campaign: CampaignRow, unitId: string): never {
  if (isOwnUnit(actor, { unitId }))
    throw new AppError('CAMPAIGN_NOT_OPEN', '活动已结束报送，不能再登记、修改或删除本单位的公示情况。');
  if (organisesCampaign(actor, campaign))
    throw forbidden('公示情况由报送单位登记，组织单位在形式审查时查看。');
  throw forbidden('只能登记本单位的公示情况。');
}

/** The campaign a unit records its 公示 in: its own submitter, a reporting unit of it, while it is open. */
export async function campaignToRecordIn(db: Db | Trx, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const unitId = actor.organisationId;
  if (!isReportingUnitOf(actor, campaign.organiserPath) && isOwnUnit(actor, { unitId }))
    throw forbidden('只有本活动的报送单位可以登记公示情况。');
  if (!publicityRules.can(actor, 'edit', subjectOf(campaign, unitId))) refuseWrite(actor, campaign, unitId);
  return { campaign, unitId };
}

/** A record the caller may see (another unit's does not exist for them), with its campaign. */
export async function visiblePublicity(db: Db | Trx, actor: Actor, id: string, lock = false) {
  const row = await findPublicity(db, id, lock);
  if (!row) throw notFound(RECORD);
  const campaign = await visibleCampaign(db, actor, row.campaignId).catch(() => {
    throw notFound(RECORD);
  });
  if (!publicityRules.can(actor, 'view', subjectOf(campaign, row.unitId))) throw notFound(RECORD);
  return { row, campaign };
}

/** A record the caller may change now: its unit's submitter, while the campaign is open. */
export async function editablePublicity(db: Db | Trx, actor: Actor, id: string, lock = false) {
  const found = await visiblePublicity(db, actor, id, lock);
  if (!publicityRules.can(actor, 'edit', subjectOf(found.campaign, found.row.unitId)))
    refuseWrite(actor, found.campaign, found.row.unitId);
  return found;
}
