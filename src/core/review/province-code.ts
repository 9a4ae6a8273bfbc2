import { provinceOfRegion, provinceOfText } from '../nomination/province.ts';

/** A province given as a GB/T 2260 code (22, 220000, 220102) or a name (吉林省, 宁波市) as its 2-digit code. */
export function provinceCode(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return /^\d{2}/.test(trimmed) ? provinceOfRegion(trimmed) : provinceOfText(trimmed);
}
