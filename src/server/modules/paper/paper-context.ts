import type { Category } from '#core/campaign/rules.ts';
import { paperRequirement } from '#core/paper/requirement.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { notFound } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { submittedCounts } from '../nominations/unit-counts.ts';
import { findOrganisationById } from '../organisations/service.ts';
import type { PaperSubject } from './rules.ts';

export interface ReportingUnit {
  id: string;
  name: string;
  path: string;
}

/** A reporting unit of the campaign by id: a direct child of its organiser, else it does not exist here. */
export async function reportingUnit(
  db: Db | Trx,
  campaign: CampaignRow,
  unitId: string,
): Promise<ReportingUnit> {
  const unit = await findOrganisationById(db, unitId);
  const principal = {
    accountId: '',
    organisationId: unit?.id ?? '',
    organisationPath: unit?.path ?? '',
    roles: [],
  };
  if (!unit || unit.disabled || !isReportingUnitOf(principal, campaign.organiserPath))
    throw notFound('报送单位');
  return { id: unit.id, name: unit.name, path: unit.path };
}

/** The campaign, the unit and what its paper record is about, for one unit's record. */
export async function paperContext(db: Db | Trx, actor: Actor, campaignId: string, unitId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const unit = await reportingUnit(db, campaign, unitId);
  const subject: PaperSubject = { unitId: unit.id, organiserPath: campaign.organiserPath };
  return { campaign, unit, subject };
}

/** The categories a unit has nominations before the organiser in: the forms it posts. */
export async function categoriesOf(db: Db | Trx, campaignId: string, unitId: string): Promise<Category[]> {
  return [...new Set((await submittedCounts(db, campaignId, unitId)).map((c) => c.category))];
}

export async function requirementFor(db: Db | Trx, campaign: CampaignRow, unitId: string) {
  return paperRequirement(campaign.rules, await categoriesOf(db, campaign.id, unitId));
}
