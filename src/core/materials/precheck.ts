/**
 * The browser's check before upload, with the server's rules: what the browser can read (the file's
 * size, its first bytes, a `<video>` element's duration and frame size) becomes a probe-shaped
 * measurement and goes through the same `checkMaterial` the server runs after upload. What only the
 * server can measure (codec, frame rate, whole-file damage) is assumed as required here and said in a
 * warning, so a file is stopped only by what was really measured: errors stop the upload before a byte
 * is sent; warnings let it go. A film whose every error the platform's conversion mends (a 1920×1080
 * phone film, a MOV) goes too, when the platform can convert: it is converted after upload.
 */
import { error, type Finding, hasErrors, warning } from '../findings.ts';
import { checkMaterial } from './check-material.ts';
import { conversionMendsAll, conversionNotice, conversionTargetText } from './conversion.ts';
import { type FileHead, type HeadImage, readFileHead } from './file-head.ts';
import { formatDpi, formatMegabytes, formatMinutesSeconds } from './format-values.ts';
import { codecLabel, SPEC_FORMAT_LABELS } from './labels.ts';
import { MAX_IMAGE_PIXELS, slotMaxBytes } from './limits.ts';
import type { ProbedDocument, ProbedImage, ProbedVideo } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

/** What a `<video>` element reported on `loadedmetadata`; 'unreadable' when it raised an error instead. */
export type VideoMetadata = { durationSeconds: number; width: number; height: number } | 'unreadable';

export interface BrowserReading {
  fileName: string;
  bytes: number;
  /** The file's first bytes (up to PRECHECK_HEAD_BYTES). */
  head: Uint8Array;
  /** Only for files whose head says video. */
  video?: VideoMetadata;
}

export interface PrecheckOptions {
  /** The platform converts films (ffmpeg is installed): errors conversion mends do not stop an upload. */
  conversion?: boolean;
}

export interface Precheck {
  findings: Finding[];
  /** True when an error means the file cannot pass: do not upload it. */
  blocked: boolean;
  /** True when the film goes up as it is and the platform converts it after upload. */
  willConvert: boolean;
  /** What was measured, in Chinese, e.g. 「JPEG，6.1 MB，3000×2000 像素，300 dpi」. */
  measured: string;
}

const UNKNOWN_FORMAT =
  '无法识别的文件格式：既不是 JPEG、PNG 等图片，也不是 MP4 等视频。请确认选对了文件；只改扩展名无法改变文件格式。';

/** Whether the browser should read the file's video metadata before judging it. */
export function needsVideoMetadata(head: Uint8Array): boolean {
  return readFileHead(head).kind === 'video';
}

function withoutAttestations(findings: Finding[]): Finding[] {
  // The slot's attestations are shown with the slot and judged after upload; here they are noise.
  return findings.filter((finding) => finding.code !== 'ATTESTATION_NEEDED');
}

function imageFindings(head: HeadImage, reading: BrowserReading, slot: MaterialSlotSpec): Finding[] {
  if (head.width * head.height > MAX_IMAGE_PIXELS) {
    return [
      error(
        'FILE_TOO_MANY_PIXELS',
        'file',
        `图片尺寸过大（${head.width}×${head.height} 像素，超过 ${Math.round(MAX_IMAGE_PIXELS / 1e6)} 百万像素的上限），为防止恶意文件不予读取。请缩小尺寸后另存为 JPEG 再上传。`,
      ),
    ];
  }
  const { kind: _kind, ...measured } = head;
  const probed: ProbedImage = { kind: 'image', ...measured, bytes: reading.bytes };
  return checkMaterial(probed, slot, { fileName: reading.fileName, maxBytes: slotMaxBytes(slot) });
}

function laterWarning(slot: MaterialSlotSpec, conversion: boolean): Finding[] {
  const required = [
    slot.videoCodec ? `编码 ${codecLabel(slot.videoCodec)}` : '',
    slot.fps ? `帧率 ${slot.fps} fps` : '',
  ].filter(Boolean);
  if (required.length === 0) return [];
  const what = required.map((r) => r.split(' ')[0]).join('和');
  const then = conversion
    ? `如不符合，平台将自动转换为 ${conversionTargetText(slot)}，原视频一并保留。`
    : '请导出时按要求设置。';
  return [
    warning(
      'PRECHECK_SERVER_MEASURES',
      'videoCodec',
      `视频的${what}在上传后检测（要求${required.join('，')}），${then}`,
    ),
  ];
}

