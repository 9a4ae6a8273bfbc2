/**
 * What of a nomination its campaign's organiser may see. A draft is the reporting unit's own work:
 * until it is submitted the organiser knows only that it exists (a count on the quota dashboard).
 * From submission on, every state is the organiser's business (it holds a quota place), except a
 * withdrawal, which hands the nomination back to the unit. The unit may ask the organiser to look at
 * one draft, e.g. to waive a file that cannot be made to pass; that request opens it until taken back.
 */
import { EDITABLE_STATES, type NominationState, QUOTA_STATES } from './states.ts';

export interface OrganiserViewSubject {
  state: string;
  /** When the unit asked the organiser to look at this draft; null when it has not (or took it back). */
  reviewRequestedAt?: Date | string | null;
}

/** States the organiser sees in full, whatever the unit asked. */
export const ORGANISER_VISIBLE_STATES: ReadonlySet<NominationState> = QUOTA_STATES;

export function organiserMaySee(n: OrganiserViewSubject): boolean {
  if (ORGANISER_VISIBLE_STATES.has(n.state as NominationState)) return true;
  return n.state === 'draft' && Boolean(n.reviewRequestedAt);
}

/** A review request makes sense only for what the unit is still preparing and the organiser cannot see. */
export function reviewRequestProblem(state: string): string | undefined {
  if (state === 'draft') return undefined;
  if (EDITABLE_STATES.has(state as NominationState))
    return '退回修改的推介组织单位本来就能查看，无需另行申请。';
  return '只有草稿可以请组织单位查看；已提交的推介组织单位本来就能查看。';
}
