/**
 * Measures a video with ffprobe: container brand, codec, frame size, frame rate, duration. Runs
 * `ffprobe -v error -print_format json -show_format -show_streams` once, with a timeout, and never
 * decodes a frame, so it costs about what a bare ffprobe costs.
 */
import { execFile } from 'node:child_process';
import { containerOfBrand } from '#core/materials/mp4-header.ts';
import type { ProbedVideo, ProbeFailure, VideoContainer } from '#core/materials/probed.ts';
import { unreadable } from './failure.ts';
import {
  type FfprobeOutput,
  type FfprobeStream,
  parseRate,
  parseSeconds,
  splitBrands,
} from './ffprobe-json.ts';
import { ffprobePath } from './ffprobe-path.ts';
import { walkTopLevelBoxes } from './mp4-boxes.ts';

export interface ProbeVideoOptions {
  timeoutMs?: number;
}

export const FFPROBE_ARGS = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
const DEFAULT_TIMEOUT_MS = 20_000;

const TRUNCATED_REASON =
  '视频文件不完整（缺少索引或数据被截断），可能是上传、复制中断或录制未正常结束。请重新复制原文件或重新导出后再试。';
const CORRUPT_REASON =
  '视频文件已损坏或不是可识别的视频，无法读取。请用播放器确认能正常播放，必要时重新导出为 MP4（H.264）。';

export function runFfprobe(
  path: string,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; failed: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(
      ffprobePath(),
      [...FFPROBE_ARGS, path],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' },
      (caught, stdout, stderr) => {
        const timedOut = Boolean(caught && (caught as { killed?: boolean }).killed);
        resolve({ stdout, stderr, failed: caught !== null, timedOut });
      },
    );
  });
}

function containerOf(formatName: string, brand: string): { container: VideoContainer; formatName: string } {
  if (!formatName.split(',').includes('mov')) return { container: 'other', formatName };
  return containerOfBrand(brand);
}

function videoStream(streams: FfprobeStream[]): FfprobeStream | undefined {
  return streams.find((stream) => stream.codec_type === 'video' && !stream.disposition?.attached_pic);
}

export function probedFromFfprobe(output: FfprobeOutput, bytes: number): ProbedVideo | ProbeFailure {
  const streams = output.streams ?? [];
  const video = videoStream(streams);
  if (!video) return unreadable('CORRUPT', '文件中没有视频画面（可能是纯音频文件），请上传视频文件。');
  const tags = output.format?.tags ?? {};
  const brand = tags.major_brand ?? '';
  const avg = parseRate(video.avg_frame_rate);
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    kind: 'video',
    ...containerOf(output.format?.format_name ?? '', brand),
    brand,
    compatibleBrands: splitBrands(tags.compatible_brands),
    videoCodec: video.codec_name ?? '',
    width: video.width ?? 0,
    height: video.height ?? 0,
    fps: avg > 0 ? avg : parseRate(video.r_frame_rate),
    durationSeconds: parseSeconds(output.format?.duration) || parseSeconds(video.duration),
    audioCodec: audio?.codec_name ?? null,
    bytes,
  };
}

export async function probeVideo(
  path: string,
  bytes: number,
  options: ProbeVideoOptions = {},
  isoMedia = true,
): Promise<ProbedVideo | ProbeFailure> {
  if (isoMedia) {
    const walk = await walkTopLevelBoxes(path, bytes);
    if (!walk.ok) return unreadable('TRUNCATED', TRUNCATED_REASON);
    if (!walk.boxes.includes('moov')) return unreadable('TRUNCATED', TRUNCATED_REASON);
  }
  const run = await runFfprobe(path, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (run.timedOut) {
    return unreadable('PROBE_FAILED', '读取视频信息超时，文件可能已损坏。请用播放器确认能正常播放后重试。');
  }
  if (run.failed) {
    if (/moov atom not found|end of file|truncat/i.test(run.stderr))
      return unreadable('TRUNCATED', TRUNCATED_REASON);
    return unreadable('CORRUPT', CORRUPT_REASON);
  }
  try {
    return probedFromFfprobe(JSON.parse(run.stdout) as FfprobeOutput, bytes);
  } catch {
    return unreadable('CORRUPT', CORRUPT_REASON);
  }
}
