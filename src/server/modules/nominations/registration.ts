import type { Category } from '#core/campaign/rules.ts';
import { registrationFindings, setSpecial } from '#core/nomination/registration-table.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from './deadline.ts';
import { findNomination, listNominations } from './queries.ts';
import { nominationRules } from './rules.ts';
import { visibleNomination } from './service.ts';

/** The unit's 推介登记表 for a category, locked: the quota-holding nominations in 排序 order. */
async function lockedTable(trx: Trx, campaignId: string, unitId: string, category: Category) {
  await trx.selectFrom('organisations').select('id').where('id', '=', unitId).forUpdate().execute();
  const rows = await listNominations(trx, { campaignId, unitId, category });
  return rows.filter((n) => QUOTA_STATES.has(n.state)).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

function refuseOnErrors(findings: ReturnType<typeof registrationFindings>) {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const code = errors.some((f) => f.code.includes('QUOTA')) ? 'QUOTA_EXCEEDED' : 'VALIDATION_FAILED';
  throw new AppError(code, errors.map((f) => f.message).join('；'), { findings: errors });
}

async function unitContext(campaign: CampaignRow, actor: Actor) {
  if (
    !nominationRules.can(actor, 'actAsUnit', {
      unitId: actor.organisationId,
      organiserPath: campaign.organiserPath,
    })
  ) {
    throw forbidden('只有报送单位的填报员可以编排本单位的推介登记表');
  }
}

/**
 * Sets the whole 排序 of the unit's table at once: the list must name exactly its nominations. Returns the
 * table in its new order with the campaign it was checked against.
 */
export async function orderRegistration(
  db: Db,
  actor: Actor,
  input: { campaignId: string; category: Category; order: string[] },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, input.campaignId);
    await unitContext(campaign, actor);
    await assertBeforeDeadline(trx, campaign, actor.organisationId, now);
    const table = await lockedTable(trx, campaign.id, actor.organisationId, input.category);
    const ids = new Set(table.map((n) => n.id));
    if (
      input.order.length !== ids.size ||
      !input.order.every((id) => ids.has(id)) ||
      new Set(input.order).size !== ids.size
    ) {
      throw new AppError('STALE_VERSION', '登记表已有变化（有推介提交或撤回），请刷新后重新排序');
    }
    // The order names each nomination once, so ranks 1..n follow from it.
    for (const [index, id] of input.order.entries()) {
      await trx
        .updateTable('nominations')
        .set({ rank: index + 1, updatedAt: now })
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'registration.ordered',
      entityType: 'campaign',
      entityId: campaign.id,
      scopePath: actor.organisationPath,
      before: { order: table.map((n) => n.id) },
      after: { category: input.category, order: input.order },
    });
    const rows = await listNominations(trx, {
      campaignId: campaign.id,
      unitId: actor.organisationId,
      category: input.category,
    });
    return { campaign, rows };
  });
}

/** Marks or unmarks the unit's one special pick of the category (事迹特别感人 / 特别受百姓喜爱). */
export async function markSpecial(db: Db, actor: Actor, id: string, special: boolean, now: Date) {
  return db.transaction().execute(async (trx) => {
    const n = await visibleNomination(trx, actor, id);
    const campaign = await visibleCampaign(trx, actor, n.campaignId);
    await unitContext(campaign, actor);
    if (n.unitId !== actor.organisationId) throw forbidden();
    await assertBeforeDeadline(trx, campaign, n.unitId, now);
    const table = await lockedTable(trx, n.campaignId, n.unitId, n.category);
    if (!table.some((row) => row.id === id)) {
      throw new AppError('NOMINATION_NOT_SUBMITTED', '只有已提交的推介才能在登记表中标注');
    }
    const list = setSpecial(
      table.map((row) => ({ id: row.id, rank: row.rank ?? 0, special: row.special })),
      id,
      special,
    );
    refuseOnErrors(
      registrationFindings(list, campaign.rules, {
        category: n.category,
        unitType: n.unitType,
        unitOverride: campaign.rules.quotas.unitOverrides[n.unitId],
      }).filter((f) => !f.code.startsWith('RANK')),
    );
    await trx
      .updateTable('nominations')
      .set({ special, version: n.version + 1, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: special ? 'nomination.marked_special' : 'nomination.unmarked_special',
      entityType: 'nomination',
      entityId: id,
      scopePath: n.unitPath,
      before: { special: n.special },
      after: { special },
    });
    return (await findNomination(trx, id))!;
  });
}
