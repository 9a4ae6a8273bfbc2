import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';

/** The registry is kept by organisers; every nomination anywhere is checked against all of it. */
export const canManageWinners = (actor: Principal) => hasRole(actor, 'platform_admin', 'organiser_admin');

/**
 * An organiser reads the lists its own organisation and those below keep, and the lists of the
 * organisers above it (a province sees the national list it reports to).
 */
export const canReadWinnerOf = (actor: Principal, keeperPath: string) =>
  canManageWinners(actor) && (inSubtree(actor, keeperPath) || actor.organisationPath.startsWith(keeperPath));

/** Records are corrected and deleted only by the organiser that keeps them, or one above it. */
export const canEditWinnerOf = (actor: Principal, keeperPath: string) =>
  canManageWinners(actor) && inSubtree(actor, keeperPath);
