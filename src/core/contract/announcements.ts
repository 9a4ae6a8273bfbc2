/**
 * 公示, the organiser's side: the announcement of a campaign's confirmed 拟推介名单, its text and objection
 * contact, its period on the official calendar, its moves and corrections. Routes under
 * /api/campaigns/:campaignId/announcement. Also the preview of a campaign move (the status buttons).
 */
import { z } from 'zod';
import { ANNOUNCEMENT_STATES, CORRECTION_KINDS } from '../announcement/states.ts';
import { CATEGORIES } from '../campaign/rules.ts';
import { CAMPAIGN_STATES } from '../campaign/states.ts';
import { version } from './fields.ts';

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，如 2026-09-29');
const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !/[\p{Cc}<>]/u.test(s), `${label}不能包含控制字符或尖括号 < >`);

/** How to object: where to write, the phone, the mail, by when (in the notice's words). */
export const ObjectionContact = z.object({
  receiver: line('受理单位', 100).default(''),
  address: line('通讯地址', 200).default(''),
  postcode: line('邮政编码', 10).default(''),
  phone: line('联系电话', 100).default(''),
  email: line('电子邮箱', 100).default(''),
  deadlineWording: line('受理时间说明', 200).default(''),
});
export type ObjectionContact = z.infer<typeof ObjectionContact>;

export const CampaignParams = z.object({ campaignId: z.uuid('活动编号格式不正确') });

export const UpdateAnnouncementBody = z.object({
  version,
  title: line('公示标题', 200).pipe(z.string().min(1, '请填写公示标题')).optional(),
  intro: z
    .string()
    .trim()
    .max(3000, '公示说明不能超过 3000 个字')
    .refine((s) => !/[<>]/.test(s), '公示说明不能包含尖括号 < >')
    .optional(),
  issuer: line('发布单位', 200).pipe(z.string().min(1, '请填写发布单位')).optional(),
  objectionContact: ObjectionContact.optional(),
});

export const ScheduleAnnouncementBody = z.object({ version, startDay: isoDay });
export const OpenAnnouncementBody = z.object({ version });
export const WithdrawAnnouncementBody = z.object({ version });
export const RestartAnnouncementBody = z.object({
  version,
  startDay: isoDay,
  reason: z.string().trim().min(1, '请填写重新公示的原因').max(500, '原因不能超过 500 个字'),
});
export const AnnouncementPeriodQuery = z.object({ from: isoDay });

const Entry = z.object({
  id: z.string(),
  nominationId: z.string(),
  category: z.enum(CATEGORIES),
  position: z.number(),
  special: z.boolean(),
  specialLabel: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  entity: z.string().nullable(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});

const Correction = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(CORRECTION_KINDS) as [keyof typeof CORRECTION_KINDS]),
  kindLabel: z.string(),
  day: z.string(),
  text: z.string(),
});

export const AnnouncementPeriod = z.object({
  startDay: z.string(),
  endDay: z.string(),
  workingDays: z.number(),
  countStart: z.boolean(),
  /** 「2026年9月29日至2026年10月10日，共5个工作日（…）」 */
  text: z.string(),
  unusualDays: z.array(z.object({ date: z.string(), note: z.string() })),
});

export const Announcement = z.object({
  id: z.string(),
  campaignId: z.string(),
  state: z.enum(Object.keys(ANNOUNCEMENT_STATES) as [keyof typeof ANNOUNCEMENT_STATES]),
  stateLabel: z.string(),
  title: z.string(),
  intro: z.string(),
  objectionContact: ObjectionContact,
  issuer: z.string(),
  venue: z.string(),
  period: AnnouncementPeriod.nullable(),
  workingDays: z.number(),
  countStart: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  entries: z.array(Entry),
  corrections: z.array(Correction),
  /** The moves the caller may make now, by the rule the transition function applies. */
  moves: z.array(z.object({ to: z.string(), label: z.string(), requiresReason: z.boolean() })),
  editable: z.boolean(),
});

export const AnnouncementResponse = z.object({ announcement: Announcement });
export const MaybeAnnouncementResponse = z.object({
  announcement: Announcement.nullable(),
  /** Why it cannot be created yet (no confirmed shortlist), or null. */
  notReady: z.string().nullable(),
});
export const AnnouncementPeriodResponse = z.object({ period: AnnouncementPeriod });

const campaignState = z.enum(Object.keys(CAMPAIGN_STATES) as [keyof typeof CAMPAIGN_STATES]);
export const CampaignMovePreviewQuery = z.object({ to: campaignState });
export const CampaignMovePreviewResponse = z.object({
  allowed: z.boolean(),
  message: z.string(),
});

export type AnnouncementView = z.infer<typeof Announcement>;
export type AnnouncementEntryView = z.infer<typeof Entry>;
export type AnnouncementPeriodView = z.infer<typeof AnnouncementPeriod>;
export type MaybeAnnouncement = z.infer<typeof MaybeAnnouncementResponse>;
export type AnnouncementTextUpdate = z.input<typeof UpdateAnnouncementBody>;
export type CampaignMovePreview = z.infer<typeof CampaignMovePreviewResponse>;