function videoFindings(
  head: Extract<FileHead, { kind: 'video' }>,
  reading: BrowserReading,
  slot: MaterialSlotSpec,
  conversion: boolean,
): Finding[] {
  const metadata = reading.video;
  const read =
    metadata !== undefined && metadata !== 'unreadable' && metadata.width > 0 && metadata.height > 0;
  const durationKnown = read && Number.isFinite(metadata.durationSeconds) && metadata.durationSeconds > 0;
  const { kind: _kind, ...container } = head;
  // Not measured here: taken as required so only what was measured can fail.
  const probed: ProbedVideo = {
    kind: 'video',
    ...container,
    videoCodec: slot.videoCodec ?? '',
    width: read ? metadata.width : (slot.width ?? 0),
    height: read ? metadata.height : (slot.height ?? 0),
    fps: slot.fps ?? 0,
    durationSeconds: durationKnown ? metadata.durationSeconds : (slot.durationSeconds?.min ?? 0),
    audioCodec: null,
    bytes: reading.bytes,
  };
  const findings = checkMaterial(probed, slot, { fileName: reading.fileName, maxBytes: slotMaxBytes(slot) });
  if (slot.kind !== 'video' || hasErrors(findings)) return findings;
  const unread = read
    ? []
    : [
        warning(
          'PRECHECK_VIDEO_UNREADABLE',
          'file',
          conversion
            ? '上传前无法读取该视频的时长和分辨率（可能是 H.265 等编码），将在上传后检查；编码、分辨率或帧率不符合要求的，平台将自动转换。'
            : '上传前无法读取该视频的时长和分辨率（可能是 H.265 等编码），将在上传后检查；如能转换，建议先导出为 MP4（H.264）。',
        ),
      ];
  return [...findings, ...unread, ...laterWarning(slot, conversion)];
}

function documentFindings(
  head: Extract<FileHead, { kind: 'document' }>,
  reading: BrowserReading,
  slot: MaterialSlotSpec,
): Finding[] {
  // A document where a photo or film is asked for: the server's probe cannot read it either.
  if (slot.kind !== 'document') return [error('FILE_UNKNOWN_FORMAT', 'file', UNKNOWN_FORMAT)];
  const probed: ProbedDocument = { kind: 'document', format: head.format, bytes: reading.bytes };
  return checkMaterial(probed, slot, { fileName: reading.fileName, maxBytes: slotMaxBytes(slot) });
}

function unknownFindings(slot: MaterialSlotSpec): Finding[] {
  if (slot.kind !== 'document') return [error('FILE_UNKNOWN_FORMAT', 'file', UNKNOWN_FORMAT)];
  const required = slot.formats.map((format) => SPEC_FORMAT_LABELS[format] ?? format).join('或');
  return [
    error(
      'DOCUMENT_FORMAT',
      'format',
      `无法识别的文件格式，要求 ${required}，请在 Word 或 WPS 中打开后另存为 ${required}再上传；只改扩展名无效。`,
    ),
  ];
}

function describe(head: FileHead, reading: BrowserReading): string {
  const parts: string[] = [];
  if (head.kind === 'image') {
    parts.push(head.format.toUpperCase());
    parts.push(formatMegabytes(reading.bytes));
    if (head.width > 0) parts.push(`${head.width}×${head.height} 像素`);
    parts.push(head.dpi === 'unknown' ? '未记录 dpi' : formatDpi(head.dpi));
  } else if (head.kind === 'video') {
    parts.push(head.container === 'other' ? head.formatName.toUpperCase() : head.container.toUpperCase());
    parts.push(formatMegabytes(reading.bytes));
    const metadata = reading.video;
    if (metadata && metadata !== 'unreadable' && metadata.width > 0) {
      parts.push(`${metadata.width}×${metadata.height}`);
      if (Number.isFinite(metadata.durationSeconds))
        parts.push(formatMinutesSeconds(metadata.durationSeconds));
    }
  } else {
    if (head.kind === 'document') parts.push(head.format.toUpperCase());
    parts.push(formatMegabytes(reading.bytes));
  }
  return parts.join('，');
}

export function precheckMaterial(
  reading: BrowserReading,
  slot: MaterialSlotSpec,
  options: PrecheckOptions = {},
): Precheck {
  const conversion = options.conversion === true;
  const head = readFileHead(reading.head);
  const measured = describe(head, reading);
  if (reading.bytes === 0) {
    const findings = [
      error('FILE_EMPTY', 'file', '文件为空（0 字节），可能是上传或复制失败，请重新选择原文件。'),
    ];
    return { findings, blocked: true, willConvert: false, measured };
  }
  let findings: Finding[];
  if (head.kind === 'image') findings = imageFindings(head, reading, slot);
  else if (head.kind === 'video') findings = videoFindings(head, reading, slot, conversion);
  else if (head.kind === 'document') findings = documentFindings(head, reading, slot);
  else findings = unknownFindings(slot);
  findings = withoutAttestations(findings);
  if (conversion && conversionMendsAll(findings, slot)) {
    const notice = conversionNotice(findings, slot);
    const rest = findings.filter((f) => f.severity !== 'error' && f.code !== 'PRECHECK_SERVER_MEASURES');
    return { findings: [notice, ...rest], blocked: false, willConvert: true, measured };
  }
  return { findings, blocked: hasErrors(findings), willConvert: false, measured };
}
