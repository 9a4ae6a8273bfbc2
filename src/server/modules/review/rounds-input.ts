/**
 * A round's dates and experts as the organiser enters them: the closing time as an instant or a Beijing
 * date-time, an opening day before it, not closing in the past, experts from the pool, a unique name.
 */
import type { z } from 'zod';
import { isIsoDate } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { RoundBody } from '#core/contract/review-setup.ts';
import { AppError } from '#server/platform/errors.ts';

export type RoundInput = z.output<typeof RoundBody>;

const BEIJING = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** 'YYYY-MM-DD HH:mm' in Beijing, or an ISO 8601 instant with its offset. */
export function parseClosesAt(text: string): Date {
  const beijing = BEIJING.exec(text.trim());
  const valid = beijing
    ? isIsoDate(beijing[1]!) && Number(beijing[2]) < 24 && Number(beijing[3]) < 60
    : INSTANT.test(text.trim()) && isIsoDate(text.trim().slice(0, 10));
  const date = beijing
    ? new Date(`${beijing[1]}T${beijing[2]}:${beijing[3]}:00+08:00`)
    : new Date(text.trim());
  if (!valid || Number.isNaN(date.getTime()))
    throw new AppError('DATE_INVALID', `评审截止时间「${text}」格式不正确，请写成如 2026-12-20 17:00`);
  return date;
}

export interface CheckedRound {
  closesAt: Date;
  opensOn: string | null;
  expertIds: string[];
}

export function checkRoundInput(
  input: RoundInput,
  context: { now: Date; poolIds: readonly string[]; otherNames: readonly string[] },
): CheckedRound {
  const closesAt = parseClosesAt(input.closesAt);
  if (closesAt.getTime() <= context.now.getTime())
    throw new AppError('VALIDATION_FAILED', '评审截止时间已过，请选择以后的时间');
  if (input.opensOn !== null && !isIsoDate(input.opensOn))
    throw new AppError('DATE_INVALID', `开始日期「${input.opensOn}」格式不正确，请写成如 2026-12-01`);
  if (input.opensOn !== null && input.opensOn > todayInShanghai(closesAt))
    throw new AppError('VALIDATION_FAILED', '开始日期晚于评审截止时间，请调整');
  if (context.otherNames.includes(input.name))
    throw new AppError('VALIDATION_FAILED', `已有名为「${input.name}」的评审轮次，请换一个名称`);
  const unknown = input.expertIds.filter((id) => !context.poolIds.includes(id));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', '所选专家不在本次活动的专家库中，请刷新后重新选择');
  if (context.poolIds.length === 0)
    throw new AppError('VALIDATION_FAILED', '专家库中还没有专家，请先邀请专家再安排评审轮次');
  const expertIds = input.expertIds.length > 0 ? [...new Set(input.expertIds)] : [...context.poolIds];
  return { closesAt, opensOn: input.opensOn, expertIds };
}
