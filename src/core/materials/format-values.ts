/** How measured values read in Chinese messages. */
import { MEBIBYTE } from './spec.ts';

/** Bytes as MB with one decimal below 10 MB (`4.8 MB`), whole above; MiB, as a file dialog shows. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MEBIBYTE;
  if (mb >= 10) return `${Math.round(mb)} MB`;
  // Never round up to the limit: 4.96 MB must not read as "5.0 MB, 要求不低于 5 MB".
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
