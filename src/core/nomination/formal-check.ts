/**
 * 形式审查 in sequence: the organiser works down the list of nominations waiting for the check (the
 * order the campaign's list shows them in) and, after each decision, goes on to the next one waiting.
 */

export interface QueueEntry {
  id: string;
  /** Still waiting for the formal check (已提交). */
  waiting: boolean;
}

/**
 * The next nomination waiting after `currentId` in `ordered` (which includes the current one, waiting
 * or not), wrapping round to the start of the list; null when no other one waits.
 */
export function nextWaiting(ordered: readonly QueueEntry[], currentId: string): string | null {
  const at = ordered.findIndex((e) => e.id === currentId);
  const after = at < 0 ? ordered : [...ordered.slice(at + 1), ...ordered.slice(0, at)];
  return after.find((e) => e.waiting && e.id !== currentId)?.id ?? null;
}

/** The most nominations accepted in one go: a screenful, so the organiser has looked at each. */
export const MAX_BULK_ACCEPT = 100;
