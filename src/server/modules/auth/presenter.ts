import { isAdmin } from '#core/campaign/organiser-scope.ts';
import { organisationTypeLabel } from '#core/campaign/unit-types.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { canImportAccounts, grantableRoles } from '../accounts/rules.ts';
import { canViewAudit } from '../audit/rules.ts';
import { canManageCalendar } from '../calendar/rules.ts';
import { canCreateCampaign } from '../campaigns/rules.ts';
import { organisationRules } from '../organisations/rules.ts';
import { canManageWinners } from '../winners/rules.ts';

/** What the signed-in account may open, so the browser shows only those entries. */
function permissionsOf(
  principal: Principal,
  ownOrganisation: { id: string; path: string; disabled: boolean },
): string[] {
  const permissions: string[] = ['campaigns.view'];
  if (organisationRules.can(principal, 'view', ownOrganisation))
    permissions.push('organisations.view', 'accounts.view');
  if (grantableRoles(principal).length > 0) permissions.push('accounts.create');
  if (canImportAccounts(principal)) permissions.push('accounts.import');
  if (canViewAudit(principal)) permissions.push('audit.view');
  if (canCreateCampaign(principal)) permissions.push('campaigns.create');
  if (canManageCalendar(principal)) permissions.push('calendar.manage');
  if (canManageWinners(principal)) permissions.push('winners.manage');
  if (isAdmin(principal)) permissions.push('statistics.view');
  return permissions;
}

export async function presentMe(db: Db, accountId: string) {
  const row = await db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([
      'a.id',
      'a.username',
      'a.displayName',
      'a.roles',
      'a.mustChangePassword',
      'o.id as orgId',
      'o.name as orgName',
      'o.type as orgType',
      'o.path as orgPath',
      'o.disabled as orgDisabled',
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  const roles = row.roles;
  const principal = { accountId: row.id, organisationId: row.orgId, organisationPath: row.orgPath, roles };
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    organisation: {
      id: row.orgId,
      name: row.orgName,
      type: row.orgType,
      typeLabel: organisationTypeLabel(row.orgType),
    },
    roles,
    mustChangePassword: row.mustChangePassword,
    grantableRoles: grantableRoles(principal),
    permissions: permissionsOf(principal, { id: row.orgId, path: row.orgPath, disabled: row.orgDisabled }),
  };
}
