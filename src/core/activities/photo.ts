/**
 * A photo of a publicity activity: a JPEG or PNG by its bytes (a text file renamed .jpg is what its bytes
 * say), readable, at most 10 MB, at most a few per activity. The public sees only a resized copy.
 */
import { error, type Finding } from '../findings.ts';
import type { Probed } from '../materials/probed.ts';
import { MEBIBYTE } from '../materials/spec.ts';

export const ACTIVITY_PHOTO_MAX_BYTES = 10 * MEBIBYTE;
export const ACTIVITY_PHOTOS_MAX = 9;
/** The longer side of the public copy, in pixels. */
export const ACTIVITY_PHOTO_PUBLIC_SIDE = 1280;

export const ACTIVITY_PHOTO_TYPES = { 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片' } as const;
export type ActivityPhotoType = keyof typeof ACTIVITY_PHOTO_TYPES;

const NOT_A_PHOTO =
  '活动照片应为 JPEG 或 PNG 图片；该文件的内容不是图片，只改扩展名无法改变文件格式，请选择相机或手机拍摄的照片。';

export function judgeActivityPhoto(
  probed: Probed,
): { contentType: ActivityPhotoType } | { findings: Finding[] } {
  if (probed.kind === 'image' && (probed.format === 'jpeg' || probed.format === 'png'))
    return { contentType: probed.format === 'jpeg' ? 'image/jpeg' : 'image/png' };
  if (probed.kind === 'unreadable' && probed.code !== 'UNKNOWN_FORMAT')
    return { findings: [error('ACTIVITY_PHOTO_UNREADABLE', 'photo', probed.reason)] };
  return { findings: [error('ACTIVITY_PHOTO_FORMAT', 'photo', NOT_A_PHOTO)] };
}
