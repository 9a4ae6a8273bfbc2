/**
 * Whether an objection may be made now: only while the 公示 is open, on a day from its start to its end
 * (Beijing days, both included). Outside it the refusal names the period, as the notice does.
 */
import { formatChineseDate } from '../calendar/format.ts';

export interface ObjectionPeriod {
  state: string;
  startDay: string | null;
  endDay: string | null;
}

export type WindowAnswer = { open: true } | { open: false; message: string };

export function objectionWindow(period: ObjectionPeriod, today: string): WindowAnswer {
  const { startDay, endDay } = period;
  if (!startDay || !endDay) return { open: false, message: '该公示尚未开始，暂不受理异议。' };
  const dates = `公示期为${formatChineseDate(startDay)}至${formatChineseDate(endDay)}`;
  if (period.state === 'open' && startDay <= today && today <= endDay) return { open: true };
  const early = today < startDay || period.state === 'draft' || period.state === 'scheduled';
  return {
    open: false,
    message: early ? `${dates}，公示期开始前提出的异议不予受理。` : `${dates}，逾期提出的异议不予受理。`,
  };
}
