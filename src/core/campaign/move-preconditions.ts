/**
 * What a campaign move needs and what it will do, said before it happens. The generic move (the status
 * buttons) leaves three moves to the use cases that make them: 开始公示 is the announcement's opening,
 * 审定 the approver's decision, 公布结果 the publication; each of those calls the campaign's transition
 * function itself. Every other move is previewed with its counts and dates, so the confirmation says
 * what will happen (ending submission before the deadline, with drafts still open, is the usual surprise).
 */
import { formatBeijingDateTime } from '../calendar/beijing-time.ts';
import { CAMPAIGN_STATES, type CampaignState, findTransition } from './states.ts';

/** Moves made only by their own use case, and where the organiser makes them instead. */
const MADE_ELSEWHERE: readonly { from: CampaignState; to: CampaignState; where: string }[] = [
  { from: 'reviewing', to: 'announcing', where: '请在「公示」中发布公示：公示开始时活动自动进入公示中。' },
  { from: 'announcing', to: 'approved', where: '公示期满且异议处理完毕后，由审定人审定。' },
  { from: 'approved', to: 'published', where: '请在「公布结果」中公布：公布结果时活动自动变为已公布。' },
];

/** The generic move's refusal for a move made elsewhere (CAMPAIGN_NOT_READY), else null. */
export function madeElsewhere(from: CampaignState, to: CampaignState): string | null {
  const move = MADE_ELSEWHERE.find((m) => m.from === from && m.to === to);
  if (!move) return null;
  return `「${CAMPAIGN_STATES[from]}」→「${CAMPAIGN_STATES[to]}」不能在这里直接变更。${move.where}`;
}

/** What the preview counts: the campaign's nominations by state, its deadline, the clock. */
export interface CampaignMoveFacts {
  now: Date;
  deadlineAt: Date | null;
  /** Nominations of the campaign by state (missing = 0). */
  counts: Partial<Record<string, number>>;
}

export interface CampaignMovePreview {
  /** Whether the status buttons may make this move. */
  allowed: boolean;
  /** The sentence the confirmation shows (or the refusal). */
  message: string;
}

const n = (facts: CampaignMoveFacts, state: string) => facts.counts[state] ?? 0;

export function previewCampaignMove(
  from: CampaignState,
  to: CampaignState,
  facts: CampaignMoveFacts,
): CampaignMovePreview {
  const transition = findTransition(from, to);
  if (!transition)
    return {
      allowed: false,
      message: `活动当前为「${CAMPAIGN_STATES[from]}」，不能改为「${CAMPAIGN_STATES[to]}」。`,
    };
  const elsewhere = madeElsewhere(from, to);
  if (elsewhere) return { allowed: false, message: elsewhere };
  const deadline = facts.deadlineAt ? formatBeijingDateTime(facts.deadlineAt) : null;
  const beforeDeadline = facts.deadlineAt !== null && facts.now < facts.deadlineAt;
  const drafts = n(facts, 'draft');
  const returned = n(facts, 'returned');
  const submitted = n(facts, 'submitted');
  const accepted = n(facts, 'accepted');
  switch (`${from}>${to}`) {
    case 'draft>open':
      return {
        allowed: true,
        message: `开放报送后，报送单位即可填报推介${deadline ? `，截止时间为${deadline}` : ''}；开放后修改规则将记录在修订历史中。`,
      };
    case 'open>draft':
      return {
        allowed: true,
        message: `撤回为筹备后，报送单位将看不到本活动、不能填报；已有 ${drafts} 份草稿、${submitted + accepted} 份已提交的推介保留不变。`,
      };
    case 'open>reviewing': {
      const open = `尚有 ${drafts} 份草稿、${returned} 份退回修改未重新提交、${submitted} 份已提交待形式审查、${accepted} 份形式审查通过`;
      return {
        allowed: true,
        message: beforeDeadline
          ? `截止时间为${deadline}，尚未到截止时间。${open}；现在结束报送，报送单位将不能再提交或修改，草稿和退回修改的推介不会进入评审。`
          : `报送已于${deadline ?? '截止时间'}截止。${open}；结束报送后进入评审，只有形式审查通过的推介参加评审。`,
      };
    }
    case 'reviewing>open':
      return {
        allowed: true,
        message: `重新开放报送后，报送单位可在截止时间${deadline ? `（${deadline}）` : ''}前继续提交和修改；评审暂停。已列入拟推介名单的 ${n(facts, 'shortlisted')} 份推介状态不变。`,
      };
    case 'announcing>reviewing':
      return {
        allowed: true,
        message:
          '中止公示后，活动回到评审中；已开始的公示仍按原公示期显示。拟推介名单如有变动，请在「公示」中重新公示并说明原因。',
      };
    default:
      return { allowed: true, message: `活动将变为「${CAMPAIGN_STATES[to]}」。` };
  }
}
