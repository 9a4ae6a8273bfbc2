/** A nomination as the routes answer it: presented for the caller, with what it may do now. */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { unitDeadline, unitDeadlines, visibleCampaign } from '../campaigns/service.ts';
import { publicityOfNomination } from '../publicity/nomination-publicity.ts';
import { presentNomination } from './presenter.ts';
import type { NominationRow } from './queries.ts';
import { listDetails, nominationFindings } from './submission-checks.ts';

export function nominationPresenting({ db, clock }: Pick<AppContext, 'db' | 'clock'>) {
  // The moves offered are judged at the time of the answer, against the unit's deadline (its extension included).
  const timingOf = async (campaign: CampaignRow, n: NominationRow, now: Date) => ({
    deadline: await unitDeadline(db, campaign, n.unitId),
    now,
  });
  const present = async (actor: Actor, n: NominationRow) => {
    const now = clock.now();
    const campaign = await visibleCampaign(db, actor, n.campaignId);
    const findings = await nominationFindings(db, n, campaign, { reader: actor, now });
    const nomination = presentNomination(actor, n, campaign, await timingOf(campaign, n, now), findings);
    // The formal check shows the unit's own 公示 of the nominee (the organiser only).
    if (nomination.actions.includes('actAsOrganiser') && n.state !== 'draft')
      return { nomination: { ...nomination, publicity: await publicityOfNomination(db, campaign, n) } };
    return { nomination };
  };
  /** Rows of a campaign the caller has found visible, as stored (listVisibleSummaries): no form is shown. */
  const presentList = async (actor: Actor, campaign: CampaignRow, rows: NominationRow[]) => {
    const deadlineOf = await unitDeadlines(db, campaign);
    const now = clock.now();
    return {
      items: rows.map((n) => ({
        ...presentNomination(actor, n, campaign, { deadline: deadlineOf(n.unitId), now }),
        ...listDetails(n, campaign, now),
      })),
    };
  };
  return { present, presentList };
}
