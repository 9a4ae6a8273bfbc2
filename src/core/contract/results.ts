/** 审定与公布: the approver's decision and the organiser's publication, as the API carries them. */
import { z } from 'zod';

const plainText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .refine((s) => !/[\p{Cc}<>]/u.test(s.replace(/[\n\r\t]/g, '')), `${label}不能包含控制字符或尖括号 < >`);

export const ApproveBody = z.object({ comment: plainText('审定意见', 500).optional() });
export const ReturnBody = z.object({
  reason: plainText('退回原因', 1000).pipe(z.string().min(1, '请写明退回的原因')),
});
export const PublishBody = z.object({ docNumber: plainText('文号', 60).default('') });
export const NoticeFormat = z.enum(['docx', 'pdf', 'xlsx']);
export const NoticeFileParams = z.object({ id: z.uuid('编号格式不正确'), format: NoticeFormat });

const Entry = z.object({
  section: z.string(),
  number: z.number(),
  category: z.string(),
  special: z.boolean(),
  name: z.string(),
  unit: z.string(),
  entity: z.string(),
});
const Section = z.object({
  key: z.string(),
  title: z.string(),
  measure: z.string(),
  entries: z.array(Entry),
});

export const Approval = z.object({
  decision: z.enum(['approved', 'returned']),
  reason: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});

export const ResultNotice = z.object({
  title: z.string(),
  docNumber: z.string(),
  issuers: z.array(z.string()),
  publishedAt: z.string(),
  files: z.object({ docx: z.boolean(), pdf: z.boolean(), xlsx: z.boolean() }),
  /** Why there is no PDF, when there is none. */
  pdfNote: z.string().nullable(),
});

export const ResultsStatus = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    year: z.number(),
    status: z.string(),
    statusLabel: z.string(),
  }),
  announcement: z
    .object({
      state: z.string(),
      stateLabel: z.string(),
      startDay: z.string().nullable(),
      endDay: z.string().nullable(),
    })
    .nullable(),
  /** Why approval cannot be given now; null when it can (or the campaign is past it). */
  approvalRefusal: z.string().nullable(),
  objections: z.object({ total: z.number(), open: z.number(), upheld: z.number(), summary: z.string() }),
  corrections: z.array(z.object({ kind: z.string(), day: z.string(), text: z.string() })),
  /** The list: 拟推介 while 公示中, 入选 after 审定; in the official order. */
  sections: z.array(Section),
  counts: z.string(),
  approvals: z.array(Approval),
  notice: ResultNotice.nullable(),
  /** What the caller may do now. */
  actions: z.array(z.enum(['approve', 'return', 'requestApproval', 'publish'])),
});

export const ApprovalsList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      year: z.number(),
      organiserName: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      approvalRefusal: z.string().nullable(),
      awaiting: z.boolean().describe('公示已结束、异议已办结，等待审定'),
    }),
  ),
});

export const ApproveResponse = z.object({ selected: z.number() });
export const ReturnResponse = z.object({ notified: z.number() });
export const RequestApprovalResponse = z.object({ approvers: z.number(), notified: z.number() });
export const PublishResponse = z.object({
  winners: z.number(),
  registry: z.object({ entered: z.number(), linked: z.number() }),
  pdf: z.boolean(),
  notice: ResultNotice,
});

export type ResultsStatusResponse = z.infer<typeof ResultsStatus>;
export type ApprovalsListResponse = z.infer<typeof ApprovalsList>;
