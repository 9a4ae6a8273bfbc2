/**
 * Where a unit's paper stands, as the organiser's list and the unit's own page show it: nothing to post
 * (no nomination submitted), not posted, posted and on its way, received, or received with problems;
 * and whether it was posted after the unit's deadline.
 */
import type { PaperState } from './states.ts';

export type PaperStanding =
  | 'not_needed'
  | 'not_dispatched'
  | 'in_transit'
  | 'received'
  | 'received_with_problems';

export const PAPER_STANDING_LABELS: Record<PaperStanding, string> = {
  not_needed: '无需寄送（尚无已提交的推介）',
  not_dispatched: '未寄送',
  in_transit: '已寄出，待签收',
  received: '已签收',
  received_with_problems: '已签收，需补寄',
};

export function paperStanding(input: {
  state: PaperState;
  /** The unit has nominations before the organiser, whose forms it must post. */
  needed: boolean;
  problems: readonly string[];
}): PaperStanding {
  if (input.state === 'received') return input.problems.length > 0 ? 'received_with_problems' : 'received';
  if (input.state === 'dispatched') return 'in_transit';
  return input.needed ? 'not_dispatched' : 'not_needed';
}

/** Posted after the deadline day (Beijing time) of the unit, its extension included. */
export function postedLate(dispatchedOn: string | null, deadlineDay: string | null): boolean {
  return Boolean(dispatchedOn && deadlineDay && dispatchedOn > deadlineDay);
}
