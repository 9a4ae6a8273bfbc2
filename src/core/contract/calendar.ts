/** The working calendar of the caller's organisation: a year's status and adjustments, period sums. */
import { z } from 'zod';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，如 2026-09-29');

export const ConfirmYearBody = z.object({ year: z.number().int().min(1900).max(9999) });

const overrideKind = z.enum(['holiday', 'workday'], {
  error: '调整类型应为 holiday（放假）或 workday（上班）',
});

export const OverrideBody = z.object({
  date: isoDate,
  kind: overrideKind,
  note: z.string().trim().max(100, '说明不能超过 100 个字符').default(''),
});

const Override = z.object({
  id: z.string(),
  date: z.string(),
  kind: overrideKind,
  note: z.string(),
  createdBy: z.string().nullable(),
});

export const CalendarYearResponse = z.object({
  year: z.number(),
  status: z.enum(['official', 'confirmed', 'unknown']),
  confirmedYears: z.array(z.number()),
  overrides: z.array(Override),
});
export const OverrideResponse = z.object({ override: Override });

export const PeriodQuery = z.object({
  from: isoDate,
  workdays: z.coerce.number().int('工作日数应为整数').min(1, '工作日数至少为 1').max(366, '工作日数过大'),
  countStart: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export const PeriodResponse = z.object({
  from: z.string(),
  workdays: z.number(),
  countStart: z.boolean(),
  end: z.string(),
});

export type CalendarYearStatus = z.infer<typeof CalendarYearResponse>['status'];
export type CalendarOverrideRow = z.infer<typeof Override>;
export type NewOverride = z.input<typeof OverrideBody>;
export type CalendarYearResponse = z.infer<typeof CalendarYearResponse>;
export type OverrideResponse = z.infer<typeof OverrideResponse>;
export type PeriodResponse = z.infer<typeof PeriodResponse>;
