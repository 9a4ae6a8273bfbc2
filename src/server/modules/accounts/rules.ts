import type { Role } from '#core/accounts/roles.ts';
import { type Principal as Actor, hasRole, inSubtree } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface AccountSubject {
  id: string;
  organisationPath: string;
  disabled: boolean;
}

const isAdminOver = (actor: Actor, account: AccountSubject) =>
  hasRole(actor, 'platform_admin', 'organiser_admin') && inSubtree(actor, account.organisationPath);
const notSelf = (actor: Actor, account: AccountSubject) => account.id !== actor.accountId;

export const accountRules = authorizer<
  'view' | 'update' | 'disable' | 'enable' | 'resetPassword' | 'unlockLogin',
  AccountSubject
>({
  view: isAdminOver,
  // Changing one's own roles or switching oneself off would be a way to lock everybody out.
  update: (actor, a) => isAdminOver(actor, a) && notSelf(actor, a),
  disable: (actor, a) => isAdminOver(actor, a) && notSelf(actor, a) && !a.disabled,
  enable: (actor, a) => isAdminOver(actor, a) && notSelf(actor, a) && a.disabled,
  resetPassword: (actor, a) => isAdminOver(actor, a) && notSelf(actor, a),
  // An owner held back after failed sign-ins (a guesser at their office's address) is let in again by
  // the admin who vouches for them, without waiting out the delay.
  unlockLogin: (actor, a) => isAdminOver(actor, a) && notSelf(actor, a),
});

/** Only a platform admin makes platform admins; organiser admins grant every other role. */
export function grantableRoles(actor: Actor): Role[] {
  if (hasRole(actor, 'platform_admin'))
    return ['platform_admin', 'organiser_admin', 'unit_submitter', 'expert', 'approver'];
  if (hasRole(actor, 'organiser_admin')) return ['organiser_admin', 'unit_submitter', 'expert', 'approver'];
  return [];
}

export function canCreateAccountIn(actor: Actor, organisationPath: string, roles: readonly Role[]): boolean {
  const grantable = grantableRoles(actor);
  return inSubtree(actor, organisationPath) && roles.length > 0 && roles.every((r) => grantable.includes(r));
}

export const canImportAccounts = (actor: Actor) => hasRole(actor, 'platform_admin', 'organiser_admin');
