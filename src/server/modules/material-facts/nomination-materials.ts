/**
 * A nomination's material as the rest of the server needs it: the slots that apply, the submit rule's
 * findings, and the chosen files frozen into the submit snapshot. The nominations module calls these
 * inside its own transaction when it submits; the materials module uses them for its own lists. A module
 * of its own so that nominations needs nothing of materials, which needs nominations (decision 0010).
 */
import type { Category } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import { type MaterialSets, setsForNomination } from '#core/materials/nomination-slots.ts';
import { chosenFiles } from '#core/materials/slot-status.ts';
import type { NominationMaterialFile } from '#core/materials/submit-rule.ts';
import { materialSubmitFindings } from '#core/materials/submit-rule.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { listNominationFiles } from './queries.ts';

type Nomination = { id: string; category: Category; special: boolean };

export function appliedSets(n: Nomination, campaign: Pick<CampaignRow, 'rules'>) {
  return setsForNomination(campaign.rules.materials as MaterialSets, {
    category: n.category,
    special: n.special,
  });
}

export function submitFindingsFor(
  n: Nomination,
  campaign: Pick<CampaignRow, 'rules'>,
  rows: NominationMaterialFile[],
) {
  return materialSubmitFindings(
    campaign.rules.materials as MaterialSets,
    { category: n.category, special: n.special },
    rows,
  );
}

/** The submit rule's findings for a nomination as its files stand now. */
export async function materialFindings(
  db: Db | Trx,
  n: Nomination,
  campaign: Pick<CampaignRow, 'rules'>,
): Promise<Finding[]> {
  return submitFindingsFor(n, campaign, await listNominationFiles(db, n.id));
}

/** One submitted file as the snapshot keeps it: enough to prove later which bytes were submitted. */
export interface SubmittedMaterial {
  setKey: string;
  slotId: string;
  slotLabel: string;
  materialId: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

/** The chosen files of the slots that apply, in slot order. */
export async function submittedMaterials(
  db: Db | Trx,
  n: Nomination,
  campaign: Pick<CampaignRow, 'rules'>,
): Promise<SubmittedMaterial[]> {
  const rows = chosenFiles(await listNominationFiles(db, n.id));
  return appliedSets(n, campaign).flatMap(({ setKey, set }) =>
    set.slots.flatMap((slot) =>
      rows
        .filter((r) => r.setKey === setKey && r.slotId === slot.id)
        .map((r) => ({
          setKey,
          slotId: slot.id,
          slotLabel: slot.label,
          materialId: r.id,
          fileName: r.fileName,
          bytes: Number(r.bytes),
          sha256: r.sha256,
        })),
    ),
  );
}
