/**
 * What the dashboards count of one nomination, read once from its form: sector, 所属群体, a project's
 * 年参与学习人次 online and offline, a star's sex and age band. The server keeps these beside the
 * nomination (per form version) so the figures are SQL aggregates over a few short columns, and the
 * reading rules live here, once. Nothing here identifies anyone: the age is a wide band, the 身份证号
 * itself is never kept.
 */
import { normaliseIdentifier } from '#core/identity/normalise.ts';
import { readCount } from '#core/nomination/eligibility/numbers.ts';
import { type AgeBand, ageBandInYear } from './age-bands.ts';
import { type Sector, sectorOfName, sectorOfProject } from './sectors.ts';

export type Sex = '男' | '女' | '未知';

export interface NominationFacts {
  sector: Sector;
  /** As written; the presenter merges spellings (focus-groups.ts). */
  focusGroups: string[];
  online: number;
  offline: number;
  sex: Sex;
  ageBand: AgeBand;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** 1,200 / 1.2万 / 3000人次 as readCount reads them; what it refuses counts as 0. */
function participations(value: unknown): number {
  const count = readCount(value);
  return count.kind === 'ok' ? count.value : 0;
}

/** Sex (the 17th digit: odd 男) and birth date of a mainland 身份证号, or nothing known. */
function fromIdNumber(raw: string | undefined): { sex: Sex; birthDate?: string } {
  const digits = normaliseIdentifier(raw ?? '');
  if (!/^\d{17}[\dX]$/.test(digits)) return { sex: '未知' };
  return {
    sex: Number(digits[16]) % 2 === 1 ? '男' : '女',
    birthDate: `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`,
  };
}

/**
 * The facts of a nomination of `category` in a campaign of `year`; `idNumber` is the star's opened
 * 身份证号 (the stored form holds it sealed).
 */
export function nominationFacts(
  category: string,
  form: Readonly<Record<string, unknown>>,
  year: number,
  idNumber: string | undefined,
): NominationFacts {
  if (category === 'project') {
    return {
      sector: sectorOfProject(text(form.entityType), text(form.entityName)),
      focusGroups: [],
      online: participations(form.participationsOnline),
      offline: participations(form.participationsOffline),
      sex: '未知',
      ageBand: '未知',
    };
  }
  const { sex, birthDate } = fromIdNumber(idNumber);
  const groups = Array.isArray(form.focusGroups) ? form.focusGroups : [];
  return {
    sector: sectorOfName(text(form.workUnit)),
    focusGroups: groups.filter((g): g is string => typeof g === 'string'),
    online: 0,
    offline: 0,
    sex,
    ageBand: ageBandInYear(birthDate, year),
  };
}
