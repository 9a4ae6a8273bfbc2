/**
 * A forwarded nomination's files (issue #10, item 3): the source's submitted files become rows of the
 * copy that point at the same stored bytes and preview (nothing is copied; see stored-objects.ts for
 * deletion), each `pending` for the same check job as an upload, which judges it by the target
 * campaign's own slot. Where the target has no such slot the file still goes along, outside the slots,
 * with the reason as its verdict (core's planForwardedMaterials decides which is which).
 */
import type { Finding } from '#core/findings.ts';
import type { MaterialSets } from '#core/materials/nomination-slots.ts';
import { chosenFiles } from '#core/materials/slot-status.ts';
import { planForwardedMaterials } from '#core/nomination/forwarding-materials.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { appliedSets } from '../material-facts/nomination-materials.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { listMaterialsForShare } from './queries.ts';
import { createMaterial } from './transition-material.ts';

type Nomination = Pick<NominationRow, 'id' | 'category' | 'special' | 'unitId' | 'organiserPath' | 'state'>;

export interface ForwardedMaterials {
  /** How many files went with the nomination (all of the source's submitted files). */
  files: number;
  /** For the forwarding organisation: what has no place, what exceeds a count, what the target lacks. */
  findings: Finding[];
  /** Each file's source row and its copy, with the hash that proves they are the same bytes. */
  copies: { from: string; to: string; setKey: string; slotId: string; sha256: string; placed: boolean }[];
}

export async function forwardMaterials(
  trx: Trx,
  jobs: Jobs,
  actor: Actor,
  from: { nomination: Nomination; campaign: CampaignRow },
  to: { nominationId: string; campaign: CampaignRow },
): Promise<ForwardedMaterials> {
  const rows = chosenFiles(await listMaterialsForShare(trx, from.nomination.id));
  // The submitted files, in the source's slot order (as its submit snapshot lists them).
  const submitted = appliedSets(from.nomination, from.campaign).flatMap(({ setKey, set }) =>
    set.slots.flatMap((slot) =>
      rows.filter((r) => r.setKey === setKey && r.slotId === slot.id && r.state !== 'converting'),
    ),
  );
  const plan = planForwardedMaterials(
    submitted,
    { category: from.nomination.category, special: from.nomination.special },
    { title: from.campaign.title, materials: from.campaign.rules.materials as MaterialSets },
    {
      level: to.campaign.level,
      materials: to.campaign.rules.materials as MaterialSets,
    },
  );
  const copies: ForwardedMaterials['copies'] = [];
  for (const placement of plan.files) {
    const r = placement.file;
    const id = await createMaterial(trx, jobs, {
      origin: 'forwarded',
      values: {
        nominationId: to.nominationId,
        setKey: r.setKey,
        slotId: r.slotId,
        storageKey: r.storageKey,
        fileName: r.fileName,
        bytes: Number(r.bytes),
        sha256: r.sha256,
        previewKey: r.previewKey,
        copiedFrom: r.id,
        uploadedBy: actor.accountId,
        // The upload's time, so the copy lists its files in the order the unit gave them.
        createdAt: r.createdAt,
      },
      // A placed file waits for the target's verdict; one without a place has its reason as verdict.
      ...(placement.placed ? {} : { verdict: { findings: [placement.finding], probed: r.probed } }),
    });
    copies.push({
      from: r.id,
      to: id,
      setKey: r.setKey,
      slotId: r.slotId,
      sha256: r.sha256,
      placed: placement.placed,
    });
  }
  return { files: copies.length, findings: plan.findings, copies };
}
