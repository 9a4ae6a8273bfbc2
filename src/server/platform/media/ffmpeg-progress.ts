/**
 * Reads ffmpeg's `-progress pipe:1` output (`key=value` lines, each block ending in `progress=…`)
 * into a whole percentage of the film done, from `out_time_us` against the film's duration.
 */
export class FfmpegProgress {
  private outSeconds = 0;
  private last = -1;

  private readonly durationSeconds: number;
  /** Called when the whole percentage rises (never with the same value twice, never downwards). */
  private readonly onPercent: (percent: number) => void;

  constructor(durationSeconds: number, onPercent: (percent: number) => void) {
    this.durationSeconds = durationSeconds;
    this.onPercent = onPercent;
  }

  line(line: string): void {
    const [key, value] = line.split('=', 2);
    if ((key === 'out_time_us' || key === 'out_time_ms') && value && /^\d+$/.test(value)) {
      // Both keys carry microseconds (out_time_ms is misnamed in ffmpeg).
      this.outSeconds = Number(value) / 1_000_000;
    } else if (key === 'progress') {
      this.report(value === 'end' ? 100 : this.percent());
    }
  }

  /** Until `progress=end` a block never reads 100: the file is complete only when ffmpeg says so. */
  private percent(): number {
    if (!(this.durationSeconds > 0)) return 0;
    return Math.min(99, Math.floor((this.outSeconds / this.durationSeconds) * 100));
  }

  private report(percent: number): void {
    if (percent <= this.last) return;
    this.last = percent;
    this.onPercent(percent);
  }
}
