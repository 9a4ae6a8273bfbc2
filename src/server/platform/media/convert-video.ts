/**
 * Converts a video to a slot's spec with ffmpeg: H.264 in MP4, the slot's frame size (scaled to fit
 * and padded, so nothing is cropped or stretched), the slot's frame rate, the first video stream and
 * every audio stream kept as AAC, `+faststart` so players start before the whole file arrives.
 */

import { conversionDuration, timed } from '../metrics/instruments.ts';
import { FfmpegProgress } from './ffmpeg-progress.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

export interface ConversionTarget {
  width?: number;
  height?: number;
  fps?: number;
}

/** 50 minutes: a 5-minute film converts in a few minutes even on two cores; the job expires at 60. */
const TIMEOUT_MS = 50 * 60_000;

function filters(target: ConversionTarget): string {
  const chain: string[] = [];
  if (target.fps) chain.push(`fps=${target.fps}`);
  if (target.width && target.height) {
    const { width: w, height: h } = target;
    chain.push(
      `scale=w=${w}:h=${h}:force_original_aspect_ratio=decrease`,
      `pad=w=${w}:h=${h}:x=(ow-iw)/2:y=(oh-ih)/2:color=black`,
    );
  } else {
    // H.264 in 4:2:0 needs even dimensions.
    chain.push('scale=w=trunc(iw/2)*2:h=trunc(ih/2)*2');
  }
  chain.push('setsar=1');
  return chain.join(',');
}

export function conversionArgs(input: string, output: string, target: ConversionTarget): string[] {
  return [
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-map',
    '0:a?',
    '-vf',
    filters(target),
    ...(target.fps ? ['-r', String(target.fps)] : []),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '160k',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:1',
    '-nostats',
    '-f',
    'mp4',
    output,
  ];
}

export async function convertVideo(
  input: string,
  output: string,
  target: ConversionTarget,
  durationSeconds: number,
  onPercent: (percent: number) => void,
): Promise<void> {
  const progress = new FfmpegProgress(durationSeconds, onPercent);
  await timed(conversionDuration, () =>
    runFfmpeg(conversionArgs(input, output, target), {
      timeoutMs: TIMEOUT_MS,
      onStdoutLine: (line) => progress.line(line),
    }),
  );
}
