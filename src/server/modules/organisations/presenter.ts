import { organisationTypeLabel } from '#core/campaign/unit-types.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { OrganisationRow } from './queries.ts';
import { organisationRules } from './rules.ts';

export function presentOrganisation(actor: Actor, o: OrganisationRow) {
  return {
    id: o.id,
    parentId: o.parentId,
    name: o.name,
    type: o.type,
    typeLabel: organisationTypeLabel(o.type),
    regionCode: o.regionCode,
    disabled: o.disabled,
    version: o.version,
    actions: organisationRules.actionsFor(actor, o),
  };
}
