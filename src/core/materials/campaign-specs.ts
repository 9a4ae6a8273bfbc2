/**
 * Spec names for `tuijie check --campaign ID --spec NAME`: the short names the built-in specs use
 * (`star-photo`, `project-photo`, `video`) read from that campaign's own rules, and every slot by its
 * full name `<set>.<slotId>` (`star.idPhoto`, `specialProject.video`).
 */
import type { MaterialSetSpec, MaterialSlotSpec } from './spec.ts';

export type CampaignMaterialSets = Record<
  'star' | 'project' | 'specialStar' | 'specialProject',
  MaterialSetSpec
>;

export const SHORT_SPEC_NAMES = ['star-photo', 'project-photo', 'video'] as const;

export type CampaignSpecResult = { slot: MaterialSlotSpec } | { problem: string };

/** Every name this campaign accepts, short names first. */
export function campaignSpecNames(materials: CampaignMaterialSets): string[] {
  const full = Object.entries(materials).flatMap(([setKey, set]) =>
    set.slots.map((slot) => `${setKey}.${slot.id}`),
  );
  return [...SHORT_SPEC_NAMES, ...full];
}

/** The file rules two photo slots must share for one name to stand for both. */
function fileRules(slot: MaterialSlotSpec): string {
  const { formats, minBytes, minDpi, maxBytes } = slot;
  return JSON.stringify({ formats, minBytes, minDpi, maxBytes });
}

/**
 * Either of a star's photos (as the built-in `star-photo`): one spec when their file rules agree,
 * with the attestations of all of them; the ID photo's framing is for the unit to confirm.
 */
function starPhoto(set: MaterialSetSpec): CampaignSpecResult {
  const photos = set.slots.filter((slot) => slot.kind === 'photo');
  const [first] = photos;
  if (!first) return { problem: '本活动的百姓学习之星材料中没有照片' };
  if (photos.some((photo) => fileRules(photo) !== fileRules(first))) {
    const names = photos.map((photo) => `star.${photo.id}（${photo.label}）`).join('、');
    return { problem: `本活动百姓学习之星的各张照片要求不同，请指明是哪一张：${names}` };
  }
  if (photos.length === 1) return { slot: first };
  const idPhoto = photos.find((photo) => photo.id === 'idPhoto');
  const attestations = [...new Set(photos.flatMap((photo) => photo.attestations))];
  return {
    slot: {
      ...first,
      id: 'starPhoto',
      label: photos.map((photo) => photo.label).join('或'),
      attestations: idPhoto
        ? [...attestations, `若为证件照：${idPhoto.label}，正面、构图符合证件照要求`]
        : attestations,
    },
  };
}

function firstOfKind(set: MaterialSetSpec, kind: MaterialSlotSpec['kind'], what: string): CampaignSpecResult {
  const slot = set.slots.find((candidate) => candidate.kind === kind);
  return slot ? { slot } : { problem: `本活动的${what}中没有此项` };
}

export function campaignSpec(materials: CampaignMaterialSets, name: string): CampaignSpecResult {
  if (name === 'star-photo') return starPhoto(materials.star);
  if (name === 'project-photo') return firstOfKind(materials.project, 'photo', '终身学习品牌项目照片');
  if (name === 'video') {
    const video = firstOfKind(materials.star, 'video', '视频');
    return 'slot' in video ? video : firstOfKind(materials.project, 'video', '视频');
  }
  const [setKey, slotId, ...rest] = name.split('.');
  const set =
    rest.length === 0 && setKey && Object.hasOwn(materials, setKey)
      ? materials[setKey as keyof CampaignMaterialSets]
      : undefined;
  const slot = set?.slots.find((candidate) => candidate.id === slotId);
  if (slot) return { slot };
  return { problem: `未知规格「${name}」，本活动可用：${campaignSpecNames(materials).join('、')}` };
}
