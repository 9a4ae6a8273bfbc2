/**
 * The system's ffprobe when on PATH (apt `ffmpeg`, kept up to date by the OS), else the binary shipped in
 * `@ffprobe-installer/ffprobe`, so a fresh machine needs no apt step. Resolved once per process.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

let cached: string | undefined;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

export function ffprobePath(): string {
  if (cached) return cached;
  const system = onPath(process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  cached = system ?? (createRequire(import.meta.url)('@ffprobe-installer/ffprobe') as { path: string }).path;
  return cached;
}
