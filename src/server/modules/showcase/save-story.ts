/**
 * The organiser saves a winner's public text. It is checked first (core/showcase/story.ts): a text with
 * an ID number, a phone number or the address from the form is refused with the reason and nothing is
 * stored. A saved text is a draft again, even if it was approved: the public page keeps showing only the
 * name, unit, category and photos until the new text is approved.
 */
import { hasErrors } from '#core/findings.ts';
import { storyFindings } from '#core/showcase/story.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, notFound, staleVersion } from '#server/platform/errors.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { recordAudit } from '../audit/service.ts';
import { showcaseRules } from './rules.ts';
import { findPublishedWinner } from './story-queries.ts';

export interface StoryInput {
  text: string;
  /** The version the organiser edited; absent for the first save. */
  version?: number;
}

export async function saveStory(
  context: Pick<AppContext, 'db' | 'clock' | 'publicPages'>,
  actor: Actor,
  nominationId: string,
  input: StoryInput,
): Promise<{ state: 'draft'; version: number }> {
  const now = context.clock.now();
  const result = await context.db.transaction().execute(async (trx) => {
    const winner = await findPublishedWinner(trx, nominationId, true);
    if (!winner) throw notFound('公布的入选推介');
    showcaseRules.authorize(actor, 'editStory', winner);
    const form = revealForm((winner.form ?? {}) as Record<string, unknown>, dataKeys());
    const findings = storyFindings(input.text, {
      address: typeof form.address === 'string' ? form.address : undefined,
    });
    if (hasErrors(findings)) {
      const personal = findings.some((f) => f.code.startsWith('STORY_HAS_'));
      throw new AppError(
        personal ? 'PERSONAL_DATA_IN_PUBLIC_TEXT' : 'VALIDATION_FAILED',
        findings.map((f) => f.message).join('；'),
        { findings },
      );
    }
    if ((winner.version ?? undefined) !== input.version) throw staleVersion();
    const text = input.text.trim();
    const version = (winner.version ?? 0) + 1;
    const values = {
      text,
      state: 'draft' as const,
      version,
      editedBy: actor.accountId,
      editedAt: now,
      approvedBy: null,
      approvedAt: null,
    };
    await trx
      .insertInto('showcaseStories')
      .values({ nominationId, ...values })
      .onConflict((oc) => oc.column('nominationId').doUpdateSet(values))
      .execute();
    await recordAudit(trx, actor, {
      action: 'showcase.story.saved',
      entityType: 'nomination',
      entityId: nominationId,
      scopePath: winner.organiserPath,
      before: winner.state ? { state: winner.state, text: winner.text } : null,
      after: { state: 'draft', text },
    });
    return { state: 'draft' as const, version, wasApproved: winner.state === 'approved' };
  });
  // An approved text taken back to draft leaves the public page.
  if (result.wasApproved) await context.publicPages.changed();
  return { state: result.state, version: result.version };
}
