/**
 * Hooks that answer "may you do this at all?" before the body is validated: a reporting unit sending a
 * malformed rules body is told 403, not shown what a valid body looks like. The use case checks again
 * under its lock; this only puts the answers in the right order.
 */
import type { preValidationAsyncHookHandler } from 'fastify';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
import { campaignRules, canCreateCampaign } from './rules.ts';
import { visibleCampaign } from './service.ts';

type CampaignAction = Parameters<typeof campaignRules.authorize>[1];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function campaignPermissionFirst(db: Db, action: CampaignAction): preValidationAsyncHookHandler {
  return async (request) => {
    const { id } = request.params as { id?: string };
    // A malformed id is the params validation's to answer.
    if (!id || !UUID.test(id)) return;
    const actor = requireActor(request);
    campaignRules.authorize(actor, action, await visibleCampaign(db, actor, id));
  };
}

export const mayCreateCampaignFirst: preValidationAsyncHookHandler = async (request) => {
  if (!canCreateCampaign(requireActor(request))) throw forbidden();
};
