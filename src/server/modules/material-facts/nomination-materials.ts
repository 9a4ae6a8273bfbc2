/**
 * A nomination's material as the rest of the server needs it: the slots that apply, the submit rule's
 * findings, and the chosen files frozen into the submit snapshot. The nominations module calls these
 * (never this module's queries), inside its own transaction when it submits.
 */
import type { Finding } from '#core/findings.ts';
import { type MaterialSets, setsForNomination } from '#core/materials/nomination-slots.ts';
import { chosenFiles } from '#core/materials/slot-status.ts';
import { materialSubmitFindings } from '#core/materials/submit-rule.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { listMaterials, type MaterialRow } from './queries.ts';
import type { MaterialSubject } from './rules.ts';

type Nomination = Pick<NominationRow, 'id' | 'category' | 'special' | 'unitId' | 'organiserPath' | 'state'>;

export const subjectOf = (n: Nomination): MaterialSubject => ({
  unitId: n.unitId,
  organiserPath: n.organiserPath,
  state: n.state,
});

export function appliedSets(n: Nomination, campaign: Pick<CampaignRow, 'rules'>) {
  return setsForNomination(campaign.rules.materials as MaterialSets, {
    category: n.category as 'star' | 'project',
    special: n.special,
  });
}

export function submitFindingsFor(n: Nomination, campaign: Pick<CampaignRow, 'rules'>, rows: MaterialRow[]) {
  return materialSubmitFindings(
    campaign.rules.materials as MaterialSets,
    { category: n.category as 'star' | 'project', special: n.special },
    rows,
  );
}

/** The submit rule's findings for a nomination as its files stand now. */
export async function materialFindings(
  db: Db | Trx,
  n: Nomination,
  campaign: Pick<CampaignRow, 'rules'>,
): Promise<Finding[]> {
  return submitFindingsFor(n, campaign, await listMaterials(db, n.id));
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
  const rows = chosenFiles(await listMaterials(db, n.id));
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
