/**
 * The system's ffprobe when on PATH (apt `ffmpeg`, kept up to date by the OS), else the binary shipped in
 * `@ffprobe-installer/ffprobe`, so a fresh machine needs no apt step. Resolved once per process.
 */
import { createRequire } from 'node:module';
import { findOnPath } from './find-on-path.ts';

let cached: string | undefined;

export function ffprobePath(): string {
  if (cached) return cached;
  const system = findOnPath('ffprobe');
  cached = system ?? (createRequire(import.meta.url)('@ffprobe-installer/ffprobe') as { path: string }).path;
  return cached;
}
