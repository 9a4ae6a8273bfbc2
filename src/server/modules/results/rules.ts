import { organisesCampaign } from '#core/campaign/organiser-scope.ts';
import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface ResultsSubject {
  organiserPath: string;
}

/** The campaign's own organisation's admins; not those above it (decision 0015). */
const organises = (actor: Principal, s: ResultsSubject) => organisesCampaign(actor, s.organiserPath);

/**
 * 审定 is the approver's: an account with the 审定人 role in the organiser's organisation or one above it
 * (the national notice: 经教育部职业教育与成人教育司、全民终身学习活动周领导小组审定). The organiser asks
 * for it and publishes the approved list; it never approves its own list.
 */
export const resultsRules = authorizer<
  'approve' | 'requestApproval' | 'publish' | 'viewApproval',
  ResultsSubject
>({
  approve: (actor, s) => hasRole(actor, 'approver') && inSubtree(actor, s.organiserPath),
  requestApproval: organises,
  publish: organises,
  viewApproval: (actor, s) =>
    organises(actor, s) || (hasRole(actor, 'approver') && inSubtree(actor, s.organiserPath)),
});

/** A published notice is public: any signed-in account may download its files. */
export const canDownloadNotice = (_actor: Principal, notice: { published: boolean }) => notice.published;
