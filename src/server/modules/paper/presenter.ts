import { todayInShanghai } from '#core/calendar/today.ts';
import type { Category } from '#core/campaign/rules.ts';
import { paperRequirement } from '#core/paper/requirement.ts';
import { PAPER_STATES, type PaperActor, type PaperState, paperMovesFor } from '#core/paper/states.ts';
import { PAPER_STANDING_LABELS, paperStanding, postedLate } from '#core/paper/status.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { problemsOf } from './apply-paper-move.ts';
import type { PaperRecord } from './queries.ts';

export interface PaperUnitInput {
  campaign: CampaignRow;
  unit: { id: string; name: string };
  record: PaperRecord | undefined;
  /** Categories the unit has nominations before the organiser in. */
  categories: Category[];
  /** The unit's own deadline (its extension), else the campaign's. */
  until: Date | null;
  /** Whose moves to offer: the unit's own submitter, the organiser, or nobody. */
  side: PaperActor | null;
}

export const scanUrl = (campaignId: string, unitId: string) =>
  `/api/campaigns/${campaignId}/paper/${unitId}/scan`;

export function presentPaperUnit({ campaign, unit, record, categories, until, side }: PaperUnitInput) {
  const requirement = paperRequirement(campaign.rules, categories);
  const state: PaperState = record?.state ?? 'none';
  const problems = problemsOf(record, requirement);
  const standing = paperStanding({ state, needed: categories.length > 0, problems });
  const dispatchedOn = record?.dispatchedOn ?? null;
  const moves = side
    ? paperMovesFor(state, side, { campaignState: campaign.status, receiptProblems: problems })
    : [];
  return {
    unitId: unit.id,
    unitName: unit.name,
    state,
    stateLabel: PAPER_STATES[state],
    standing,
    standingLabel: PAPER_STANDING_LABELS[standing],
    requirement,
    dispatch:
      record?.courier && record.trackingNumber && dispatchedOn
        ? {
            courier: record.courier,
            trackingNumber: record.trackingNumber,
            dispatchedOn,
            late: postedLate(dispatchedOn, until ? todayInShanghai(until) : null),
          }
        : null,
    scan:
      record?.scanStorageKey && record.scanFileName && record.scanFormat
        ? {
            fileName: record.scanFileName,
            format: record.scanFormat,
            bytes: Number(record.scanBytes),
            sha256: record.scanSha256 ?? '',
            url: scanUrl(campaign.id, unit.id),
          }
        : null,
    receipt:
      record?.state === 'received' && record.receivedOn
        ? {
            receivedOn: record.receivedOn,
            copiesReceived: record.copiesReceived ?? 0,
            sealPresent: record.sealPresent ?? false,
            discReadable: record.discReadable,
            note: record.receiptNote ?? '',
            problems,
          }
        : null,
    moves: moves.map((m) => ({ to: m.to, label: m.label })),
    version: record?.version ?? null,
  };
}

export type PaperUnitView = ReturnType<typeof presentPaperUnit>;
