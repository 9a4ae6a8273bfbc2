/**
 * The one function that changes a paper record's state (house rule 1): guard by the core transition
 * table and the campaign's state, refuse a stale edit, write, audit, in the caller's transaction. The
 * caller has authorised the actor for its side (unit or organiser) and checked the facts it records.
 */

import { receiptProblems } from '#core/paper/records.ts';
import type { PaperRequirement } from '#core/paper/requirement.ts';
import { type PaperActor, type PaperState, paperMove, type RecordedPaperState } from '#core/paper/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import type { ReportingUnit } from './paper-context.ts';
import { findPaperRecord, type PaperRecord } from './queries.ts';

/** The columns a move writes: the unit's dispatch, or the organiser's receipt. */
export interface PaperFacts {
  courier?: string;
  trackingNumber?: string;
  dispatchedOn?: string;
  dispatchedBy?: string;
  receivedOn?: string | null;
  copiesReceived?: number | null;
  sealPresent?: boolean | null;
  discReadable?: boolean | null;
  receiptNote?: string | null;
  receivedBy?: string | null;
}

/** Receipt columns emptied when the unit posts again (补寄). */
export const NO_RECEIPT = {
  receivedOn: null,
  copiesReceived: null,
  sealPresent: null,
  discReadable: null,
  receiptNote: null,
  receivedBy: null,
} as const;

/** What the audit log keeps of a record: the facts, not who stored which file where. */
function factsOf(r: PaperRecord | undefined) {
  if (!r) return null;
  return {
    state: r.state,
    courier: r.courier,
    trackingNumber: r.trackingNumber,
    dispatchedOn: r.dispatchedOn,
    receivedOn: r.receivedOn,
    copiesReceived: r.copiesReceived,
    sealPresent: r.sealPresent,
    discReadable: r.discReadable,
    receiptNote: r.receiptNote,
  };
}

export function problemsOf(record: PaperRecord | undefined, requirement: PaperRequirement): string[] {
  if (record?.state !== 'received') return [];
  return receiptProblems(
    {
      copiesReceived: record.copiesReceived ?? 0,
      sealPresent: record.sealPresent ?? false,
      discReadable: record.discReadable,
    },
    requirement,
  );
}

const ACTIONS: Record<string, string> = {
  'none>dispatched': 'paper.dispatched',
  'dispatched>dispatched': 'paper.dispatch_corrected',
  'received>dispatched': 'paper.dispatched_again',
  'none>received': 'paper.received',
  'dispatched>received': 'paper.received',
  'received>received': 'paper.receipt_corrected',
};

export async function applyPaperMove(
  trx: Trx,
  actor: Actor,
  target: { campaign: CampaignRow; unit: ReportingUnit },
  input: {
    side: PaperActor;
    to: RecordedPaperState;
    facts: PaperFacts;
    requirement: PaperRequirement;
    version?: number;
    now: Date;
  },
): Promise<PaperRecord> {
  const { campaign, unit } = target;
  // Every move of this unit's record waits here for the others: the first record is inserted only once.
  await trx.selectFrom('organisations').select('id').where('id', '=', unit.id).forUpdate().execute();
  const record = await findPaperRecord(trx, campaign.id, unit.id, true);
  const from: PaperState = record?.state ?? 'none';
  const move = paperMove(from, input.to, input.side, {
    campaignState: campaign.status,
    receiptProblems: problemsOf(record, input.requirement),
  });
  if (!move.ok) throw new AppError('PAPER_MOVE_NOT_ALLOWED', move.message);
  if (record && input.version !== undefined && input.version !== record.version) throw staleVersion();
  const { facts } = input;
  const row = record
    ? await trx
        .updateTable('paperDispatches')
        .set({ ...facts, state: input.to, version: record.version + 1, updatedAt: input.now })
        .where('id', '=', record.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('paperDispatches')
        .values({ ...facts, campaignId: campaign.id, unitId: unit.id, state: input.to })
        .returningAll()
        .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: ACTIONS[`${from}>${input.to}`] ?? 'paper.recorded',
    entityType: 'paper_dispatch',
    entityId: row.id,
    scopePath: unit.path,
    before: factsOf(record),
    after: { ...factsOf(row), label: move.transition.label, unitName: unit.name },
  });
  return row;
}
