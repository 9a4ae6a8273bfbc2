/**
 * Zod schema for material specs, mirroring spec.ts. Shape only: whether numbers make sense
 * (min ≤ max, positive sizes) is judged by validateCampaignRules with Chinese findings.
 */
import { z } from 'zod';
import type { MaterialSetSpec } from './spec.ts';

const range = z.strictObject({ min: z.number(), max: z.number() });

export const materialSlotSpecSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['photo', 'video', 'document']),
  formats: z.array(z.enum(['jpeg', 'png', 'mp4', 'docx', 'doc', 'pdf'])),
  required: z.boolean(),
  count: range,
  minBytes: z.number().optional(),
  maxBytes: z.number().optional(),
  minDpi: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  fps: z.number().optional(),
  videoCodec: z.string().optional(),
  durationSeconds: range.optional(),
  openingSeconds: z.number().optional(),
  endingSeconds: z.number().optional(),
  attestations: z.array(z.string()),
});

export const materialSetSpecSchema = z.strictObject({
  slots: z.array(materialSlotSpecSchema),
  atLeastOneOf: z.array(z.array(z.string())),
});

// Fails to compile when spec.ts and this schema drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _materialSetInSync: Same<z.output<typeof materialSetSpecSchema>, MaterialSetSpec> = true;
void _materialSetInSync;
