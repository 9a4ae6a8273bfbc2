import type { Actor } from '#server/platform/auth/actor.ts';
import { maskOfColumn } from '#server/platform/personal-data/sealed-column.ts';
import type { AccountRow } from './queries.ts';
import { accountRules } from './rules.ts';

export function presentAccount(actor: Actor, a: AccountRow) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    roles: a.roles,
    phone: maskOfColumn(a.phoneSealed),
    disabled: a.disabled,
    mustChangePassword: a.mustChangePassword,
    lastLoginAt: a.lastLoginAt ? new Date(a.lastLoginAt).toISOString() : null,
    version: a.version,
    actions: accountRules.actionsFor(actor, a),
  };
}
