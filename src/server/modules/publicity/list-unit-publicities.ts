/** A unit's own 公示 records in a campaign; for the organiser, every unit's (or one unit's). */
import { beijingIsoDate } from '#core/calendar/beijing-time.ts';
import type { UnitPublicityListResponse } from '#core/contract/publicity.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { type UnitFacts, unitFacts } from './coverage-facts.ts';
import { presentPublicity, subjectOf } from './presenter.ts';
import { publicityRows, type UnitNomination, unitNominations } from './queries.ts';
import { isOwnUnit, organisesCampaign, publicityRules } from './rules.ts';

export async function listUnitPublicities(
  db: Db,
  actor: Actor,
  campaignId: string,
  unitId?: string,
): Promise<UnitPublicityListResponse> {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const organiser = organisesCampaign(actor, campaign);
  const ownUnit =
    isOwnUnit(actor, { unitId: actor.organisationId }) && isReportingUnitOf(actor, campaign.organiserPath);
  if (!organiser && !ownUnit) throw forbidden('只有报送单位和组织单位可以查看公示情况。');
  // A unit asking for another unit's records hears that they do not exist for it.
  if (!organiser && unitId && unitId !== actor.organisationId) throw notFound('报送单位');
  const scope = organiser ? unitId : actor.organisationId;
  const rows = await publicityRows(db, campaign.id, scope);

  const perUnit = new Map<string, Promise<[UnitFacts, UnitNomination[]]>>();
  const of = (id: string) => {
    let found = perUnit.get(id);
    if (!found) {
      found = Promise.all([unitFacts(db, campaign, id), unitNominations(db, campaign.id, id)]);
      perUnit.set(id, found);
    }
    return found;
  };
  const items = await Promise.all(
    rows.map(async (row) => {
      const [facts, nominations] = await of(row.unitId);
      return presentPublicity(actor, campaign, row, nominations, facts);
    }),
  );
  const facts = scope
    ? (await of(scope))[0]
    : {
        ...(await unitFacts(db, campaign, actor.organisationId)),
        deadlineDay: campaign.deadlineAt ? beijingIsoDate(campaign.deadlineAt) : null,
      };
  return {
    items,
    facts: {
      calendar: facts.calendar,
      rules: { workingDays: facts.rules.workingDays, startDay: facts.rules.startDay },
      deadlineDay: facts.deadlineDay,
    },
    mayRecord: ownUnit && publicityRules.can(actor, 'edit', subjectOf(campaign, actor.organisationId)),
  };
}
