import {
  isAdmin,
  isStrictlyAbove,
  notTheOrganiserMessage,
  supervisesCampaign,
} from '#core/campaign/organiser-scope.ts';
import type { Category } from '#core/campaign/rules.ts';
import { parseNominationForm } from '#core/nomination/check.ts';
import { normaliseNominationForm } from '#core/nomination/forms/normalise-form.ts';
import { editRefusal } from '#core/nomination/moves.ts';
import type { NominationState } from '#core/nomination/states.ts';
import { organiserMaySee } from '#core/nomination/visibility.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { hasRole } from '#server/platform/auth/actor.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { campaignRules } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { submittedMaterials } from '../material-facts/nomination-materials.ts';
import { assertBeforeDeadline, moveContext } from './deadline.ts';
import {
  findNomination,
  listNominations,
  listSealedNominations,
  lockNomination,
  type NominationFilter,
  type NominationRow,
} from './queries.ts';
import { nominationRules } from './rules.ts';
import { storedForm, storedSnapshot } from './stored-form.ts';
import { nominationFindings } from './submission-checks.ts';
import { applyNominationTransition, createNominationRow } from './transition-nomination.ts';

/** A nomination the actor may see; otherwise it does not exist for them. */
export async function visibleNomination(
  db: Db | Trx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<NominationRow> {
  const n = lock ? await lockNomination(db as Trx, id) : await findNomination(db, id);
  if (!n) throw notFound('推介');
  if (nominationRules.can(actor, 'view', n)) return n;
  // An admin above the organiser knows the campaign exists (decision 0003), but it is not theirs.
  if (isStrictlyAbove(actor.organisationPath, n.organiserPath) && organiserMaySee(n) && isAdmin(actor))
    throw forbidden(notTheOrganiserMessage(n.organiserName));
  throw notFound('推介');
}

/** The title lists show: the nominee's or the programme's name. */
export function titleOf(form: Record<string, unknown>): string {
  const name = form.name;
  return typeof name === 'string' ? name.trim().slice(0, 100) : '';
}

export async function createNomination(
  db: Db,
  actor: Actor,
  input: { campaignId: string; category: Category },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, input.campaignId);
    if (!campaignRules.can(actor, 'nominate', campaign)) {
      if (campaign.status !== 'open')
        throw new AppError('CAMPAIGN_NOT_OPEN', '活动当前不在报送期，不能新建推介');
      throw forbidden('只有本活动报送单位的填报员可以新建推介');
    }
    await assertBeforeDeadline(trx, campaign, actor.organisationId, now);
    const id = await createNominationRow(trx, {
      campaignId: campaign.id,
      unitId: actor.organisationId,
      category: input.category,
      createdBy: actor.accountId,
    });
    const n = (await findNomination(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'nomination.created',
      entityType: 'nomination',
      entityId: n.id,
      scopePath: n.unitPath,
      after: { campaignId: campaign.id, category: input.category },
    });
    return n;
  });
}

const saveDraft = compiledOnce(
  (
    db,
    id: string,
    form: string,
    idNumberHash: string | null,
    birthDateHash: string | null,
    dataKeyId: string,
    snapshot: string | null,
    title: string,
    version: number,
    updatedAt: Date,
  ) =>
    db
      .updateTable('nominations')
      .set({ form, idNumberHash, birthDateHash, dataKeyId, snapshot, title, version, updatedAt })
      .where('id', '=', id),
);

/** Saves a draft (also the browser's autosave): only in an editable state, before the deadline, never over a newer save. */
export async function updateNomination(
  db: Db,
  actor: Actor,
  id: string,
  input: { form: Record<string, unknown>; version: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const n = await visibleNomination(trx, actor, id, true);
    nominationRules.authorize(actor, 'edit', n);
    const campaign = await visibleCampaign(trx, actor, n.campaignId);
    // The rule the response's 'edit' action is offered by: state, campaign open, the unit's deadline.
    const context = await moveContext(trx, campaign, n.unitId, 'unit', now);
    const refused = editRefusal(n.state, context);
    if (refused) throw new AppError(refused.code, refused.message);
    if (n.version !== input.version) throw staleVersion();
    // Stored as it will be printed and compared: no full-width digits, stray spaces or bidi marks.
    const form = normaliseNominationForm(n.category, input.form);
    const parsed = parseNominationForm(n.category, form);
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', parsed.findings.map((f) => f.message).join('；'), {
        findings: parsed.findings,
      });
    }
    // The hot path of autosave: what changed is known, so the row is not read back.
    const saved = {
      ...n,
      form,
      title: titleOf(form),
      version: n.version + 1,
      updatedAt: now,
    };
    const stored = storedForm(saved.form);
    await saveDraft.run(
      trx,
      id,
      stored.form,
      stored.idNumberHash,
      stored.birthDateHash,
      stored.dataKeyId,
      // Resealed with the form, so the row's envelopes are all under the key the row names.
      n.snapshot ? storedSnapshot(n.snapshot) : null,
      saved.title,
      saved.version,
      saved.updatedAt,
    );
    // Drafts change every few seconds while typing; the audit keeps who saved which version, not every keystroke's content.
    await recordAudit(trx, actor, {
      action: 'nomination.saved',
      entityType: 'nomination',
      entityId: id,
      scopePath: n.unitPath,
      before: { version: n.version },
      after: { version: n.version + 1 },
    });
    // The deadline the save was judged by is the one the answer's actions are judged by.
    return { nomination: saved, campaign, timing: { deadline: context.deadline, now } };
  });
}

