/**
 * The published list in the order the notices print it: the regular titles first (百姓学习之星, then
 * 终身学习品牌项目), then the specials apart under their own headings (事迹特别感人的百姓学习之星,
 * 特别受百姓喜爱的终身学习品牌项目), as both notices name them. Within a heading the winners follow the
 * provinces in 行政区划 code order (GB/T 2260: 北京 11 … 新疆 65, 兵团 66), then the reporting units in the
 * same order (a province's list: 长春 220100, 吉林 220200 … 延边 222400; units without a code after them,
 * by name), then the unit's own 排序. Numbering restarts under each heading.
 */
import type { Category } from '../campaign/rules.ts';
import { CATEGORY_INFO } from '../campaign/templates/common.ts';
import { provinceName } from '../nomination/province-code.ts';

export interface ResultCandidate {
  nominationId: string;
  category: Category;
  special: boolean;
  /** 姓名 or 项目名称. */
  name: string;
  /** The reporting unit (a province's 教育厅 in the national round, a city's 教育局 in a province's). */
  unit: string;
  /** 工作单位 of a star, 实施主体 of a project. */
  entity: string;
  /** Two-digit GB/T 2260 code of the unit's province, when known. */
  provinceCode?: string;
  /** The unit's own six-digit region code (长春 220100 before 吉林市 220200), when known. */
  unitRegion?: string | null;
  /** The unit's 排序 of the nomination. */
  rank?: number | null;
}

export type SectionKey = 'star' | 'project' | 'specialStar' | 'specialProject';

export interface ResultEntry {
  nominationId: string;
  section: SectionKey;
  number: number;
  category: Category;
  special: boolean;
  name: string;
  unit: string;
  entity: string;
  /** The province's name (浙江), for the 省份 column. */
  province: string | null;
}

export interface ResultSection {
  key: SectionKey;
  title: string;
  /** 名 or 个. */
  measure: string;
  entries: ResultEntry[];
}

export const SECTION_ORDER: readonly { key: SectionKey; category: Category; special: boolean }[] = [
  { key: 'star', category: 'star', special: false },
  { key: 'project', category: 'project', special: false },
  { key: 'specialStar', category: 'star', special: true },
  { key: 'specialProject', category: 'project', special: true },
];

export function sectionTitle(category: Category, special: boolean): string {
  const info = CATEGORY_INFO[category];
  return special ? `“${info.specialLabel}”` : `“${info.label}”`;
}

const collator = new Intl.Collator('zh-Hans-CN');

function compare(a: ResultCandidate, b: ResultCandidate): number {
  return (
    (a.provinceCode ?? '99').localeCompare(b.provinceCode ?? '99') ||
    (a.unitRegion ?? '999999').localeCompare(b.unitRegion ?? '999999') ||
    collator.compare(a.unit, b.unit) ||
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    collator.compare(a.name, b.name) ||
    a.nominationId.localeCompare(b.nominationId)
  );
}

/** The sections that have winners, in the official order; empty headings are left out. */
export function resultSections(candidates: readonly ResultCandidate[]): ResultSection[] {
  return SECTION_ORDER.flatMap(({ key, category, special }) => {
    const members = candidates.filter((c) => c.category === category && c.special === special).sort(compare);
    if (members.length === 0) return [];
    return [
      {
        key,
        title: sectionTitle(category, special),
        measure: CATEGORY_INFO[category].unit,
        entries: members.map((c, i) => ({
          nominationId: c.nominationId,
          section: key,
          number: i + 1,
          category,
          special,
          name: c.name,
          unit: c.unit,
          entity: c.entity,
          province: (c.provinceCode && provinceName(c.provinceCode)) || null,
        })),
      },
    ];
  });
}

/** 「百姓学习之星12名、终身学习品牌项目8个，另有事迹特别感人的百姓学习之星1名」: the counts in words. */
export function describeCounts(sections: readonly ResultSection[]): string {
  const parts = sections.map((s) => `${s.title.replace(/[“”]/g, '')}${s.entries.length}${s.measure}`);
  return parts.length === 0 ? '无入选' : parts.join('、');
}
