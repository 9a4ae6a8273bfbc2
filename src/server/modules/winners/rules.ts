import { hasRole, type Principal } from '../../platform/auth/actor.ts';

/** The registry is kept by organisers; every nomination anywhere is checked against all of it. */
export const canManageWinners = (actor: Principal) => hasRole(actor, 'platform_admin', 'organiser_admin');
