/**
 * The submit rule for material (issue #6, item 8): a nomination cannot be submitted while a required
 * slot is missing, still being checked, or failed, unless an organiser waived each error finding of the
 * failed file. Counts must sit within the slot's range, and of each `atLeastOneOf` group one slot must be
 * supplied. Material a unit chose to add to an optional slot is judged too, but only as a warning: it can
 * be deleted instead. The browser runs the same function to show what is left to do.
 */
import { asClause, error, type Finding, warning } from '../findings.ts';
import {
  type MaterialSets,
  type NominationKind,
  setsForNomination,
  slotDisplayName,
} from './nomination-slots.ts';
import { chosenFiles, fileStatus, type SlotFile, unwaivedErrors } from './slot-status.ts';
import type { MaterialSlotSpec } from './spec.ts';

export interface NominationMaterialFile extends SlotFile {
  setKey: string;
  slotId: string;
}

function countText(slot: MaterialSlotSpec): string {
  const { min, max } = slot.count;
  return min === max ? `${min} 个` : `${min}–${max} 个`;
}

function slotFindings(
  setKey: Parameters<typeof slotDisplayName>[0],
  slot: MaterialSlotSpec,
  files: readonly NominationMaterialFile[],
): Finding[] {
  const field = `materials.${setKey}.${slot.id}`;
  const name = slotDisplayName(setKey, slot);
  const chosen = chosenFiles(files);
  if (chosen.length === 0) {
    return slot.required
      ? [error('MATERIAL_MISSING', field, `请上传${name}（需 ${countText(slot)}文件）后再提交。`)]
      : [];
  }
  // A supplied optional slot blocks nothing: its problems are warnings the unit can act on or accept.
  const problem = slot.required ? error : warning;
  const findings: Finding[] = [];
  if (chosen.length < slot.count.min) {
    findings.push(
      problem(
        'MATERIAL_COUNT_BELOW_MIN',
        field,
        `${name}需 ${countText(slot)}文件，目前只有 ${chosen.length} 个，请再上传 ${slot.count.min - chosen.length} 个。`,
      ),
    );
  }
  if (chosen.length > slot.count.max) {
    findings.push(
      problem(
        'MATERIAL_COUNT_ABOVE_MAX',
        field,
        `${name}最多 ${slot.count.max} 个文件，目前有 ${chosen.length} 个，请删除 ${chosen.length - slot.count.max} 个。`,
      ),
    );
  }
  for (const file of chosen) {
    const status = fileStatus(file);
    if (status === 'pending') {
      findings.push(
        problem('MATERIAL_PENDING', field, `${name}中的“${file.fileName}”正在检查，请等检查完成后再提交。`),
      );
    } else if (status === 'failed') {
      // One sentence however many reasons: each reason a clause, so a joined refusal never reads 。；
      const reasons = unwaivedErrors(file).map((f) => asClause(f.message));
      findings.push(
        problem(
          'MATERIAL_FAILED',
          field,
          `${name}中的“${file.fileName}”未通过检查${reasons.length > 0 ? `（${reasons.join('；')}）` : ''}，请按要求重新上传，或请组织单位审核后豁免。`,
        ),
      );
    }
  }
  return findings;
}

/** Every finding about a nomination's material, for the set(s) that apply to it. */
export function materialSubmitFindings(
  materials: MaterialSets,
  nomination: NominationKind,
  files: readonly NominationMaterialFile[],
): Finding[] {
  const findings: Finding[] = [];
  for (const { setKey, set } of setsForNomination(materials, nomination)) {
    const inSlot = (slotId: string) => files.filter((f) => f.setKey === setKey && f.slotId === slotId);
    for (const slot of set.slots) findings.push(...slotFindings(setKey, slot, inSlot(slot.id)));
    for (const group of set.atLeastOneOf) {
      const slots = set.slots.filter((slot) => group.includes(slot.id));
      if (slots.some((slot) => chosenFiles(inSlot(slot.id)).length > 0)) continue;
      findings.push(
        error(
          'MATERIAL_ONE_OF_MISSING',
          `materials.${setKey}`,
          `请至少上传以下材料之一：${slots.map((slot) => slotDisplayName(setKey, slot)).join('或')}。`,
        ),
      );
    }
  }
  return findings;
}
