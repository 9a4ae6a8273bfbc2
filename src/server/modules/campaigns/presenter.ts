import { madeElsewhere } from '#core/campaign/move-preconditions.ts';
import { CAMPAIGN_LEVEL_LABELS } from '#core/campaign/rules.ts';
import { CAMPAIGN_STATES, transitionsFrom } from '#core/campaign/states.ts';
import { isPastUnitDeadline, type UnitDeadline } from '#core/nomination/moves.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import type { CampaignRow } from './queries.ts';
import { campaignRules } from './rules.ts';

/**
 * A campaign for the caller. With `callerDeadline` (the caller's unit's deadline, its extension included)
 * `nominate` is offered only before it, as the server's create and 排序 refuse after it.
 */
export function presentCampaign(
  actor: Principal,
  c: CampaignRow,
  callerDeadline?: { deadline: UnitDeadline; now: Date },
) {
  const status = c.status;
  const subject = { organiserPath: c.organiserPath, status, rules: c.rules };
  const mayTransition = campaignRules.can(actor, 'transition', subject);
  const late = callerDeadline && isPastUnitDeadline(callerDeadline.deadline, callerDeadline.now.getTime());
  return {
    id: c.id,
    organiserId: c.organiserId,
    organiserName: c.organiserName,
    title: c.title,
    year: c.year,
    level: c.level,
    levelLabel: CAMPAIGN_LEVEL_LABELS[c.level] ?? c.level,
    status,
    statusLabel: CAMPAIGN_STATES[status],
    deadline: c.rules.deadline.date,
    deadlineAt: c.deadlineAt ? new Date(c.deadlineAt).toISOString() : null,
    rulesVersion: c.rulesVersion,
    version: c.version,
    templateId: c.templateId,
    actions: campaignRules.actionsFor(actor, subject).filter((a) => a !== 'nominate' || !late),
    // The status buttons offer what the generic move allows: 开始公示, 审定 and 公布 have their own screens.
    transitions: mayTransition
      ? transitionsFrom(status)
          .filter((t) => madeElsewhere(status, t.to) === null)
          .map(({ to, label }) => ({ to, label }))
      : [],
  };
}
