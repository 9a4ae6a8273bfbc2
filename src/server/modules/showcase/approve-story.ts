/**
 * The organiser approves a winner's saved public text for the showcase; the page shows it once this
 * commits. The text is checked again (a rule may have grown since it was saved): one with personal data
 * is never approved.
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

export async function approveStory(
  context: Pick<AppContext, 'db' | 'clock' | 'publicPages'>,
  actor: Actor,
  nominationId: string,
  input: { version: number },
): Promise<{ state: 'approved'; version: number }> {
  const now = context.clock.now();
  const result = await context.db.transaction().execute(async (trx) => {
    const winner = await findPublishedWinner(trx, nominationId, true);
    if (!winner) throw notFound('公布的入选推介');
    showcaseRules.authorize(actor, 'approveStory', winner);
    if (winner.text === null || winner.state === null || winner.version === null)
      throw new AppError('STORY_NOT_APPROVABLE', '尚未保存公开展示的事迹文字，请先编辑保存后再审核通过。');
    if (winner.version !== input.version) throw staleVersion();
    if (winner.state === 'approved')
      throw new AppError('STORY_NOT_APPROVABLE', '这段事迹文字已审核通过，无需再次审核。');
    const form = revealForm((winner.form ?? {}) as Record<string, unknown>, dataKeys());
    const findings = storyFindings(winner.text, {
      address: typeof form.address === 'string' ? form.address : undefined,
    });
    if (hasErrors(findings))
      throw new AppError('PERSONAL_DATA_IN_PUBLIC_TEXT', findings.map((f) => f.message).join('；'), {
        findings,
      });
    const version = winner.version + 1;
    await trx
      .updateTable('showcaseStories')
      .set({ state: 'approved', version, approvedBy: actor.accountId, approvedAt: now })
      .where('nominationId', '=', nominationId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'showcase.story.approved',
      entityType: 'nomination',
      entityId: nominationId,
      scopePath: winner.organiserPath,
      before: { state: winner.state },
      after: { state: 'approved', text: winner.text },
    });
    return { state: 'approved' as const, version };
  });
  await context.publicPages.changed();
  return result;
}
