/** Publicity activities (五进) of published winners: what is recorded, listed and shown. */
import { z } from 'zod';
import { ACTIVITY_KIND_KEYS } from '../activities/kinds.ts';
import { ACTIVITY_PHOTO_TYPES, type ActivityPhotoType } from '../activities/photo.ts';
import { CATEGORIES } from '../campaign/rules.ts';

/** Shape only: an unknown kind, a far date or a negative audience are core's to say in Chinese (validate.ts). */
export const ActivityBody = z.object({
  kind: z.string({ error: '请选择活动类别' }).max(20, '活动类别不正确'),
  form: z.string({ error: '请填写活动形式' }).max(200, '活动形式过长'),
  occurredOn: z.string({ error: '请填写活动日期' }).max(20, '活动日期格式不正确'),
  place: z.string({ error: '请填写活动地点' }).max(500, '活动地点过长'),
  host: z.string({ error: '请填写主办单位' }).max(500, '主办单位过长'),
  audience: z.number({ error: '参与人数应为不小于0的整数。' }).describe('参与人数（人次），不小于0的整数'),
  report: z.string({ error: '请填写活动简报' }).max(5000, '活动简报不能超过1000个字'),
});
export const UpdateActivityBody = ActivityBody.extend({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1),
});
export const ActivityVersionQuery = z.object({
  version: z.coerce.number({ error: '缺少版本号，请刷新后重试' }).int().min(1),
});

export const ListActivitiesQuery = z.object({
  nominationId: z.uuid('推介编号格式不正确').optional().describe('只看一个推介对象的活动'),
  campaignId: z.uuid('活动编号格式不正确').optional(),
  provinceId: z.uuid('单位编号格式不正确').optional().describe('只看一个省份（报送省份或组织省份）'),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2025-10')
    .optional()
    .describe('只看一个月（日历）'),
});

const ActivityPhoto = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(Object.keys(ACTIVITY_PHOTO_TYPES) as [ActivityPhotoType, ...ActivityPhotoType[]]),
  bytes: z.number(),
  width: z.number(),
  height: z.number(),
  url: z.string().describe('原图（登录后可看）'),
  publicUrl: z.string().describe('公开网站所用的缩小副本（JPEG）'),
});

export const Activity = z
  .object({
    id: z.string(),
    nominationId: z.string(),
    winnerName: z.string(),
    category: z.enum(CATEGORIES),
    campaignId: z.string(),
    campaignTitle: z.string(),
    unitName: z.string(),
    provinceId: z.string(),
    provinceName: z.string(),
    kind: z.enum(ACTIVITY_KIND_KEYS),
    form: z.string(),
    occurredOn: z.string(),
    place: z.string(),
    host: z.string(),
    audience: z.number(),
    report: z.string(),
    photos: z.array(ActivityPhoto),
    recordedByName: z.string(),
    recordedAt: z.string(),
    version: z.number(),
    actions: z.array(z.enum(['edit', 'delete'])),
  })
  .meta({ id: 'Activity' });

export const ActivityResponse = z.object({ activity: Activity });

export const ActivityWinner = z
  .object({
    nominationId: z.string(),
    name: z.string(),
    category: z.enum(CATEGORIES),
    campaignId: z.string(),
    campaignTitle: z.string(),
    year: z.number(),
    unitName: z.string(),
    provinceId: z.string(),
    provinceName: z.string(),
    activities: z.number().describe('已登记的宣传活动数'),
    mayRecord: z.boolean(),
  })
  .meta({ id: 'ActivityWinner' });

export const ActivityListResponse = z.object({
  items: z.array(Activity),
  provinces: z
    .array(z.object({ id: z.string(), name: z.string(), activities: z.number(), audience: z.number() }))
    .describe('按省份汇总（所列活动）'),
});
export const ActivityWinnersResponse = z.object({ items: z.array(ActivityWinner) });

export type ActivityBody = z.input<typeof ActivityBody>;
export type UpdateActivityBody = z.input<typeof UpdateActivityBody>;
export type ListActivitiesQuery = z.output<typeof ListActivitiesQuery>;
export type Activity = z.infer<typeof Activity>;
export type ActivityListResponse = z.infer<typeof ActivityListResponse>;
export type ActivityWinner = z.infer<typeof ActivityWinner>;
export type ActivityWinnersResponse = z.infer<typeof ActivityWinnersResponse>;
export type ActivityResponse = z.infer<typeof ActivityResponse>;
