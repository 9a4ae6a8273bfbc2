import type { Category } from '#core/campaign/rules.ts';
import { provinceOfRegion, provinceOfText } from '#core/nomination/province.ts';
import type { ResultCandidate } from '#core/results/result-list.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A nomination as a line of the list: public fields only (never ID numbers, phones or addresses). */
export function candidateOf(n: {
  id: string;
  category: Category;
  special: boolean;
  rank: number | null;
  title: string;
  form: unknown;
  unitName: string;
  unitRegion: string | null;
}): ResultCandidate {
  const form = (n.form ?? {}) as Record<string, unknown>;
  return {
    nominationId: n.id,
    category: n.category,
    special: n.special,
    name: text(form.name) || n.title,
    unit: n.unitName,
    entity: n.category === 'star' ? text(form.workUnit) : text(form.entityName),
    provinceCode: provinceOfRegion(n.unitRegion) ?? provinceOfText(n.unitName),
    unitRegion: n.unitRegion,
    rank: n.rank,
  };
}
