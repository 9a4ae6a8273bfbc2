/**
 * A video's poster frame: one JPEG frame at most 480 px on its longer side, taken 10% into a film
 * longer than 10 s (past a 片头's title card) or at 1 s (the middle of a shorter one), upright as
 * players show it. A film whose frame at that time cannot be decoded gets its first frame instead.
 */
import { readFile, rm } from 'node:fs/promises';
import { runFfmpeg } from './run-ffmpeg.ts';
import { PREVIEW_MAX_SIDE } from './thumbnail.ts';

const TIMEOUT_MS = 60_000;

export function posterTime(durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  if (durationSeconds > 10) return durationSeconds * 0.1;
  return Math.min(1, durationSeconds / 2);
}

async function frameAt(input: string, seconds: number, output: string): Promise<Buffer | undefined> {
  await rm(output, { force: true });
  await runFfmpeg(
    [
      '-v',
      'error',
      '-y',
      '-ss',
      seconds.toFixed(3),
      '-i',
      input,
      '-frames:v',
      '1',
      '-vf',
      `scale=w=${PREVIEW_MAX_SIDE}:h=${PREVIEW_MAX_SIDE}:force_original_aspect_ratio=decrease`,
      '-q:v',
      '3',
      '-f',
      'image2',
      '-update',
      '1',
      output,
    ],
    { timeoutMs: TIMEOUT_MS },
  );
  const frame = await readFile(output).catch(() => undefined);
  return frame && frame.length > 0 ? frame : undefined;
}

/** The JPEG bytes; `scratch` is a path the caller owns and removes (its folder is temporary). */
export async function posterFrame(input: string, durationSeconds: number, scratch: string): Promise<Buffer> {
  const at = posterTime(durationSeconds);
  const frame =
    (await frameAt(input, at, scratch).catch(() => undefined)) ?? (await frameAt(input, 0, scratch));
  if (!frame) throw new Error('视频中没有可解码的画面');
  return frame;
}
