/**
 * The organiser invites an expert into a campaign's pool: an existing account with the expert role in
 * the organiser's subtree, or a new account made the way the accounts module makes accounts (a one-time
 * password returned once). The pool entry carries the facts recusal is computed from, so the campaign's
 * conflicts are recomputed in the same transaction.
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { InviteExpertBody } from '#core/contract/review-setup.ts';
import { type Actor, hasRole, inSubtree } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { canCreateAccountIn } from '../accounts/rules.ts';
import { insertAccount } from '../accounts/service.ts';
import { recordAudit } from '../audit/service.ts';
import { findVisibleOrganisation } from '../organisations/service.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { type ExpertFactsInput, expertFactsFindings, factColumns, refuseFindings } from './experts-facts.ts';
import { assertSetupOpen, managedCampaign } from './pool-context.ts';
import { findExpertAccount, findPoolExpert, isInPool, listPool } from './pool-queries.ts';

type InviteInput = z.output<typeof InviteExpertBody>;

/** What the audit log keeps of an expert's facts: no ID number, no relations' details. */
export const auditFacts = (name: string, input: ExpertFactsInput) => ({
  name,
  panels: input.panels,
  chairOf: input.chairOf,
  employerName: input.employerName,
  province: input.province,
  field: input.field,
  minLoad: input.minLoad,
  maxLoad: input.maxLoad,
  relations: input.relations.length,
});

/** Adds one expert to the pool in the caller's transaction (also used by the import). */
export async function addToPool(
  trx: Trx,
  actor: Actor,
  campaign: { id: string; organiserPath: string },
  account: { id: string; displayName: string },
  input: ExpertFactsInput,
  today: string,
) {
  if (await isInPool(trx, campaign.id, account.id))
    throw new AppError('EXPERT_ALREADY_IN_POOL', `${account.displayName}已在本次活动的专家库中`);
  const chairs = await listPool(trx, campaign.id);
  refuseFindings(expertFactsFindings(input, { today, chairs, expertId: account.id }));
  await trx
    .insertInto('reviewExperts')
    .values({
      campaignId: campaign.id,
      expertId: account.id,
      invitedBy: actor.accountId,
      ...factColumns(input),
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'review.expert_invited',
    entityType: 'review_expert',
    entityId: account.id,
    scopePath: campaign.organiserPath,
    after: { campaignId: campaign.id, ...auditFacts(account.displayName, input) },
  });
}

/** An existing account the organiser may invite: the expert role, in the organiser's subtree, active. */
export async function invitableAccount(trx: Trx | Db, actor: Actor, accountId: string) {
  const account = await findExpertAccount(trx, accountId);
  if (!account || !inSubtree(actor, account.organisationPath)) throw notFound('专家账号');
  if (!account.roles.includes('expert'))
    throw new AppError(
      'VALIDATION_FAILED',
      `账号「${account.displayName}」不是评审专家，请先为其授予评审专家角色`,
    );
  if (account.disabled)
    throw new AppError('VALIDATION_FAILED', `账号「${account.displayName}」已停用，不能邀请`);
  return account;
}

export async function inviteExpert(db: Db, actor: Actor, campaignId: string, input: InviteInput, now: Date) {
  const today = todayInShanghai(now);
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    assertSetupOpen(campaign);
    let created: { username: string; displayName: string; initialPassword: string } | undefined;
    let account: { id: string; displayName: string };
    if (input.accountId) {
      account = await invitableAccount(trx, actor, input.accountId);
    } else {
      const fresh = input.newAccount!;
      const org = await findVisibleOrganisation(
        trx,
        actor,
        fresh.organisationId ?? campaign.organiserId,
        true,
      );
      if (
        !hasRole(actor, 'organiser_admin', 'platform_admin') ||
        !canCreateAccountIn(actor, org.path, ['expert'])
      )
        throw forbidden('您不能在该单位创建评审专家账号');
      if (org.disabled)
        throw new AppError('ORGANISATION_DISABLED', `单位「${org.name}」已停用，不能新增账号`);
      const made = await insertAccount(trx, actor, org, {
        username: fresh.username,
        displayName: fresh.displayName,
        roles: ['expert'],
        phone: fresh.phone,
      });
      if (fresh.email)
        await trx
          .updateTable('accounts')
          .set({ email: fresh.email })
          .where('id', '=', made.account.id)
          .execute();
      account = made.account;
      created = {
        username: made.account.username,
        displayName: made.account.displayName,
        initialPassword: made.initialPassword,
      };
    }
    await addToPool(trx, actor, campaign, account, input, today);
    await recomputeConflicts(trx, campaign.id, today, actor);
    const row = (await findPoolExpert(trx, campaign.id, account.id))!;
    return { row, created };
  });
}
