/** 往届入选名单: the registry every nomination is compared with. */
import { z } from 'zod';
import { CAMPAIGN_LEVELS, CATEGORIES } from '../campaign/rules.ts';
import { version } from './fields.ts';

const year = z.coerce.number().int('年度应为四位数字的年份').min(2000, '年度不能早于2000年').max(2100);

export const ListWinnersQuery = z.object({
  q: z.string().trim().max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  level: z.enum(CAMPAIGN_LEVELS).optional(),
  year: year.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const Winner = z.object({
  id: z.string(),
  year: z.number(),
  level: z.string(),
  /** As kept: imported lists may name a category outside the two this platform knows. */
  category: z.string(),
  name: z.string(),
  provinceOrUnit: z.string().nullable(),
  workUnit: z.string().nullable(),
  idNumber: z.string().nullable().describe('脱敏显示'),
  creditCode: z.string().nullable(),
  organisationName: z.string().describe('登记单位'),
  version: z.number(),
  editable: z.boolean().describe('当前用户能否修改、删除'),
});

const text = (max: number) => z.string().trim().max(max).nullish();
export const CorrectionBody = z.object({
  year: z.number().int(),
  level: z.string().trim().min(1, '请选择级别').max(20),
  category: z.string().trim().min(1, '请选择类别').max(40),
  name: z.string().trim().min(1, '请填写姓名或项目名称').max(100),
  provinceOrUnit: text(100),
  workUnit: text(200),
  idNumber: text(30).describe('不填写表示不修改；空字符串表示删除'),
  creditCode: text(30),
  version,
});

export const WinnerListResponse = z.object({ items: z.array(Winner), total: z.number() });
export const WinnerResponse = z.object({ winner: Winner });
export const ImportWinnersQuery = z.object({
  year: year.optional().describe('表格没有年度时，整份名单的年度'),
});
export const ImportWinnersResponse = z.object({
  /** New records. */
  imported: z.number(),
  /** Records already kept whose details the file changed. */
  updated: z.number(),
  /** Records already kept as the file has them. */
  unchanged: z.number(),
});

export type PreviousWinner = z.infer<typeof Winner>;
export type WinnerFilter = z.output<typeof ListWinnersQuery>;
export type WinnerCorrection = z.input<typeof CorrectionBody>;
export type WinnerImportCounts = z.infer<typeof ImportWinnersResponse>;
export type WinnerListResponse = z.infer<typeof WinnerListResponse>;
export type WinnerResponse = z.infer<typeof WinnerResponse>;
export type ImportWinnersResponse = z.infer<typeof ImportWinnersResponse>;
