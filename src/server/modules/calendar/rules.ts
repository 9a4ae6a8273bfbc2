import { hasRole, type Principal } from '#server/platform/auth/actor.ts';

/** An organiser admin keeps their own organisation's calendar adjustments (used by its campaigns). */
export const canManageCalendar = (actor: Principal) => hasRole(actor, 'platform_admin', 'organiser_admin');
