import { z } from 'zod';

// What the browser sends and receives lives in #core/contract/calendar.ts; these are the route's own.
const year = z.coerce.number().int('年份应为整数').min(1900, '年份不正确').max(9999, '年份不正确');

export const CalendarYearQuery = z.object({ year });
export const YearParam = z.object({ year });
