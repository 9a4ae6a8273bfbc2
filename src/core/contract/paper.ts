/** Stamped paper copies: a campaign's overview, a unit's dispatch and scan, the organiser's receipt. */
import { z } from 'zod';

const isoDay = (what: string) => z.string({ error: `请填写${what}` }).max(20, `${what}格式不正确`);

/** Shape only; what is missing or impossible (an empty number, a day to come) is core's to say in Chinese. */
export const DispatchBody = z.object({
  courier: z.string({ error: '请填写快递公司' }).max(200, '快递公司名称过长'),
  trackingNumber: z.string({ error: '请填写快递单号' }).max(200, '快递单号过长'),
  dispatchedOn: isoDay('寄出日期'),
  version: z.number().int().optional(),
});

export const ReceiptBody = z.object({
  receivedOn: isoDay('签收日期'),
  copiesReceived: z.number({ error: '请填写收到的份数' }),
  sealPresent: z.boolean({ error: '请说明是否加盖公章' }),
  discReadable: z.boolean().nullable().default(null),
  note: z.string().max(2000, '备注过长').default(''),
  version: z.number().int().optional(),
});

const Requirement = z.object({
  copies: z.number().describe('一式几份'),
  forms: z.array(z.object({ title: z.string(), copies: z.number() })),
  disc: z.boolean().describe('是否须一并邮寄光盘或U盘'),
  address: z.string().nullable(),
});

const paperState = z.enum(['none', 'dispatched', 'received']);

export const PaperUnit = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    state: paperState,
    stateLabel: z.string(),
    standing: z.enum(['not_needed', 'not_dispatched', 'in_transit', 'received', 'received_with_problems']),
    standingLabel: z.string(),
    requirement: Requirement,
    dispatch: z
      .object({
        courier: z.string(),
        trackingNumber: z.string(),
        dispatchedOn: z.string(),
        late: z.boolean(),
      })
      .nullable(),
    scan: z
      .object({
        fileName: z.string(),
        format: z.enum(['pdf', 'jpeg']),
        bytes: z.number(),
        sha256: z.string(),
        url: z.string(),
      })
      .nullable(),
    receipt: z
      .object({
        receivedOn: z.string(),
        copiesReceived: z.number(),
        sealPresent: z.boolean(),
        discReadable: z.boolean().nullable(),
        note: z.string(),
        problems: z.array(z.string()),
      })
      .nullable(),
    moves: z.array(z.object({ to: paperState, label: z.string() })),
    version: z.number().nullable(),
  })
  .meta({ id: 'PaperUnit' });

export const PaperOverviewResponse = z.object({
  requirement: Requirement,
  deadlineAt: z.string().nullable(),
  summary: z.object({
    notDispatched: z.number(),
    inTransit: z.number(),
    received: z.number(),
    receivedWithProblems: z.number(),
    notNeeded: z.number(),
  }),
  units: z.array(PaperUnit),
});

export const PaperUnitResponse = z.object({ unit: PaperUnit });

export type PaperState = z.infer<typeof paperState>;
export type PaperRequirement = z.infer<typeof Requirement>;
export type PaperUnit = z.infer<typeof PaperUnit>;
export type PaperOverview = z.infer<typeof PaperOverviewResponse>;
export type DispatchInput = z.input<typeof DispatchBody>;
export type ReceiptInput = z.input<typeof ReceiptBody>;
export type PaperOverviewResponse = z.infer<typeof PaperOverviewResponse>;
export type PaperUnitResponse = z.infer<typeof PaperUnitResponse>;
