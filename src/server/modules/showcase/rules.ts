import { organisesCampaign } from '#core/campaign/organiser-scope.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface StorySubject {
  organiserPath: string;
}

/**
 * The public text of a winner is the round organiser's to write and approve (it publishes in its name),
 * as it published the results; not an organisation above it, not the reporting unit.
 */
export const showcaseRules = authorizer<'editStory' | 'approveStory', StorySubject>({
  editStory: (actor, s) => organisesCampaign(actor, s.organiserPath),
  approveStory: (actor, s) => organisesCampaign(actor, s.organiserPath),
});
