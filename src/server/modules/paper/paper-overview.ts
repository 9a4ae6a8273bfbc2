/**
 * The paper copies of a campaign: for the organiser every reporting unit, with who has posted nothing
 * yet, whose parcel is on its way and what arrived short; for a unit its own record and what to post.
 */
import { paperRequirement } from '#core/paper/requirement.ts';
import type { PaperStanding } from '#core/paper/status.ts';
import { type Actor, hasRole } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { extensionsByUnit } from '../campaigns/extensions.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { submittedCounts } from '../nominations/unit-counts.ts';
import { findOrganisationById, listActiveChildren } from '../organisations/service.ts';
import { paperContext } from './paper-context.ts';
import { type PaperUnitView, presentPaperUnit } from './presenter.ts';
import { findPaperRecord, listPaperRecords } from './queries.ts';
import { paperRules } from './rules.ts';

export async function paperOverview(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const organiser = isOrganiserOf(actor, campaign);
  const ownUnit = isReportingUnitOf(actor, campaign.organiserPath) && hasRole(actor, 'unit_submitter');
  if (!organiser && !ownUnit) throw forbidden('只有本活动的组织单位和报送单位可以查看纸质材料的寄送情况');
  const units = organiser
    ? await listActiveChildren(db, campaign.organiserId)
    : [(await findOrganisationById(db, actor.organisationId))!];
  const [records, counts, extensions] = await Promise.all([
    listPaperRecords(db, campaign.id),
    submittedCounts(db, campaign.id, organiser ? undefined : actor.organisationId),
    extensionsByUnit(db, campaign.id),
  ]);
  const rows: PaperUnitView[] = units.map((unit) =>
    presentPaperUnit({
      campaign,
      unit,
      record: records.find((r) => r.unitId === unit.id),
      categories: [...new Set(counts.filter((c) => c.unitId === unit.id).map((c) => c.category))],
      until: extensions.get(unit.id)?.until ?? (campaign.deadlineAt ? new Date(campaign.deadlineAt) : null),
      side: organiser ? 'organiser' : 'unit',
    }),
  );
  const count = (standing: PaperStanding) => rows.filter((r) => r.standing === standing).length;
  return {
    requirement: paperRequirement(campaign.rules, []),
    deadlineAt: campaign.deadlineAt ? new Date(campaign.deadlineAt).toISOString() : null,
    summary: {
      notDispatched: count('not_dispatched'),
      inTransit: count('in_transit'),
      received: count('received'),
      receivedWithProblems: count('received_with_problems'),
      notNeeded: count('not_needed'),
    },
    units: rows,
  };
}

/** One unit's record as its side sees it, after a change. */
export async function paperUnit(db: Db, actor: Actor, campaignId: string, unitId: string) {
  const { campaign, unit, subject } = await paperContext(db, actor, campaignId, unitId);
  if (!paperRules.can(actor, 'view', subject)) throw notFound('纸质材料寄送记录');
  const [record, counts, extensions] = await Promise.all([
    findPaperRecord(db, campaign.id, unit.id),
    submittedCounts(db, campaign.id, unit.id),
    extensionsByUnit(db, campaign.id),
  ]);
  return presentPaperUnit({
    campaign,
    unit,
    record,
    categories: [...new Set(counts.map((c) => c.category))],
    until: extensions.get(unit.id)?.until ?? (campaign.deadlineAt ? new Date(campaign.deadlineAt) : null),
    side: paperRules.can(actor, 'receive', subject) ? 'organiser' : 'unit',
  });
}
