/**
 * Names inside a submission package, as an official opening it on Windows expects them: a folder per
 * nomination numbered in the unit's 排序 (`01_张三/`), and each file under a short Chinese name taken
 * from its material slot (`证件照.jpg`, `照片1.jpg`, `视频.mp4`), with the extension the bytes really
 * have (a PNG uploaded as `.jpg` stays a PNG), not the one the uploader's file carried.
 */
import { safeName } from './file-names.ts';

/** `01_张三`: the rank padded to the width of the largest one, so folders sort in 排序 order. */
export function nominationFolder(rank: number, name: string, count: number): string {
  const width = Math.max(2, String(count).length);
  return `${String(rank).padStart(width, '0')}_${safeName(name, '未填写名称')}`;
}

/** Short names of the built-in slots; a slot a campaign adds is named by its label. */
const SHORT_NAMES: Record<string, string> = {
  idPhoto: '证件照',
  photo: '个人照片',
  activityPhoto: '活动照片',
  photos: '照片',
  video: '视频',
  workSummary: '工作总结',
};

/** A label without its explanation in brackets: 近年开展学习活动的工作总结（1500字左右） → …工作总结. */
function shortLabel(label: string): string {
  return label.replace(/[（(][^（）()]*[）)]/g, '').trim();
}

export interface SlotName {
  setKey: string;
  slot: { id: string; label: string; count: { max: number } };
}

/**
 * The name of the `index`-th (0-based) file of a slot without its extension; numbered when the slot
 * may hold more than one file (`照片1`), so names never collide; a special pick's extra material is
 * marked as such. Without `index`: the slot's name as a whole (a missing part in 清单.csv).
 */
export function materialBaseName({ setKey, slot }: SlotName, index?: number): string {
  const base = SHORT_NAMES[slot.id] ?? shortLabel(slot.label);
  const numbered = index !== undefined && (slot.count.max > 1 || index > 0) ? `${base}${index + 1}` : base;
  const special = setKey === 'specialStar' || setKey === 'specialProject' ? '特别推介_' : '';
  return safeName(`${special}${numbered}`, '材料');
}

export function materialEntryName(slot: SlotName, index: number, extension: string): string {
  return `${materialBaseName(slot, index)}.${extension}`;
}

/** Extensions by the format a probe (core/materials/probed.ts) found in the bytes. */
const BY_CONTENT: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tif',
  heif: 'heic',
  mp4: 'mp4',
  mov: 'mov',
  pdf: 'pdf',
  docx: 'docx',
  doc: 'doc',
  xlsx: 'xlsx',
  xls: 'xls',
  pptx: 'pptx',
  ppt: 'ppt',
  zip: 'zip',
};

/** The extension by content when the probe knows it, else the uploaded name's, else `bin`. */
export function materialExtension(probed: unknown, fileName: string): string {
  const p = (probed && typeof probed === 'object' ? probed : {}) as Record<string, unknown>;
  const format = p.kind === 'video' ? p.container : p.format;
  if (typeof format === 'string' && BY_CONTENT[format]) return BY_CONTENT[format];
  const typed = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  return typed ?? 'bin';
}
