/**
 * The organiser's view of recusal: every pair with reasons (standing or dismissed) with the words core
 * wrote; and a candidate checked against the campaign's nominations before inviting, storing nothing.
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CheckExpertBody, ConflictPair } from '#core/contract/review-setup.ts';
import { findConflicts } from '#core/review/conflicts.ts';
import { type Actor, inSubtree } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { notFound } from '#server/platform/errors.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { findVisibleOrganisation } from '../organisations/service.ts';
import { expertFacts, idHash, nominationLabel } from './conflicts-facts.ts';
import { conflictInputs } from './conflicts-recompute.ts';
import { sealRelations } from './experts-relatives.ts';
import { managedCampaign } from './pool-context.ts';
import { findExpertAccount, findPoolExpert } from './pool-queries.ts';

type Reason = ConflictPair['reasons'][number];

export async function listConflicts(db: Db, actor: Actor, campaignId: string): Promise<ConflictPair[]> {
  const campaign = await managedCampaign(db, actor, campaignId);
  const rows = await db
    .selectFrom('reviewConflicts as c')
    .innerJoin('nominations as n', 'n.id', 'c.nominationId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .innerJoin('accounts as a', 'a.id', 'c.expertId')
    .select([
      'c.nominationId',
      'n.title',
      'n.category',
      'u.name as unitName',
      'c.expertId',
      'a.displayName as expertName',
      'c.conflicted',
      'c.reasons',
      'c.dismissed',
    ])
    .where('c.campaignId', '=', campaign.id)
    .orderBy('n.category')
    .orderBy('n.title')
    .orderBy('a.displayName')
    .execute();
  return rows.map((r) => ({
    nominationId: r.nominationId,
    nominationTitle: r.title || '（未填写名称）',
    unitName: r.unitName,
    category: r.category,
    expertId: r.expertId,
    expertName: r.expertName,
    conflicted: r.conflicted,
    reasons: r.reasons as Reason[],
    dismissed: r.dismissed as Reason[],
  }));
}

export async function checkExpertConflicts(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof CheckExpertBody>,
  now: Date,
) {
  const campaign = await managedCampaign(db, actor, campaignId);
  const today = todayInShanghai(now);
  let organisation: { id: string; path: string; name: string } | null = null;
  if (input.accountId) {
    const account = await findExpertAccount(db, input.accountId);
    if (!account || !inSubtree(actor, account.organisationPath)) throw notFound('专家账号');
    organisation = {
      id: account.organisationId,
      path: account.organisationPath,
      name: account.organisationName,
    };
  } else if (input.organisationId) {
    const org = await findVisibleOrganisation(db, actor, input.organisationId);
    organisation = { id: org.id, path: org.path, name: org.name };
  }
  const inputs = await conflictInputs(db, campaign.id, today);
  // Editing a pool expert, the form sends their relatives' numbers back as the masks it was shown.
  const kept = input.accountId ? (await findPoolExpert(db, campaign.id, input.accountId))?.relations : [];
  const candidateId = input.accountId ?? '(candidate)';
  const facts = expertFacts(
    {
      expertId: candidateId,
      name: input.name,
      idNumberHash: idHash(input.idNumber),
      employerName: input.employerName,
      employerCreditCode: input.employerCreditCode,
      province: input.province,
      relations: sealRelations(input.relations, kept, dataKeys()),
      organisation,
    },
    [],
  );
  const byId = new Map(inputs.nominations.map((n) => [n.id, n]));
  const checks = findConflicts([facts], inputs.nominationFacts, inputs.settings);
  return checks
    .filter((c) => c.conflicted && input.panels.includes(byId.get(c.nominationId)!.category))
    .map((c) => {
      const n = byId.get(c.nominationId)!;
      return {
        nominationId: n.id,
        nominationTitle: nominationLabel(n),
        unitName: n.unitName,
        category: n.category,
        expertName: input.name,
        conflicted: true,
        reasons: c.reasons,
        dismissed: [],
      };
    });
}
