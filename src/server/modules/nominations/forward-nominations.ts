import type { Category } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import { forwardingFindings, forwardingProblems } from '#core/nomination/forwarding.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { submittedMaterials } from '../material-facts/nomination-materials.ts';
import { findOrganisationById } from '../organisations/service.ts';
import { assertBeforeDeadline } from './deadline.ts';
import { countQuotaPlaces, listNominations, type NominationRow } from './queries.ts';
import { nominationRules } from './rules.ts';
import { applyNominationTransition, createNominationRow } from './transition-nomination.ts';

const forwarding = (c: CampaignRow) => ({
  id: c.id,
  year: c.year,
  level: c.level,
  organiserId: c.organiserId,
  forwardsToNationalRound: c.rules.forwardsToNationalRound,
});

/**
 * The files' part of a forwarding: the materials module's forwardMaterials, handed in by the route
 * (forwarding/routes.ts) because materials depends on nominations, not the other way (decision 0010).
 */
export type ForwardFiles = (
  trx: Trx,
  jobs: Jobs,
  actor: Actor,
  from: { nomination: NominationRow; campaign: CampaignRow },
  to: { nominationId: string; campaign: CampaignRow },
) => Promise<{ files: number; findings: Finding[]; copies: unknown[] }>;

export interface ForwardedNomination {
  id: string;
  title: string;
  category: string;
  /** How many files went along, and what the target round's material rules make of them at once. */
  materials: { files: number; findings: Finding[] };
}

/**
 * A province's selected nominations go on to the national round of the same year as the province's
 * own nominations there: form copied, submitted and frozen, counted against the province's quota
 * (all or none), each source marked 已报送上级. Their submitted files go along without copying bytes,
 * to be checked against the target's material specs (forward-materials.ts).
 */
export async function forwardNominations(
  { db, jobs, clock }: Pick<AppContext, 'db' | 'jobs' | 'clock'>,
  actor: Actor,
  sourceId: string,
  targetId: string,
  forwardFiles: ForwardFiles,
): Promise<ForwardedNomination[]> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const source = await visibleCampaign(trx, actor, sourceId);
    if (!nominationRules.can(actor, 'actAsOrganiser', { unitId: '', organiserPath: source.organiserPath }))
      throw forbidden();
    const target = await visibleCampaign(trx, actor, targetId);
    const province = (await findOrganisationById(trx, source.organiserId))!;
    const principal = {
      accountId: actor.accountId,
      organisationId: province.id,
      organisationPath: province.path,
      roles: actor.roles,
    };
    if (!isReportingUnitOf(principal, target.organiserPath)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `「${province.name}」不是「${target.title}」的报送单位，不能向其报送`,
      );
    }
    if (target.status !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN', '上级活动当前不在报送期');
    await assertBeforeDeadline(trx, target, province.id, now);

    // The province's place in the target campaign is locked for the whole move.
    await trx.selectFrom('organisations').select('id').where('id', '=', province.id).forUpdate().execute();
    const selected = await listNominations(trx, { campaignId: source.id, state: 'selected' });
    if (selected.length === 0)
      throw new AppError('NO_SELECTED_NOMINATIONS', '本活动还没有“入选”的推介可以报送');
    const problems = selected.flatMap((n) =>
      forwardingProblems({ id: n.id, state: n.state, campaignId: n.campaignId }, forwarding(source), {
        campaign: forwarding(target),
        unitId: province.id,
      }),
    );
    const counts: Partial<Record<Category, { regular: number; special: number }>> = {};
    for (const category of ['star', 'project'] as const) {
      const mine = selected.filter((n) => n.category === category);
      if (mine.length === 0) continue;
      const now = await countQuotaPlaces(trx, target.id, province.id, category);
      const special = mine.filter((n) => n.special).length;
      counts[category] = { regular: now.regular + mine.length - special, special: now.special + special };
    }
    const quota = forwardingFindings(
      counts,
      target.rules,
      province.type,
      target.rules.quotas.unitOverrides[province.id],
    );
    const errors = [...problems, ...quota].filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      const code = errors.some((f) => f.code.includes('QUOTA')) ? 'QUOTA_EXCEEDED' : 'VALIDATION_FAILED';
      throw new AppError(code, errors.map((f) => f.message).join('；'), { findings: errors });
    }

    const forwarded: ForwardedNomination[] = [];
    for (const n of selected) {
      let materials: Awaited<ReturnType<ForwardFiles>> | undefined;
      const copyId = await createNominationRow(
        trx,
        {
          campaignId: target.id,
          unitId: province.id,
          category: n.category,
          special: n.special,
          title: n.title,
          form: n.form,
          forwardedFrom: n.id,
          createdBy: actor.accountId,
        },
        {
          now,
          // The copy's files point at it; then its snapshot names them by hash, as a submit would.
          attach: async (id) => {
            materials = await forwardFiles(
              trx,
              jobs,
              actor,
              { nomination: n, campaign: source },
              { nominationId: id, campaign: target },
            );
            const copied = { ...n, id, unitId: province.id, organiserPath: target.organiserPath };
            return submittedMaterials(trx, copied, target);
          },
        },
      );
      const moved = materials!;
      await applyNominationTransition(trx, actor, n, source, { to: 'forwarded', now });
      await recordAudit(trx, actor, {
        action: 'nomination.forwarded',
        entityType: 'nomination',
        entityId: copyId,
        scopePath: province.path,
        after: {
          from: n.id,
          sourceCampaignId: source.id,
          targetCampaignId: target.id,
          materials: moved.copies,
        },
      });
      forwarded.push({
        id: copyId,
        title: n.title,
        category: n.category,
        materials: { files: moved.files, findings: moved.findings },
      });
    }
    return forwarded;
  });
}
