import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { findOrganisationById } from '../organisations/service.ts';
import { planDeadlineRuns } from './deadline-jobs.ts';
import { listExtensions } from './queries.ts';
import { campaignRules, isReportingUnitOf } from './rules.ts';
import { visibleCampaign } from './service.ts';

/** Grants (or moves) one reporting unit's own deadline; the organiser's reason is kept and audited. */
export async function grantExtension(
  db: Db,
  actor: Actor,
  id: string,
  input: { organisationId: string; until: string; reason: string },
  jobs: Jobs,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, id, true);
    campaignRules.authorize(actor, 'grantExtension', campaign);
    const unit = await findOrganisationById(trx, input.organisationId);
    if (!unit) throw notFound('单位');
    if (
      !isReportingUnitOf(
        { accountId: '', organisationId: unit.id, organisationPath: unit.path, roles: [] },
        campaign.organiserPath,
      )
    ) {
      throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是本活动的报送单位`);
    }
    const until = new Date(input.until);
    if (campaign.deadlineAt && until <= new Date(campaign.deadlineAt)) {
      throw new AppError('VALIDATION_FAILED', '延期截止时间须晚于活动截止时间');
    }
    const before = (await listExtensions(trx, id)).find((e) => e.organisationId === unit.id);
    await trx
      .insertInto('campaignExtensions')
      .values({
        campaignId: id,
        organisationId: unit.id,
        until,
        reason: input.reason,
        grantedBy: actor.accountId,
      })
      .onConflict((oc) =>
        oc
          .columns(['campaignId', 'organisationId'])
          .doUpdateSet({ until, reason: input.reason, grantedBy: actor.accountId }),
      )
      .execute();
    // The unit's drafts now lapse at its own deadline; the run planned at the campaign's leaves them be.
    await planDeadlineRuns(trx, jobs, id, [until]);
    await recordAudit(trx, actor, {
      action: 'campaign.extension_granted',
      entityType: 'campaign',
      entityId: id,
      scopePath: unit.path,
      before: before ? { until: new Date(before.until).toISOString(), reason: before.reason } : null,
      after: {
        organisationId: unit.id,
        organisationName: unit.name,
        until: until.toISOString(),
        reason: input.reason,
      },
    });
    return listExtensions(trx, id);
  });
}

/** For other modules: each unit's own deadline in a campaign, by unit id (units without one are absent). */
export async function extensionsByUnit(db: Db, campaignId: string) {
  const rows = await listExtensions(db, campaignId);
  return new Map(rows.map((e) => [e.organisationId, { until: new Date(e.until), reason: e.reason }]));
}
