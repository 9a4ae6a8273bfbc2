/**
 * The 推介登记表: a unit lists its submitted nominees of one category in its own order (排序), and
 * marks its special pick (事迹特别感人 / 特别受百姓喜爱) in the 排序备注 column. Specials are ranked with
 * the others and sit on top of the quota (quotas.ts). The list given here is the unit's nominations
 * that hold a quota place (states.ts QUOTA_STATES) in one campaign and category.
 */
import { quotaFindings } from '../campaign/quotas.ts';
import type { CampaignRules, Category, UnitQuotaOverride } from '../campaign/rules.ts';
import type { OrganisationType } from '../campaign/unit-types.ts';
import { error, type Finding } from '../findings.ts';

export interface RegistrationItem {
  id: string;
  /** 1 is the unit's first choice. */
  rank: number;
  special: boolean;
}

export type ReorderResult = { ok: true; list: RegistrationItem[] } | { ok: false; findings: Finding[] };

/** By rank, ties kept in the order given, then numbered 1..n: a table with gaps is closed up. */
export function normaliseRanks(list: readonly RegistrationItem[]): RegistrationItem[] {
  return list
    .map((item, position) => ({ item, position }))
    .sort((a, b) => rankOrder(a.item.rank) - rankOrder(b.item.rank) || a.position - b.position)
    .map(({ item }, i) => ({ ...item, rank: i + 1 }));
}

/** Unusable ranks (NaN, fractions, negatives) go last rather than breaking the sort. */
function rankOrder(rank: number): number {
  return Number.isInteger(rank) && rank >= 1 ? rank : Number.MAX_SAFE_INTEGER;
}

/** Moves one nominee to `newRank`; the others keep their order and close up around it. */
export function reorder(list: readonly RegistrationItem[], id: string, newRank: number): ReorderResult {
  const ordered = normaliseRanks(list);
  const from = ordered.findIndex((item) => item.id === id);
  if (from < 0) {
    return {
      ok: false,
      findings: [error('REGISTRATION_ITEM_UNKNOWN', 'id', '登记表中没有这条推介，请刷新页面后重试。')],
    };
  }
  if (!Number.isInteger(newRank) || newRank < 1 || newRank > ordered.length) {
    return {
      ok: false,
      findings: [error('RANK_INVALID', 'rank', `排序应为1至${ordered.length}之间的整数，请重新选择。`)],
    };
  }
  const [moved] = ordered.splice(from, 1);
  ordered.splice(newRank - 1, 0, moved!);
  return { ok: true, list: ordered.map((item, i) => ({ ...item, rank: i + 1 })) };
}

/** Marks or unmarks the special pick; too many specials are reported by registrationFindings. */
export function setSpecial(
  list: readonly RegistrationItem[],
  id: string,
  special: boolean,
): RegistrationItem[] {
  return list.map((item) => (item.id === id ? { ...item, special } : item));
}

export interface RegistrationContext {
  category: Category;
  unitType: OrganisationType;
  unitOverride?: UnitQuotaOverride;
}

function rankFindings(list: readonly RegistrationItem[]): Finding[] {
  const findings: Finding[] = [];
  const n = list.length;
  const ids = new Set<string>();
  const ranks = new Map<number, number>();
  for (const item of list) {
    if (ids.has(item.id)) {
      findings.push(
        error('REGISTRATION_DUPLICATE_ITEM', 'rank', '同一推介在登记表中出现了两次，请刷新页面后重试。'),
      );
    }
    ids.add(item.id);
    if (!Number.isInteger(item.rank) || item.rank < 1) {
      findings.push(
        error('RANK_INVALID', 'rank', `排序应为1至${n}之间的整数，目前有“${item.rank}”，请重新排序。`),
      );
    } else if (item.rank > n) {
      // With n nominees in 1..n, a gap shows itself as a rank above n (or as a repeat).
      findings.push(
        error(
          'RANK_GAP',
          'rank',
          `排序应连续编号为1至${n}，目前有第${item.rank}位，中间有空缺，请重新排序。`,
        ),
      );
    } else {
      ranks.set(item.rank, (ranks.get(item.rank) ?? 0) + 1);
    }
  }
  const repeated = [...ranks].filter(([, count]) => count > 1).map(([rank]) => rank);
  if (repeated.length > 0) {
    findings.push(
      error(
        'RANK_DUPLICATE',
        'rank',
        `排序第${repeated.sort((a, b) => a - b).join('、')}位重复，请重新排序。`,
      ),
    );
  }
  return findings;
}

/**
 * Ranks 1..n without gaps or repeats; quota and special picks through quotaFindings (regular counts
 * exclude specials, which sit on top of the quota).
 */
export function registrationFindings(
  list: readonly RegistrationItem[],
  rules: CampaignRules,
  context: RegistrationContext,
): Finding[] {
  const special = list.filter((item) => item.special === true).length;
  return [
    ...rankFindings(list),
    ...quotaFindings(rules, context.unitType, context.unitOverride, context.category, {
      regular: list.length - special,
      special,
    }),
  ];
}

/**
 * The 排序备注 text: the special label without the category's name (事迹特别感人的百姓学习之星 →
 * 事迹特别感人), as the notices' 需在推介登记表排序备注中注明 asks; '' for a regular nominee.
 */
export function remarkFor(
  item: Pick<RegistrationItem, 'special'>,
  category: Category,
  rules: CampaignRules,
): string {
  if (item.special !== true) return '';
  const { label, specialLabel } = rules.categories[category];
  const suffix = `的${label}`;
  return specialLabel.endsWith(suffix) && specialLabel.length > suffix.length
    ? specialLabel.slice(0, -suffix.length)
    : specialLabel;
}

export interface RegistrationRow extends RegistrationItem {
  remark: string;
}

/** The table as printed: by rank, with the remark of each row. */
export function registrationRows(
  list: readonly RegistrationItem[],
  category: Category,
  rules: CampaignRules,
): RegistrationRow[] {
  return normaliseRanks(list).map((item) => ({ ...item, remark: remarkFor(item, category, rules) }));
}
