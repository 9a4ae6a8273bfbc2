import type { Role } from '#core/accounts/roles.ts';

/** Who is calling: the logged-in account, its organisation's place in the tree and its roles. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationPath: string;
  roles: Role[];
  sessionId: string;
  mustChangePassword: boolean;
  ip: string;
}

/** The part of an actor that permissions depend on. */
export type Principal = Pick<Actor, 'accountId' | 'organisationId' | 'organisationPath' | 'roles'>;

export function hasRole(actor: Principal, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** True when `path` lies in the actor's organisation subtree (its own organisation included). */
export function inSubtree(actor: Principal, path: string): boolean {
  return path.startsWith(actor.organisationPath);
}
