/**
 * What a 公示 lists, from a campaign's 拟推介 nominations: public fields only (a star's name and the unit
 * that put them forward; a project's name, its 实施主体 and that unit), never an ID number, a phone or an
 * address. Official order: stars, then projects; within each, by province as GB/T 2260 numbers them
 * (北京 11 first), units without a province after them by name, then the unit's own 排序; specials marked.
 */
import type { Category } from '../campaign/rules.ts';
import { provinceOfRegion, provinceOfText } from '../nomination/province.ts';

export interface ShortlistedNomination {
  nominationId: string;
  category: Category;
  special: boolean;
  /** The unit's 排序 (1 first); null when the unit never ranked it. */
  rank: number | null;
  /** The nomination's title, used when the form has no name. */
  title: string;
  form: Record<string, unknown>;
  unitName: string;
  unitRegionCode: string | null;
}

export interface AnnouncementEntryDraft {
  nominationId: string;
  category: Category;
  /** 1.. within its category. */
  position: number;
  special: boolean;
  name: string;
  unit: string;
  /** The project's 实施主体; null for a star. */
  entity: string | null;
}

export const CATEGORY_ORDER: readonly Category[] = ['star', 'project'];

export const SPECIAL_LABELS: Record<Category, string> = {
  star: '事迹特别感人',
  project: '特别受百姓喜爱',
};

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const collator = new Intl.Collator('zh-Hans-CN');

/** The unit's province as a number for sorting; units of no province (a national branch) come after all. */
function provinceKey(n: ShortlistedNomination): number {
  const code = provinceOfRegion(n.unitRegionCode) ?? provinceOfText(n.unitName);
  return code ? Number(code) : 100;
}

function publicEntry(n: ShortlistedNomination): Omit<AnnouncementEntryDraft, 'position'> {
  const name = text(n.form.name) || n.title.trim();
  if (n.category === 'project') {
    return {
      nominationId: n.nominationId,
      category: n.category,
      special: n.special,
      name,
      unit: n.unitName,
      entity: text(n.form.entityName) || null,
    };
  }
  return {
    nominationId: n.nominationId,
    category: n.category,
    special: n.special,
    name,
    unit: n.unitName,
    entity: null,
  };
}

export function announcementEntries(nominations: readonly ShortlistedNomination[]): AnnouncementEntryDraft[] {
  const sorted = [...nominations].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      provinceKey(a) - provinceKey(b) ||
      collator.compare(a.unitName, b.unitName) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      collator.compare(a.title, b.title),
  );
  const next: Record<Category, number> = { star: 0, project: 0 };
  return sorted.map((n) => {
    next[n.category] += 1;
    return { ...publicEntry(n), position: next[n.category] };
  });
}
