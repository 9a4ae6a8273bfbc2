/**
 * Material checks against the goals: a video check at most 1.2× a bare `ffprobe` of the same
 * file (spawned the same way), and a star-photo check (probe + judge) under 30 ms median. Machines
 * differ, so the video goal is a ratio measured in this one run; the photo goal is absolute, as the
 * issue states it, and printed next to a bare sharp `metadata()` for scale.
 *
 *   npm run bench -- material-check
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { builtinSpec } from '#core/materials/builtin-specs.ts';
import { checkMaterial } from '#core/materials/check-material.ts';
import { MAX_BYTES } from '#core/materials/limits.ts';
import { walkTopLevelBoxes } from '#server/platform/media/mp4-boxes.ts';
import { probeFile } from '#server/platform/media/probe-file.ts';
import { runFfprobe } from '#server/platform/media/probe-video.ts';
import { film, noisyJpeg } from '#test/fixtures/media/generate.ts';

const VIDEO_GOAL_RATIO = 1.2;
const PHOTO_GOAL_MS = 30;
const VIDEO_RUNS = 31;
const PHOTO_RUNS = 41;

const dir = fileURLToPath(new URL('../.tmp/material-bench', import.meta.url));
mkdirSync(dir, { recursive: true });
const photoPath = join(dir, 'star-6mb-300dpi.jpg');
const videoPath = join(dir, 'h264-720p-25fps-60s.mp4');

if (!existsSync(photoPath)) writeFileSync(photoPath, await noisyJpeg(3000, 2000, 300));
if (!existsSync(videoPath)) film(videoPath, { seconds: 60 });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: module loading, ffprobe path lookup, disk cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const starPhoto = builtinSpec('star-photo')!;
const video = builtinSpec('video')!;

async function checkFile(path: string, slot: typeof video) {
  const probed = await probeFile(path, { maxBytes: MAX_BYTES[slot.kind] });
  const findings = checkMaterial(probed, slot);
  if (probed.kind === 'unreadable') throw new Error(probed.reason);
  return findings;
}

/** Alternates the two tasks run by run, so neither gets the warmer disk cache or the quieter moment. */
async function timePair(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  await a();
  await b();
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, task] of (i % 2
      ? [
          [1, b],
          [0, a],
        ]
      : [
          [0, a],
          [1, b],
        ]) as [0 | 1, () => Promise<unknown>][]) {
      const started = performance.now();
      await task();
      samples[k].push(performance.now() - started);
    }
  }
  return [median(samples[0]), median(samples[1])];
}

const [bareFfprobe, videoCheck] = await timePair(
  VIDEO_RUNS,
  () => runFfprobe(videoPath, 20_000),
  () => checkFile(videoPath, video),
);
// What the check adds besides ffprobe (stat, sniff, box walk), stable where ffprobe's spawn time is not.
const ownWork = await time(VIDEO_RUNS, () => walkTopLevelBoxes(videoPath, statSync(videoPath).size));
const bareMetadata = await time(PHOTO_RUNS, () => sharp(photoPath).metadata());
const photoCheck = await time(PHOTO_RUNS, () => checkFile(photoPath, starPhoto));

const mb = (path: string) => (statSync(path).size / 1024 / 1024).toFixed(1);
const ratio = videoCheck / bareFfprobe;
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');
console.log(`视频 ${mb(videoPath)} MB（H.264 1280×720 25 fps 60 s），${VIDEO_RUNS} 次中位数：`);
console.log(`  裸 ffprobe ${bareFfprobe.toFixed(1)} ms，检查（探测+判定）${videoCheck.toFixed(1)} ms`);
console.log(
  `  其中检查自身的工作（MP4 结构检查）${ownWork.toFixed(2)} ms；其余为 ffprobe，其启动时间随机器负载波动`,
);
console.log(
  `  比值 ${ratio.toFixed(2)}×，目标 ≤ ${VIDEO_GOAL_RATIO}×：${verdict(ratio <= VIDEO_GOAL_RATIO)}`,
);
console.log(`照片 ${mb(photoPath)} MB（JPEG 3000×2000 300 dpi），${PHOTO_RUNS} 次中位数：`);
console.log(`  sharp metadata ${bareMetadata.toFixed(1)} ms，star-photo 检查 ${photoCheck.toFixed(1)} ms`);
console.log(`  目标 < ${PHOTO_GOAL_MS} ms：${verdict(photoCheck < PHOTO_GOAL_MS)}`);
