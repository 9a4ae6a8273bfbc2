/** 统计: the organiser's dashboards, their export and the yearly report, as the API carries them. */
import { z } from 'zod';
import { CAMPAIGN_LEVELS } from '#core/campaign/rules.ts';
import { PROVINCE_NAMES, provinceCode } from '#core/nomination/province-code.ts';

const year = z.coerce
  .number({ error: '年度应为四位数字，如 2025' })
  .int('年度应为四位数字，如 2025')
  .min(2000, '年度应在 2000 年至 2100 年之间')
  .max(2100, '年度应在 2000 年至 2100 年之间');

const level = z.enum(CAMPAIGN_LEVELS, {
  error: '级别应为 national（全国）、provincial（省级）或 city（市级）',
});

/** 吉林省, 吉林 or 22: one province, as its two-digit code. */
const province = z
  .string()
  .trim()
  .max(20, '省份过长，请填写省份名称或两位代码，如 吉林省 或 22')
  .transform((value, ctx) => {
    const code = provinceCode(value);
    if (!code || !PROVINCE_NAMES[code]) {
      ctx.addIssue({
        code: 'custom',
        message: `无法识别省份「${value}」，请填写省份名称或两位代码，如 吉林省 或 22`,
      });
      return z.NEVER;
    }
    return code;
  });

export const StatisticsQuery = z.strictObject({
  year: year.optional(),
  level: level.optional(),
  province: province.optional(),
});
export type StatisticsFilters = z.output<typeof StatisticsQuery>;

export const YearReportQuery = z.strictObject({
  campaignId: z.uuid('推介活动编号格式不正确'),
  format: z.enum(['docx', 'pdf'], { error: '报告格式应为 docx 或 pdf' }).default('docx'),
});

/** One chart and the table beside it: the same rows, so a reader who cannot see the chart reads the table. */
export const StatisticsChart = z.object({
  key: z.string(),
  title: z.string(),
  /** How the page draws it; the table is always there. */
  kind: z.enum(['bar', 'line', 'pie']),
  /** The first column names the rows (省份, 类别…); the rest are the figures' headers. */
  columns: z.array(z.string()),
  rows: z.array(z.object({ label: z.string(), values: z.array(z.number()) })),
  /** What the figures leave out or how they were counted. */
  note: z.string().optional(),
});
export type StatisticsChart = z.infer<typeof StatisticsChart>;

export const StatisticsFigure = z.object({
  key: z.string(),
  label: z.string(),
  current: z.number(),
  previous: z.number(),
  change: z.string(),
});
export type StatisticsFigure = z.infer<typeof StatisticsFigure>;

export const StatisticsResponse = z.object({
  filters: z.object({
    year: z.number().nullable(),
    level: level.nullable(),
    province: z.string().nullable(),
    provinceName: z.string().nullable(),
  }),
  /** Years the caller has campaigns in, newest first: the year filter's choices. */
  years: z.array(z.number()),
  campaigns: z.array(z.object({ id: z.string(), title: z.string(), year: z.number(), level: level })),
  figures: z.array(StatisticsFigure),
  charts: z.array(StatisticsChart),
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;
