/**
 * Where a forwarded nomination's files go in the target campaign. The two notices ask for different
 * material (Jilin: 证件照 and 精彩学习活动照片; the nation: 证件照 and 个人照片 of at least 5 MB; special
 * picks 4–8 photos or a film against 3–5 photos and a film), so a file keeps its slot only where the
 * target has a slot of the same set and id; the target's check job then judges it by the target's
 * spec. Nothing is dropped: a file without a place goes along outside the slots with a finding that
 * says so, and the forwarding organisation is told at once what has no place, what exceeds a count
 * and what the target asks for that the source never had.
 */
import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel } from '../campaign/rules.ts';
import { error, type Finding, warning } from '../findings.ts';
import {
  type MaterialSets,
  type NominationKind,
  setsForNomination,
  slotDisplayName,
} from '../materials/nomination-slots.ts';
import type { MaterialSlotSpec } from '../materials/spec.ts';

export interface ForwardedFile {
  setKey: string;
  slotId: string;
}

export type FilePlacement<F> =
  | { file: F; placed: true }
  /** Kept under its source slot's keys, outside the target's slots, with `finding` as its verdict. */
  | { file: F; placed: false; finding: Finding };

export interface ForwardedMaterialsPlan<F> {
  files: FilePlacement<F>[];
  /** For the forwarding organisation, warnings all: forwarding goes ahead, the target's rules decide. */
  findings: Finding[];
}

export interface ForwardingSource {
  title: string;
  materials: MaterialSets;
}

export interface ForwardingDestination {
  level: CampaignLevel;
  materials: MaterialSets;
}

function countText({ min, max }: MaterialSlotSpec['count']): string {
  return min === max ? `${min} 个` : `${min}–${max} 个`;
}

function slotOf(materials: MaterialSets, kind: NominationKind, setKey: string, slotId: string) {
  const applied = setsForNomination(materials, kind).find((s) => s.setKey === setKey);
  const slot = applied?.set.slots.find((s) => s.id === slotId);
  return applied && slot ? { setKey: applied.setKey, slot } : undefined;
}

function nameIn(materials: MaterialSets, kind: NominationKind, file: ForwardedFile): string {
  const found = slotOf(materials, kind, file.setKey, file.slotId);
  return found ? slotDisplayName(found.setKey, found.slot) : `「${file.slotId}」`;
}

/** Findings about the target's slots once the placed files are in them. */
function targetSlotFindings(
  target: ForwardingDestination,
  kind: NominationKind,
  placed: readonly ForwardedFile[],
): Finding[] {
  const where = `${CAMPAIGN_LEVEL_LABELS[target.level]}活动`;
  const findings: Finding[] = [];
  for (const { setKey, set } of setsForNomination(target.materials, kind)) {
    const countIn = (slotId: string) =>
      placed.filter((f) => f.setKey === setKey && f.slotId === slotId).length;
    for (const slot of set.slots) {
      const field = `materials.${setKey}.${slot.id}`;
      const name = slotDisplayName(setKey, slot);
      const n = countIn(slot.id);
      if (n > slot.count.max) {
        findings.push(
          warning(
            'FORWARD_MATERIAL_ABOVE_MAX',
            field,
            `${name}转去 ${n} 个文件，${where}该项最多 ${slot.count.max} 个，多出 ${n - slot.count.max} 个：文件已全部转去，需由报送单位删减。`,
          ),
        );
      } else if (slot.required && n === 0) {
        findings.push(
          warning(
            'FORWARD_MATERIAL_MISSING',
            field,
            `${where}要求${name}（${countText(slot.count)}文件），本活动没有对应的文件，转去后此项为“未上传”，需由报送单位补交。`,
          ),
        );
      } else if (slot.required && n < slot.count.min) {
        findings.push(
          warning(
            'FORWARD_MATERIAL_BELOW_MIN',
            field,
            `${where}要求${name}${countText(slot.count)}文件，转去 ${n} 个，还需由报送单位补交 ${slot.count.min - n} 个。`,
          ),
        );
      }
    }
    for (const group of set.atLeastOneOf) {
      if (group.some((slotId) => countIn(slotId) > 0)) continue;
      const names = set.slots.filter((s) => group.includes(s.id)).map((s) => slotDisplayName(setKey, s));
      findings.push(
        warning(
          'FORWARD_MATERIAL_ONE_OF_MISSING',
          `materials.${setKey}`,
          `${where}要求${names.join('或')}至少提交一项，转去的材料中没有，需由报送单位补交。`,
        ),
      );
    }
  }
  return findings;
}

/**
 * The plan for `files` (the source's submitted files, in slot order) of a nomination of `kind` going
 * from `source` to `target`.
 */
export function planForwardedMaterials<F extends ForwardedFile>(
  files: readonly F[],
  kind: NominationKind,
  source: ForwardingSource,
  target: ForwardingDestination,
): ForwardedMaterialsPlan<F> {
  const where = `${CAMPAIGN_LEVEL_LABELS[target.level]}活动`;
  const placements: FilePlacement<F>[] = files.map((file) => {
    if (slotOf(target.materials, kind, file.setKey, file.slotId)) return { file, placed: true };
    return {
      file,
      placed: false,
      finding: error(
        'FORWARDED_NO_SLOT',
        'slot',
        `此文件是「${source.title}」中的${nameIn(source.materials, kind, file)}，随推介转来；本活动的材料要求中没有对应的材料项，不计入提交的材料，仅供查看。`,
      ),
    };
  });

  const findings: Finding[] = [];
  const unplaced = placements.filter((p) => !p.placed).map((p) => p.file);
  const seen = new Set<string>();
  for (const file of unplaced) {
    const key = `${file.setKey}.${file.slotId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = unplaced.filter((f) => f.setKey === file.setKey && f.slotId === file.slotId).length;
    findings.push(
      warning(
        'FORWARD_MATERIAL_NO_SLOT',
        `materials.${key}`,
        `${nameIn(source.materials, kind, file)}的 ${n} 个文件在${where}的材料要求中没有对应的材料项：已随推介转去供查看，但不计入提交的材料。`,
      ),
    );
  }
  const placed = placements.filter((p) => p.placed).map((p) => p.file);
  findings.push(...targetSlotFindings(target, kind, placed));
  return { files: placements, findings };
}
