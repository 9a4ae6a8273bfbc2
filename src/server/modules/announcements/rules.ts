import { organisesCampaign } from '#core/campaign/organiser-scope.ts';
import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface AnnouncementSubject {
  /** The campaign organiser's path. */
  organiserPath: string;
}

/** The campaign's own organisation's admins; not those above it (decision 0015). */
const organises = (actor: Principal, s: AnnouncementSubject) => organisesCampaign(actor, s.organiserPath);

/** The 公示 is the organiser's: its admins draft, schedule, open and restart it; the approver reads it. */
export const announcementRules = authorizer<'view' | 'manage', AnnouncementSubject>({
  view: (actor, s) =>
    organises(actor, s) || (hasRole(actor, 'approver') && inSubtree(actor, s.organiserPath)),
  manage: organises,
});
