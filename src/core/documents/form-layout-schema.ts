/**
 * Zod schema for a FormLayout in the campaign rules (`documents.starForm`, `documents.projectForm`).
 * Shape only, with bounds that keep a hand-edited layout printable (a few dozen rows, spans within
 * the grid); whether the grid adds up and the fields exist is judged by documentFindings in Chinese.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

const layoutCell = z.strictObject({
  label: text(200).optional(),
  field: text(100).optional(),
  parts: z
    .array(z.strictObject({ label: text(100), field: text(100) }))
    .max(20)
    .optional(),
  span: z.number().int().min(1).max(24),
  rowSpan: z.number().int().min(1).max(60).optional(),
  kind: z.enum(['text', 'paragraph', 'signature', 'photo']),
});

export const formLayoutSchema = z.strictObject({
  title: text(100),
  attachmentLabel: text(20),
  columnWidths: z.array(z.number().positive().max(1000)).min(1).max(24),
  rows: z
    .array(
      z.strictObject({
        cells: z.array(layoutCell).min(1).max(24),
        minHeightMm: z.number().min(0).max(250).optional(),
      }),
    )
    .min(1)
    .max(60),
  notes: z.array(text(500)).max(20).optional(),
  signature: z.strictObject({ signer: text(50), seal: text(50), date: text(50) }),
});

export const campaignDocumentsSchema = z.strictObject({
  starForm: formLayoutSchema.optional(),
  projectForm: formLayoutSchema.optional(),
});
