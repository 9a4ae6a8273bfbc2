/**
 * Which material slots a nomination has: its category's set, plus the special set when the unit marked
 * it as its special pick (事迹特别感人 / 特别受百姓喜爱). The slots come from the campaign's rules, never
 * from code, so an organiser's edit of a count or a cap reaches every upload and the submit rule.
 */
import type { MaterialSetSpec, MaterialSlotSpec } from './spec.ts';

export type MaterialSetKey = 'star' | 'project' | 'specialStar' | 'specialProject';

export const MATERIAL_SET_KEYS: readonly MaterialSetKey[] = [
  'star',
  'project',
  'specialStar',
  'specialProject',
];

/** The material part of campaign rules (structurally `CampaignRules['materials']`). */
export type MaterialSets = Record<MaterialSetKey, MaterialSetSpec>;

export const MATERIAL_SET_LABELS: Record<MaterialSetKey, string> = {
  star: '百姓学习之星材料',
  project: '终身学习品牌项目材料',
  specialStar: '特别推介材料',
  specialProject: '特别推介材料',
};

export interface NominationKind {
  category: 'star' | 'project';
  special: boolean;
}

export interface AppliedSet {
  setKey: MaterialSetKey;
  set: MaterialSetSpec;
}

export function isMaterialSetKey(value: string): value is MaterialSetKey {
  return (MATERIAL_SET_KEYS as readonly string[]).includes(value);
}

/** The sets that apply, regular first. */
export function setsForNomination(materials: MaterialSets, n: NominationKind): AppliedSet[] {
  const regular: AppliedSet = { setKey: n.category, set: materials[n.category] };
  if (!n.special) return [regular];
  const specialKey: MaterialSetKey = n.category === 'star' ? 'specialStar' : 'specialProject';
  return [regular, { setKey: specialKey, set: materials[specialKey] }];
}

/** The slot `setKey`/`slotId` names for this nomination, or undefined when it has no such slot. */
export function findNominationSlot(
  materials: MaterialSets,
  n: NominationKind,
  setKey: string,
  slotId: string,
): MaterialSlotSpec | undefined {
  const applied = setsForNomination(materials, n).find((s) => s.setKey === setKey);
  return applied?.set.slots.find((slot) => slot.id === slotId);
}

/** How a slot is named in a message: 「2寸免冠彩色证件照」, or 「特别推介材料·照片」 for the special set. */
export function slotDisplayName(
  setKey: MaterialSetKey,
  slot: Pick<MaterialSlotSpec, 'label' | 'id'>,
): string {
  const label = slot.label || slot.id;
  return setKey === 'specialStar' || setKey === 'specialProject'
    ? `「${MATERIAL_SET_LABELS[setKey]}·${label}」`
    : `「${label}」`;
}
