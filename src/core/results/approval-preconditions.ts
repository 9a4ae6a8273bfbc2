/**
 * 审定 only after 公示: the national notice says 「公示无异议，经……审定后」 and Jilin's 「公示无异议后」.
 * So the approver may approve (or the organiser ask for approval) only when the campaign is 公示中, its
 * announcement's period has ended (the announcement is closed) and no objection is still being handled.
 * Each refusal says why in the officials' words, with the counts and dates that make it so.
 */
import type { AnnouncementState } from '../announcement/states.ts';
import { formatChineseDate } from '../calendar/format.ts';
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';

export interface ApprovalFacts {
  campaignStatus: CampaignState;
  /** The campaign's one announcement, or null when none was made. */
  announcement: { state: AnnouncementState; startDay: string | null; endDay: string | null } | null;
  /** Objections in OPEN_OBJECTION_STATES (待受理, 调查核实中, 拟认定成立待复核). */
  openObjections: number;
}

export interface ApprovalRefusal {
  code: 'CAMPAIGN_NOT_READY' | 'OBJECTIONS_OPEN';
  message: string;
}

const day = (iso: string | null) => (iso ? formatChineseDate(iso) : '（未定）');

export function approvalRefusal(f: ApprovalFacts): ApprovalRefusal | null {
  if (f.campaignStatus !== 'announcing') {
    const done = f.campaignStatus === 'approved' || f.campaignStatus === 'published';
    return {
      code: 'CAMPAIGN_NOT_READY',
      message: done
        ? `本活动已经审定（当前为「${CAMPAIGN_STATES[f.campaignStatus]}」），无需再次审定。`
        : `本活动当前为「${CAMPAIGN_STATES[f.campaignStatus]}」，拟推介名单公示结束后才能审定。`,
    };
  }
  const a = f.announcement;
  if (!a)
    return { code: 'CAMPAIGN_NOT_READY', message: '本活动的拟推介名单还没有公示，公示结束后才能审定。' };
  if (a.state !== 'closed') {
    const message =
      a.state === 'open'
        ? `公示期为${day(a.startDay)}至${day(a.endDay)}，尚未结束；公示期满后才能审定。`
        : `公示尚未开始（${a.startDay ? `定于${day(a.startDay)}开始` : '未定开始日期'}），公示期满后才能审定。`;
    return { code: 'CAMPAIGN_NOT_READY', message };
  }
  if (f.openObjections > 0) {
    return {
      code: 'OBJECTIONS_OPEN',
      message: `还有 ${f.openObjections} 件异议尚未办结（待受理、调查核实中或待复核），全部办结后才能审定。`,
    };
  }
  return null;
}
