/** A nomination's material slots and files, and the organiser's waiver. */
import { z } from 'zod';
import { MATERIAL_SET_KEYS, type MaterialSetKey } from '../materials/nomination-slots.ts';
import { materialSlotSpecSchema } from '../materials/spec-schema.ts';
import { Finding } from './fields.ts';

const Status = z.enum(['missing', 'pending', 'passed', 'failed', 'waived']);

export const MaterialAction = z.enum(['delete', 'choose', 'convert', 'waive']);

export const Material = z
  .object({
    id: z.string(),
    setKey: z.string(),
    slotId: z.string(),
    fileName: z.string(),
    bytes: z.number(),
    sha256: z.string(),
    state: z.enum(['converting', 'pending', 'passed', 'failed']),
    status: Status.exclude(['missing']),
    statusLabel: z.string(),
    findings: z.array(Finding),
    waivers: z.array(z.object({ code: z.string(), reason: z.string(), by: z.string(), at: z.string() })),
    /** What the probe measured (core/materials/probed.ts), null until checked. */
    probed: z.unknown(),
    /** The original's id when this file is a converted copy. */
    convertedFrom: z.string().nullable(),
    /** True for a file that came with its nomination from a lower round (forwarded), not uploaded here. */
    forwarded: z.boolean(),
    /** 0–100 while converting. */
    progress: z.number().nullable(),
    chosen: z.boolean(),
    contentUrl: z.string(),
    previewUrl: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(MaterialAction),
  })
  .meta({ id: 'Material' });

export const MaterialResponse = z.object({ material: Material });

const MaterialSlot = z.object({
  setKey: z.enum(MATERIAL_SET_KEYS as [MaterialSetKey, ...MaterialSetKey[]]),
  slot: materialSlotSpecSchema,
  status: Status,
  statusLabel: z.string(),
  files: z.array(Material),
  actions: z.array(z.literal('upload')),
});

export const NominationMaterialsResponse = z.object({
  slots: z.array(MaterialSlot),
  /** Files of slots that no longer apply (special pick withdrawn, rules edited, none in this round). */
  otherFiles: z.array(Material),
  /** The submit rule's findings: what is still missing, pending or failed. */
  findings: z.array(Finding),
  /** Films whose errors conversion mends may be uploaded: they are converted after upload. */
  conversionAvailable: z.boolean(),
  actions: z.array(z.literal('upload')),
});

export const WaiveBody = z.object({
  code: z.string().trim().min(1, '请选择要豁免的问题').max(100),
  reason: z.string().trim().min(2, '请填写豁免理由（至少 2 个字）').max(500, '豁免理由不能超过 500 个字'),
});

export type MaterialAction = z.infer<typeof MaterialAction>;
export type Material = z.infer<typeof Material>;
export type MaterialSlot = z.infer<typeof MaterialSlot>;
export type NominationMaterials = z.infer<typeof NominationMaterialsResponse>;
export type MaterialResponse = z.infer<typeof MaterialResponse>;
export type NominationMaterialsResponse = z.infer<typeof NominationMaterialsResponse>;
