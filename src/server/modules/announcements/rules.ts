import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface AnnouncementSubject {
  /** The campaign organiser's path. */
  organiserPath: string;
}

const organises = (actor: Principal, s: AnnouncementSubject) =>
  hasRole(actor, 'platform_admin', 'organiser_admin') && inSubtree(actor, s.organiserPath);

/** The 公示 is the organiser's: its admins draft, schedule, open and restart it; the approver reads it. */
export const announcementRules = authorizer<'view' | 'manage', AnnouncementSubject>({
  view: (actor, s) =>
    organises(actor, s) || (hasRole(actor, 'approver') && inSubtree(actor, s.organiserPath)),
  manage: organises,
});
