/** The parts of `ffprobe -print_format json -show_format -show_streams` output we read. */

export interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
}

export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

/** `25/1` → 25, `30000/1001` → 29.97…, `0/0` → 0. */
export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num)) return 0;
  if (den === undefined) return num;
  return den > 0 && Number.isFinite(den) ? num / den : 0;
}

export function parseSeconds(value: string | undefined): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/** `isomiso2avc1mp41` → [isom, iso2, avc1, mp41]: ffprobe glues the four-character codes together. */
export function splitBrands(text: string | undefined): string[] {
  const brands: string[] = [];
  for (let i = 0; text && i + 4 <= text.length; i += 4) brands.push(text.slice(i, i + 4));
  return brands;
}
