/**
 * How long a sign-in must wait after failures. Failures are counted per (user name, address) pair, so a
 * guesser at one address never locks the owner out from another, and an owner who has not failed from an
 * address is never held back there, however busy that address is.
 *
 * The numbers:
 * - A pair gets 3 failures free (a typo, Caps Lock, the old password), then waits 30 s, doubling with each
 *   further failure up to 30 minutes: about 50 guesses a day per pair, while an official who mistypes five
 *   times waits two minutes, not a quarter of an hour.
 * - A pair's failures are remembered for 24 hours (the pruning job forgets them after that).
 * - One address is usually one office behind one NAT (a provincial office of several hundred people on
 *   deadline day), so the per-address cap is generous: 100 failures within 15 minutes. Past it the address
 *   loses the 3 free failures: every user name that has failed from there waits from its first failure on,
 *   which slows trying many user names, while a user name with no failure from there is still checked
 *   (its right password signs in). Breadth is further bounded by the login route's rate limit per address
 *   and by the password policy, which refuses the common passwords a sprayer would try.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 3,
  firstDelaySeconds: 30,
  maxDelaySeconds: 30 * 60,
  pairMemoryHours: 24,
  addressWindowMinutes: 15,
  addressCap: 100,
} as const;

/** Seconds a pair must wait after its last failure, having failed `failures` times. */
export function pairDelaySeconds(failures: number, addressOverCap = false): number {
  const free = addressOverCap ? 0 : LOGIN_THROTTLE.freeFailures;
  if (failures <= 0 || failures < free) return 0;
  const doublings = Math.min(failures - Math.max(free, 1), 20);
  return Math.min(LOGIN_THROTTLE.firstDelaySeconds * 2 ** doublings, LOGIN_THROTTLE.maxDelaySeconds);
}

export interface LoginAttemptHistory {
  /** Failures of this user name from this address within the pair memory. */
  pairFailures: number;
  /** The latest of them, if any. */
  lastPairFailureAt: Date | null;
  /** Failures of any user name from this address within the address window. */
  addressFailures: number;
}

/** Seconds left before this pair may try again; 0 means it may try now. */
export function loginWaitSeconds(history: LoginAttemptHistory, now: Date): number {
  if (history.pairFailures === 0 || !history.lastPairFailureAt) return 0;
  const overCap = history.addressFailures >= LOGIN_THROTTLE.addressCap;
  const delay = pairDelaySeconds(history.pairFailures, overCap);
  const waited = (now.getTime() - history.lastPairFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - waited));
}

/** The wait as officials read it: seconds under a minute, else whole minutes rounded up. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  return `${Math.ceil(seconds / 60)} 分钟`;
}
