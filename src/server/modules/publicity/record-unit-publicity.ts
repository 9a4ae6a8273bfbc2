/** A unit records a 公示 it posted of its nominees: where, from when to when, which nominations. */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { unitFacts } from './coverage-facts.ts';
import { campaignToRecordIn } from './publicity-context.ts';
import { unitNominations } from './queries.ts';
import { checkPublicityInput, type PublicityInput } from './validate-input.ts';

export async function recordUnitPublicity(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: PublicityInput,
  now: Date,
): Promise<{ id: string; published: boolean }> {
  return db.transaction().execute(async (trx) => {
    const { campaign, unitId } = await campaignToRecordIn(trx, actor, campaignId);
    const [facts, nominations] = await Promise.all([
      unitFacts(trx, campaign, unitId),
      unitNominations(trx, campaign.id, unitId),
    ]);
    const record = checkPublicityInput(input, facts, nominations);
    const { id } = await trx
      .insertInto('unitPublicities')
      .values({ campaignId: campaign.id, unitId, ...record, recordedBy: actor.accountId, recordedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'publicity.recorded',
      entityType: 'unit_publicity',
      entityId: id,
      scopePath: actor.organisationPath,
      after: record,
    });
    return { id, published: record.published };
  });
}
