/**
 * The organiser's list of a published round's winners with their public text: the approved or draft
 * text when there is one, otherwise a first draft from the form (事迹, or a project's content and
 * results) for the organiser to edit. Only the round's organiser sees it.
 */
import { CAMPAIGN_LEVEL_LABELS } from '#core/campaign/rules.ts';
import { draftStoryOf } from '#core/showcase/story.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { showcaseRules } from './rules.ts';
import { winnersWithStories } from './story-queries.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function listStories(context: Pick<AppContext, 'db'>, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(context.db, actor, campaignId);
  showcaseRules.authorize(actor, 'editStory', campaign);
  const rows = await winnersWithStories(context.db, campaignId);
  return {
    campaignTitle: campaign.title,
    level: CAMPAIGN_LEVEL_LABELS[campaign.level],
    winners: rows.map((r) => {
      const form = (r.form ?? {}) as Record<string, unknown>;
      return {
        nominationId: r.id,
        category: r.category,
        special: r.special,
        name: text(form.name) || r.title,
        unit: r.unitName,
        state: r.state ?? ('none' as const),
        text: r.text ?? draftStoryOf(r.category, form),
        version: r.version ?? null,
        editedAt: r.editedAt?.toISOString() ?? null,
        approvedAt: r.approvedAt?.toISOString() ?? null,
        publicPath: `/showcase/winner/${r.id}`,
      };
    }),
  };
}
