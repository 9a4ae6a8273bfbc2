/**
 * What a campaign asks for as electronic material, as plain JSON data (it is stored inside the campaign
 * rules and edited in the browser). `checkMaterial(probed metadata, slot)` judges uploads against these
 * specs; anything a probe cannot measure (is the subject sharp? is there a TV-station logo?) is listed
 * in `attestations` so the unit confirms it and a reviewer looks at it.
 */

export type MaterialKind = 'photo' | 'video' | 'document';

/** Lower-case container/file formats as probes report them. */
export type MaterialFormat = 'jpeg' | 'png' | 'mp4' | 'docx' | 'doc' | 'pdf';

export interface NumberRange {
  min: number;
  max: number;
}

export interface MaterialSlotSpec {
  /** Stable within a material set, e.g. `idPhoto`, `video`. */
  id: string;
  /** zh-CN, shown on the upload form. */
  label: string;
  kind: MaterialKind;
  /** Accepted formats. Where a notice names none, the templates accept the common ones and say so. */
  formats: MaterialFormat[];
  /** False for material the notice only encourages (视频“鼓励提交”) or offers as an alternative. */
  required: boolean;
  /** Number of files whenever the slot is supplied at all, so an optional 4–8 photos keeps its 4. */
  count: NumberRange;
  /** Per file; the notices say 5MB/1MB, read as MiB because that is what a file dialog shows. */
  minBytes?: number;
  /**
   * Per-file cap the campaign sets (uploads above it are refused before a byte is sent); without it the
   * kind's default in limits.ts.
   */
  maxBytes?: number;
  minDpi?: number;
  /** Exact frame size for video (1280×720), in pixels. */
  width?: number;
  height?: number;
  fps?: number;
  /** Codec as ffprobe names it (`h264`). */
  videoCodec?: string;
  durationSeconds?: NumberRange;
  /** 片头/片尾 lengths: they cannot be measured reliably, so they also appear in attestations. */
  openingSeconds?: number;
  endingSeconds?: number;
  /** Requirements only a person can judge, each confirmed by the unit. */
  attestations: string[];
}

export interface MaterialSetSpec {
  slots: MaterialSlotSpec[];
  /**
   * Each inner list names slot ids of which at least one must be supplied, e.g. Jilin's special picks:
   * 照片 4–8 张 *或* 视频. Empty when every required slot is simply required on its own.
   */
  atLeastOneOf: string[][];
}

export const MEBIBYTE = 1024 * 1024;
