/** What every official table in XLSX shares: thin black borders, 宋体, sheet names Excel accepts. */
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const SONG = '宋体';

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = [...name.replace(/[[\]:*?/\\]/g, '_')].slice(0, 28).join('') || '登记表';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}(${n})`;
  taken.add(candidate);
  return candidate;
}
