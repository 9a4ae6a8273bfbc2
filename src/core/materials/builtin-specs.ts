/**
 * Spec names for `tuijie check --spec`: the national 2024 slots, read from the template so the numbers
 * live in one place.
 */
import { getTemplate } from '../campaign/templates/index.ts';
import type { MaterialSlotSpec } from './spec.ts';

export const BUILTIN_SPEC_NAMES = ['star-photo', 'project-photo', 'video'] as const;
export type BuiltinSpecName = (typeof BUILTIN_SPEC_NAMES)[number];

function slot(set: 'star' | 'project', id: string): MaterialSlotSpec {
  const rules = getTemplate('national-2024');
  const found = rules?.materials[set].slots.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`national-2024 template has no ${set}.${id} slot`);
  return found;
}

/** Either of a star's two photos: same file rules; the ID photo's framing is for the unit to confirm. */
function starPhoto(): MaterialSlotSpec {
  const idPhoto = slot('star', 'idPhoto');
  const photo = slot('star', 'photo');
  const attestations = [...new Set([...idPhoto.attestations, ...photo.attestations])];
  return {
    ...idPhoto,
    id: 'starPhoto',
    label: `${idPhoto.label}或${photo.label}`,
    attestations: [...attestations, `若为证件照：${idPhoto.label}，正面、构图符合证件照要求`],
  };
}

export function builtinSpec(name: string): MaterialSlotSpec | undefined {
  switch (name) {
    case 'star-photo':
      return starPhoto();
    case 'project-photo':
      return slot('project', 'photos');
    case 'video':
      return slot('star', 'video');
    default:
      return undefined;
  }
}
