/**
 * The deadline as an instant. Rules store it as a Beijing date and time; comparing "now" against it
 * happens on the server and in the browser, whose clocks may be in any zone, so both use this.
 */
import { isIsoDate } from '../calendar/index.ts';
import type { CampaignRules } from './rules.ts';
import { isClockTime } from './validate-numbers.ts';

/** The end of the deadline minute as milliseconds since the epoch; null when the deadline is unset or bad. */
export function deadlineInstant(rules: Pick<CampaignRules, 'deadline'>): number | null {
  const { date, time } = rules.deadline;
  if (date === null || !isIsoDate(date) || !isClockTime(time)) return null;
  // Asia/Shanghai is UTC+08:00 all year; "23:59" means until 23:59:59.999 that day.
  return Date.parse(`${date}T${time}:00+08:00`) + 59_999;
}

/** True once the deadline has passed at `nowMs`; false when no valid deadline is set. */
export function isPastDeadline(rules: Pick<CampaignRules, 'deadline'>, nowMs: number): boolean {
  const instant = deadlineInstant(rules);
  return instant !== null && nowMs > instant;
}
