/** How measured values read in Chinese messages. */
import { MEBIBYTE } from './spec.ts';

/**
 * Bytes as a file dialog shows them (MiB): `4.8 MB`, `5 MB`, `23 MB`, `350 KB`, `402 字节`. Rounded
 * down, so 4.96 MB never reads as "5.0 MB, 要求不低于 5 MB".
 */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < MEBIBYTE) return `${Math.floor(bytes / 1024)} KB`;
  const mb = bytes / MEBIBYTE;
  if (Number.isInteger(mb) || mb >= 10) return `${Math.floor(mb)} MB`;
  return `${(Math.floor(mb * 10) / 10).toFixed(1)} MB`;
}

/** Seconds as 分秒: `4分30秒`, `5分钟`, `45秒`. Rounded to whole seconds. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const rounded = Math.round(totalSeconds);
  const minutes = Math.floor(rounded / 60);
  const seconds = rounded % 60;
  if (minutes === 0) return `${seconds}秒`;
  return seconds === 0 ? `${minutes}分钟` : `${minutes}分${seconds}秒`;
}

/** Frame rate with at most two decimals: `25`, `29.97`. */
export function formatFps(fps: number): string {
  return String(Math.round(fps * 100) / 100);
}

/** dpi as a whole number, or `x×y` when the two axes differ. */
export function formatDpi(dpi: { x: number; y: number }): string {
  const x = Math.round(dpi.x);
  const y = Math.round(dpi.y);
  return x === y ? `${x} dpi` : `${x}×${y} dpi`;
}
