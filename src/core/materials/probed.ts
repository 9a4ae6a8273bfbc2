/**
 * What the media probes (src/server/platform/media) measure, as plain data. Probes only measure;
 * `checkMaterial` judges the measurements against a slot's spec, so the browser, the server and the
 * CLI all give the same verdict for the same file.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif' | 'other';

/** Where the density came from. `none`: the file records none (sharp would say 72; we do not). */
export type DpiSource = 'jfif' | 'exif' | 'png' | 'none';

export interface ProbedImage {
  kind: 'image';
  /** By content (magic bytes and decoder), never by the file name. */
  format: ImageFormat;
  bytes: number;
  width: number;
  height: number;
  dpi: { x: number; y: number } | 'unknown';
  dpiSource: DpiSource;
}

export type VideoContainer = 'mp4' | 'mov' | 'other';

export interface ProbedVideo {
  kind: 'video';
  /** `mov` when the major brand is QuickTime (`qt  `), even when the file is named .mp4. */
  container: VideoContainer;
  /** ffprobe's format name for containers other than MP4/MOV (`matroska,webm`, `avi`), else ''. */
  formatName: string;
  /** The ftyp major brand (`isom`, `mp42`, `qt  `), '' when the file has none. */
  brand: string;
  compatibleBrands: string[];
  /** As ffprobe names it: `h264`, `hevc`, `mpeg4`. */
  videoCodec: string;
  width: number;
  height: number;
  /** Average frame rate; 0 when the file does not say. */
  fps: number;
  durationSeconds: number;
  audioCodec: string | null;
  bytes: number;
}

/**
 * Office and PDF files by content: `docx`/`xlsx`/`pptx` are ZIP packages told apart by their main part,
 * `doc`/`xls`/`ppt` OLE compound files by their main stream, `zip`/`ole` anything else of that shape.
 */
export type DocumentFormat = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'pptx' | 'ppt' | 'zip' | 'ole';

export interface ProbedDocument {
  kind: 'document';
  format: DocumentFormat;
  bytes: number;
}

/** Why a file could not be measured at all; each one is refused with `reason` (zh-CN). */
export type UnreadableCode =
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'UNKNOWN_FORMAT'
  | 'TOO_MANY_PIXELS'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'PROBE_FAILED';

export interface ProbeFailure {
  kind: 'unreadable';
  code: UnreadableCode;
  /** zh-CN: what is wrong with the file and what to do. */
  reason: string;
}

export type Probed = ProbedImage | ProbedVideo | ProbedDocument | ProbeFailure;
