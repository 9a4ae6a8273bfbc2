/**
 * Whether an announcement may move now (house rule 1: the transition function asks this before writing,
 * and the screen offers only the moves it allows): the transition of states.ts for this actor, the
 * campaign's state, the days (Beijing time, ISO dates), a reason where one is required.
 */
import { formatChineseDate } from '../calendar/format.ts';
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';
import {
  ANNOUNCEMENT_STATES,
  type AnnouncementActor,
  type AnnouncementState,
  type AnnouncementTransition,
  findAnnouncementTransition,
} from './states.ts';

export interface AnnouncementMoveContext {
  actor: AnnouncementActor;
  campaignState: CampaignState;
  /** Today in Beijing, YYYY-MM-DD. */
  today: string;
  /** The period the announcement will have after the move (the new one for 确认发布 and 重新公示). */
  startDay: string | null;
  endDay: string | null;
  reason?: string | null;
}

export type AnnouncementMove =
  | { ok: true; transition: AnnouncementTransition }
  | { ok: false; message: string };

/** The campaign states each target allows: 公示 is of a shortlist under review, restarted before 审定. */
const CAMPAIGN_STATES_FOR: Record<AnnouncementState, readonly CampaignState[]> = {
  draft: ['reviewing'],
  scheduled: ['reviewing', 'announcing'],
  open: ['reviewing', 'announcing'],
  // The period ends on its day whatever else happened to the campaign.
  closed: ['reviewing', 'announcing', 'approved', 'published'],
};

const refuse = (message: string): AnnouncementMove => ({ ok: false, message });

export function announcementMove(
  from: AnnouncementState,
  to: AnnouncementState,
  context: AnnouncementMoveContext,
): AnnouncementMove {
  const transition = findAnnouncementTransition(from, to, context.actor);
  if (!transition) {
    const anyActor = findAnnouncementTransition(from, to);
    if (anyActor && context.actor === 'organiser')
      return refuse(`「${anyActor.label}」由系统在公示期满后自动完成，无需手动操作。`);
    return refuse(`公示当前为「${ANNOUNCEMENT_STATES[from]}」，不能改为「${ANNOUNCEMENT_STATES[to]}」。`);
  }
  if (!CAMPAIGN_STATES_FOR[to].includes(context.campaignState))
    return refuse(
      `活动当前为「${CAMPAIGN_STATES[context.campaignState]}」，不能「${transition.label}」：` +
        '公示只针对评审中或公示中活动的拟推介名单。',
    );
  if (transition.requiresReason && !context.reason?.trim())
    return refuse(`「${transition.label}」须填写原因，原因将随更正说明一并公示。`);
  if (to === 'scheduled') {
    if (!context.startDay || !context.endDay)
      return refuse('请先选定公示开始日期，系统将按工作日计算结束日期。');
    if (context.startDay < context.today)
      return refuse(
        `公示开始日期${formatChineseDate(context.startDay)}已过，请选择今天（${formatChineseDate(context.today)}）或以后的日期。`,
      );
  }
  if (to === 'open' && (!context.startDay || context.today < context.startDay))
    return refuse(
      context.startDay
        ? `公示定于${formatChineseDate(context.startDay)}开始，不能提前开始。`
        : '公示尚未选定开始日期。',
    );
  if (to === 'closed' && (!context.endDay || context.today <= context.endDay))
    return refuse(
      context.endDay ? `公示期至${formatChineseDate(context.endDay)}，尚未期满。` : '公示尚未选定期限。',
    );
  return { ok: true, transition };
}

/** Title, text and objection contact are written while the announcement is a draft (撤回修改 brings it back). */
export function announcementEditRefusal(state: AnnouncementState): string | null {
  if (state === 'draft') return null;
  if (state === 'scheduled') return '公示已确认发布，如需修改内容，请先「撤回修改」。';
  return `公示${ANNOUNCEMENT_STATES[state]}，内容不能再修改；名单变动以更正说明公示，如需重新公示请使用「重新公示」。`;
}
