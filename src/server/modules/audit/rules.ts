import { type Principal as Actor, hasRole } from '#server/platform/auth/actor.ts';

/** Admins read the audit entries of their own subtree; the query scopes rows by the actor's path. */
export const canViewAudit = (actor: Actor) => hasRole(actor, 'platform_admin', 'organiser_admin');
