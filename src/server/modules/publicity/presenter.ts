import type { UnitPublicity } from '#core/contract/publicity.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { coverageOf, namedBy, type UnitFacts } from './coverage-facts.ts';
import type { PublicityRow, UnitNomination } from './queries.ts';
import { publicityRules } from './rules.ts';

export const fileUrl = (id: string) => `/api/unit-publicities/${id}/file`;

export function subjectOf(campaign: Pick<CampaignRow, 'organiserPath' | 'status'>, unitId: string) {
  return { unitId, organiserPath: campaign.organiserPath, campaignStatus: campaign.status };
}

/** A record as its unit and the organiser see it, with its coverage and what the caller may do. */
export function presentPublicity(
  actor: Actor,
  campaign: CampaignRow,
  row: PublicityRow,
  nominations: readonly UnitNomination[],
  facts: UnitFacts,
): UnitPublicity {
  const named = namedBy(row, nominations);
  const subject = subjectOf(campaign, row.unitId);
  return {
    id: row.id,
    campaignId: row.campaignId,
    unitId: row.unitId,
    unitName: row.unitName,
    place: row.place,
    url: row.url,
    fromDay: row.fromDay,
    toDay: row.toDay,
    nominationIds: row.nominationIds,
    nominations: named.map((n) => ({ id: n.id, title: n.title, category: n.category })),
    file:
      row.storageKey && row.fileName && row.contentType
        ? {
            fileName: row.fileName,
            contentType: row.contentType,
            bytes: Number(row.bytes),
            url: fileUrl(row.id),
          }
        : null,
    published: row.published,
    recordedAt: new Date(row.recordedAt).toISOString(),
    version: row.version,
    coverage: coverageOf(row, named, facts),
    actions: publicityRules.actionsFor(actor, subject).filter((a) => a !== 'view') as ('edit' | 'delete')[],
  };
}
