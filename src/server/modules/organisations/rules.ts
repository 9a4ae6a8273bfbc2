import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface OrganisationSubject {
  id: string;
  path: string;
  disabled: boolean;
}

const isAdminOver = (actor: Principal, org: OrganisationSubject) =>
  hasRole(actor, 'platform_admin', 'organiser_admin') && inSubtree(actor, org.path);

export const organisationRules = authorizer<
  'view' | 'createChild' | 'update' | 'disable' | 'enable',
  OrganisationSubject
>({
  view: isAdminOver,
  createChild: (actor, org) => isAdminOver(actor, org) && !org.disabled,
  update: isAdminOver,
  // An admin cannot switch off the organisation they work from: nobody could switch it back on.
  disable: (actor, org) => isAdminOver(actor, org) && !org.disabled && org.id !== actor.organisationId,
  enable: (actor, org) => isAdminOver(actor, org) && org.disabled && org.id !== actor.organisationId,
});
