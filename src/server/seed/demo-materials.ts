/**
 * Material for the demo's submitted nominations: without it they would break the submit rule they were
 * seeded as having passed. Real files made to each required slot's spec (noise photos at 300 dpi and the
 * slot's minimum size; the work summary as the Word file generated from the text on the form, else a small
 * PDF), stored through the platform's storage, measured by the real probe and judged by the real check,
 * then frozen into the snapshot as a submit would.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { checkMaterial } from '#core/materials/check-material.ts';
import { slotMaxBytes } from '#core/materials/limits.ts';
import { type MaterialSets, setsForNomination } from '#core/materials/nomination-slots.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import type { SubmittedMaterial } from '../modules/material-facts/nomination-materials.ts';
import { createMaterial } from '../modules/materials/transition-material.ts';
import { workSummaryDocx, workSummaryFileName } from '../modules/materials/work-summary-document.ts';
import { freezeSubmission } from '../modules/nominations/freeze-submission.ts';
import type { Db } from '../platform/db/database.ts';
import { probeMaterial } from '../platform/media/probe-material.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { noisePhoto, summaryPdf } from './demo-files.ts';

const made = new Map<string, Promise<Buffer>>();

function writtenSummary(form: unknown): { programme: string; text: string } | null {
  const f = (form ?? {}) as { name?: unknown; workSummary?: unknown };
  const text = typeof f.workSummary === 'string' ? f.workSummary.trim() : '';
  return text ? { programme: typeof f.name === 'string' ? f.name.trim() : '', text } : null;
}

/** Demo content for a slot, or null for video (a 4-minute film is too slow to make at every first start). */
function contentFor(slot: MaterialSlotSpec): Promise<Buffer> | null {
  if (slot.kind === 'video') return null;
  const key = `${slot.kind}:${slot.minBytes ?? 0}`;
  if (!made.has(key))
    made.set(key, slot.kind === 'document' ? Promise.resolve(summaryPdf()) : noisePhoto(slot.minBytes ?? 0));
  return made.get(key)!;
}

/** Gives every non-draft demo nomination the files its required slots ask for; returns how many it stored. */
export async function seedDemoMaterials(db: Db, storage: Storage): Promise<number> {
  const nominations = await db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select([
      'n.id',
      'n.category',
      'n.special',
      'n.state',
      'n.form',
      'n.snapshot',
      'n.campaignId',
      'n.unitId',
      'n.rank',
      'n.submittedAt',
      'c.rules',
      'u.name as unitName',
    ])
    .execute();
  let stored = 0;
  for (const n of nominations) {
    // Drafts are still being prepared; everything else was submitted once, with its material.
    if (n.state === 'draft') continue;
    const rules = n.rules as CampaignRules;
    const sets = setsForNomination(rules.materials as MaterialSets, {
      category: n.category,
      special: n.special,
    });
    const submitted: SubmittedMaterial[] = [];
    for (const { setKey, set } of sets) {
      for (const slot of set.slots) {
        const needed = slot.required || set.atLeastOneOf.some((group) => group[0] === slot.id);
        const content = needed ? contentFor(slot) : null;
        if (!content) continue;
        // A summary written on the form becomes its document, as the unit's 生成 button makes it.
        const summary = slot.id === 'workSummary' ? writtenSummary(n.form) : null;
        for (let i = 1; i <= slot.count.min; i++) {
          const data = summary ? await workSummaryDocx({ ...summary, unitName: n.unitName }) : await content;
          const storageKey = `materials/demo/${randomUUID()}`;
          const { bytes, sha256 } = await storage.write(storageKey, Readable.from([data]));
          const fileName = summary
            ? workSummaryFileName(summary.programme)
            : `${slot.label}-${i}.${slot.kind === 'document' ? 'pdf' : 'jpg'}`;
          const probed = await storage.withLocalFile(storageKey, (path) =>
            probeMaterial(path, { maxBytes: slotMaxBytes(slot) }),
          );
          const findings = checkMaterial(probed, slot, { fileName });
          const materialId = await db.transaction().execute((trx) =>
            createMaterial(trx, undefined, {
              origin: 'seeded',
              values: {
                nominationId: n.id,
                setKey,
                slotId: slot.id,
                storageKey,
                fileName,
                bytes,
                sha256,
                uploadedBy: null,
              },
              verdict: { findings, probed },
            }),
          );
          submitted.push({
            setKey,
            slotId: slot.id,
            slotLabel: slot.label,
            materialId,
            fileName,
            bytes,
            sha256,
          });
          stored++;
        }
      }
    }
    if (n.snapshot && n.submittedAt) {
      const { submittedAt } = n;
      // The files came after the submit here: frozen again as a submit with them would have frozen it.
      await db.transaction().execute(async (trx) => {
        const form = revealForm(n.form as Record<string, unknown>, dataKeys());
        const frozen = await freezeSubmission(trx, { ...n, form }, submitted, submittedAt);
        await trx
          .updateTable('nominations')
          .set({ snapshot: frozen.snapshot })
          .where('id', '=', n.id)
          .execute();
      });
    }
  }
  return stored;
}
