/**
 * Who records a published winner's publicity activities (五进): the winner's own unit (for a national
 * winner also the unit that first reported it), the organiser of the round that published it, and, for a
 * national winner, the province that forwarded it (which is that nomination's unit). Nobody else: a
 * province never records for another province's winner. Those above the organiser read, never write.
 * Changes and deletions are the recorder's, while it may still record for the winner, or the organiser's.
 */
import type { Role } from '../accounts/roles.ts';
import { isAdmin, isStrictlyAbove, organisesCampaign } from '../campaign/organiser-scope.ts';

export interface ActivityActor {
  accountId: string;
  organisationId: string;
  organisationPath: string;
  roles: readonly Role[];
}

export interface ActivityWinner {
  /** The winning nomination's unit, and for a forwarded copy also the unit that first reported it. */
  unitIds: readonly string[];
  /** The tree path of the organiser of the round that published it. */
  organiserPath: string;
}

export type RecordStanding = 'unit' | 'organiser' | 'none';

const UNIT_ROLES: readonly Role[] = ['unit_submitter', 'organiser_admin'];

export function recordStanding(actor: ActivityActor, winner: ActivityWinner): RecordStanding {
  if (organisesCampaign(actor, winner.organiserPath)) return 'organiser';
  if (winner.unitIds.includes(actor.organisationId) && actor.roles.some((r) => UNIT_ROLES.includes(r)))
    return 'unit';
  return 'none';
}

export const mayRecordActivity = (actor: ActivityActor, winner: ActivityWinner) =>
  recordStanding(actor, winner) !== 'none';

/** Reading: who records, and the admins above the organiser (a national association over its provinces). */
export const mayViewActivities = (actor: ActivityActor, winner: ActivityWinner) =>
  mayRecordActivity(actor, winner) ||
  (isAdmin(actor) && isStrictlyAbove(actor.organisationPath, winner.organiserPath));

export function mayChangeActivity(
  actor: ActivityActor,
  winner: ActivityWinner,
  activity: { recordedBy: string },
): boolean {
  const standing = recordStanding(actor, winner);
  return standing === 'organiser' || (standing === 'unit' && activity.recordedBy === actor.accountId);
}

/** Why the actor may not record for this winner, in Chinese; for the 403 the refusal carries. */
export function recordRefusal(actor: ActivityActor, winner: ActivityWinner): string {
  if (isAdmin(actor) && isStrictlyAbove(actor.organisationPath, winner.organiserPath))
    return '宣传活动由推介对象所在单位或本轮推介的组织单位登记，上级单位可查看，不能代为登记。';
  return '只能登记本单位（本省）推介对象的宣传活动，不能为其他单位或其他省份的推介对象登记。';
}

export function changeRefusal(actor: ActivityActor, winner: ActivityWinner): string {
  if (recordStanding(actor, winner) === 'unit') return '只有登记人或组织单位可以修改、删除这条宣传活动记录。';
  return recordRefusal(actor, winner);
}