/**
 * Any move of the transition table. Submitting runs every check on the form in the same transaction
 * as the quota lock and the snapshot, so what was checked is exactly what is stored.
 */
export async function transitionNomination(
  db: Db,
  actor: Actor,
  id: string,
  input: { to: NominationState; reason?: string; now: Date },
) {
  return db.transaction().execute((trx) => transitionNominationIn(trx, actor, id, input));
}

/** The same move inside the caller's transaction: several moves that stand or fall together (批量通过). */
export async function transitionNominationIn(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { to: NominationState; reason?: string; now: Date },
) {
  const n = await visibleNomination(trx, actor, id, true);
  const campaign = await visibleCampaign(trx, actor, n.campaignId);
  const submitting = input.to === 'submitted';
  const submissionFindings = submitting
    ? await nominationFindings(trx, n, campaign, { reader: actor, now: input.now })
    : undefined;
  return applyNominationTransition(trx, actor, n, campaign, {
    ...input,
    submissionFindings,
    submittedMaterials: submitting ? await submittedMaterials(trx, n, campaign) : undefined,
  });
}

/** What the caller may list of a campaign it has found visible (visibleCampaign). */
export async function listVisibleNominations(
  db: Db,
  actor: Actor,
  campaign: CampaignRow,
  filter: NominationFilter,
) {
  return listNominations(db, visibleFilter(actor, campaign, filter));
}

/** The same rows as stored, the personal fields sealed: for the list page, which shows no form. */
export async function listVisibleSummaries(
  db: Db,
  actor: Actor,
  campaign: CampaignRow,
  filter: NominationFilter,
) {
  return listSealedNominations(db, visibleFilter(actor, campaign, filter));
}

function visibleFilter(actor: Actor, campaign: CampaignRow, filter: NominationFilter): NominationFilter {
  const organiser = nominationRules.can(actor, 'actAsOrganiser', {
    unitId: '',
    organiserPath: campaign.organiserPath,
  });
  // A supervisor above the organiser reads what the organiser reads, masked by the presenter (decision 0015).
  const reader =
    organiser ||
    supervisesCampaign(actor, {
      organiserPath: campaign.organiserPath,
      supervision: campaign.rules.supervision,
    });
  // A unit sees its own nominations only, whatever it asks for; the organiser no unit's drafts.
  const unitId = reader ? filter.unitId : actor.organisationId;
  if (!reader && !hasRole(actor, 'unit_submitter')) throw forbidden();
  const ownUnit = unitId === actor.organisationId && hasRole(actor, 'unit_submitter');
  return { ...filter, unitId, organiserView: !ownUnit };
}

/** Exports carry personal data out of the platform: who exported what is kept (PIPL). */
export async function recordExport(
  db: Db,
  actor: Actor,
  campaign: { id: string; organiserPath: string },
  count: number,
) {
  await recordAudit(db, actor, {
    action: 'nomination.exported',
    entityType: 'campaign',
    entityId: campaign.id,
    scopePath: actor.organisationPath,
    after: { count },
  });
}

/** PIPL: someone other than the nominating unit who sees a nominee's full 身份证号 is logged. */
export async function recordIdentityView(db: Db, actor: Actor, n: NominationRow) {
  if (n.unitId === actor.organisationId || typeof n.form.idNumber !== 'string' || !n.form.idNumber) return;
  if (!nominationRules.can(actor, 'seeIdentity', n)) return;
  await recordAudit(db, actor, {
    action: 'nomination.identity_viewed',
    entityType: 'nomination',
    entityId: n.id,
    scopePath: n.unitPath,
  });
}
