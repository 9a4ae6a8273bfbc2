/**
 * Objections (异议): what the public form sends, the status lookup, and the organiser's handling views.
 * Shape only; whether an ID number or phone is valid is core/objection/input.ts's to say in Chinese.
 */
import { z } from 'zod';
import { OBJECTION_STATES, OBJECTOR_KINDS } from '../objection/states.ts';

const text = (max: number) =>
  z
    .string()
    .max(max * 4, '内容过长')
    .optional();
const objectionState = z.enum(Object.keys(OBJECTION_STATES) as [keyof typeof OBJECTION_STATES]);
const objectorKind = z.enum(Object.keys(OBJECTOR_KINDS) as [keyof typeof OBJECTOR_KINDS]);

/** The public form's fields (multipart text fields, or the same as JSON). */
export const SubmitObjectionFields = z.object({
  entryId: z.uuid('请选择所异议的公示对象'),
  objectorKind: objectorKind.default('person'),
  name: text(50),
  idNumber: text(30),
  workplace: text(100),
  unitName: text(100),
  contactName: text(50),
  phone: z.string({ error: '请填写联系电话' }).max(40, '联系电话过长'),
  facts: z.string({ error: '请写明异议的事实和理由' }).max(20_000, '异议事实过长'),
  captchaToken: z.string({ error: '请先获取验证问题' }).max(500),
  captchaAnswer: z.string({ error: '请回答验证问题' }).max(20),
});

export const SubmitObjectionInput = SubmitObjectionFields.omit({
  captchaToken: true,
  captchaAnswer: true,
}).extend({
  announcementId: z.uuid(),
  captcha: z.object({ token: z.string(), answer: z.string() }),
});
export type SubmitObjectionInput = z.output<typeof SubmitObjectionInput>;

export const SubmitObjectionResponse = z.object({
  receipt: z.string().describe('回执编号：凭它和联系电话查询办理情况'),
  announcementTitle: z.string(),
});

export const CaptchaResponse = z.object({
  token: z.string(),
  question: z.string().describe('一道文字题（读屏软件可读），不是图片'),
});

export const ObjectionStatusBody = z.object({
  receipt: z.string({ error: '请填写回执编号' }).max(40),
  phone: z.string({ error: '请填写提交异议时的联系电话' }).max(40),
});

export const ObjectionStatusResponse = z.object({
  receipt: z.string(),
  announcementTitle: z.string(),
  entryName: z.string(),
  stateLabel: z.string(),
  submittedAt: z.string(),
  acceptDue: z.string().nullable(),
  replyDue: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});

const Dues = z.object({
  accept: z.string().nullable(),
  conclude: z.string().nullable(),
  reply: z.string().nullable(),
  explanation: z.string().nullable(),
});

export const ObjectionListItem = z.object({
  id: z.string(),
  receipt: z.string(),
  state: objectionState,
  stateLabel: z.string(),
  objectorKindLabel: z.string(),
  entryName: z.string(),
  entryUnit: z.string(),
  entryRemoved: z.boolean(),
  submittedAt: z.string(),
  dues: Dues,
  /** The overdue steps, in words (e.g. 受理已逾期). */
  overdue: z.array(z.string()),
});

export const ObjectionListResponse = z.object({
  announcement: z
    .object({
      id: z.string(),
      title: z.string(),
      startDay: z.string().nullable(),
      endDay: z.string().nullable(),
    })
    .nullable(),
  items: z.array(ObjectionListItem),
});

const ObjectionEvent = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  label: z.string(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});

const ObjectionFile = z.object({
  id: z.string(),
  stage: z.enum(['evidence', 'investigation', 'explanation']),
  stageLabel: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number(),
});

const ObjectionMove = z.object({
  to: objectionState,
  label: z.string(),
  requiresReason: z.boolean(),
  secondSignature: z.boolean(),
});

export const ObjectionDetail = ObjectionListItem.extend({
  campaignId: z.string(),
  announcementTitle: z.string(),
  facts: z.string(),
  conclusionReason: z.string().nullable(),
  proposedByName: z.string().nullable(),
  reply: z.string().nullable(),
  explanation: z.string().nullable(),
  explanationRequestedAt: z.string().nullable(),
  explainedAt: z.string().nullable(),
  events: z.array(ObjectionEvent),
  files: z.array(ObjectionFile),
  moves: z.array(ObjectionMove),
  /** What else the caller may do: see the identity (logged), add notes and files, ask the unit to explain. */
  actions: z.array(z.enum(['seeIdentity', 'note', 'requestExplanation'])),
  version: z.number(),
});
export const ObjectionDetailResponse = z.object({ objection: ObjectionDetail });

export const ObjectorIdentity = z.object({
  kind: objectorKind,
  kindLabel: z.string(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  workplace: z.string().nullable(),
  unitName: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string(),
});
export const ObjectorIdentityResponse = z.object({
  identity: ObjectorIdentity,
  notice: z.string(),
});

export const HandleObjectionBody = z.object({
  to: objectionState,
  reason: z.string().max(5000, '理由不超过 5000 个字').optional(),
  version: z.number().int().optional(),
});

export const ObjectionNoteBody = z.object({
  note: z.string().trim().min(1, '请填写核实记录').max(5000, '核实记录不超过 5000 个字'),
});

export const RequestExplanationBody = z.object({
  workingDays: z.number().int().min(1, '期限至少 1 个工作日').max(10, '期限不超过 10 个工作日').default(3),
  question: z.string().trim().max(2000, '说明要求不超过 2000 个字').default(''),
});

/** What the nominating unit sees: the facts, the entry and the deadline, never who objected. */
export const ExplanationRequest = z.object({
  objectionId: z.string(),
  campaignId: z.string(),
  announcementTitle: z.string(),
  entryName: z.string(),
  facts: z.string(),
  question: z.string(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  explanation: z.string().nullable(),
  explainedAt: z.string().nullable(),
  files: z.array(ObjectionFile),
  mayAnswer: z.boolean(),
});
export const ExplanationRequestsResponse = z.object({ items: z.array(ExplanationRequest) });
