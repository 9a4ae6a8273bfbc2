/** How campaign statuses and deadlines look everywhere: tag colours and the "还剩 N 天" countdown. */
import type { CampaignState } from '#core/campaign/states.ts';

export const STATUS_COLORS: Record<CampaignState, string> = {
  draft: 'default',
  open: 'green',
  reviewing: 'blue',
  announcing: 'orange',
  approved: 'cyan',
  published: 'purple',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** 还剩 N 天 / 今天截止 / 已截止, from the deadline instant; null when there is no deadline. */
export function countdown(
  deadlineAt: string | null,
  now: number = Date.now(),
): {
  text: string;
  urgent: boolean;
  passed: boolean;
} | null {
  if (!deadlineAt) return null;
  const left = Date.parse(deadlineAt) - now;
  if (Number.isNaN(left)) return null;
  if (left <= 0) return { text: '已截止', urgent: false, passed: true };
  const days = Math.floor(left / DAY_MS);
  if (days === 0) {
    const hours = Math.max(1, Math.floor(left / (60 * 60 * 1000)));
    return { text: `今天截止（还剩约 ${hours} 小时）`, urgent: true, passed: false };
  }
  return { text: `还剩 ${days} 天`, urgent: days <= 3, passed: false };
}
