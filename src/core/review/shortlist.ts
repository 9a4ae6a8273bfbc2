/**
 * The 拟推介名单 the chair proposes for one category, checked against the ranking it was drawn from and
 * the campaign's limits. The chair may depart from the ranking (the panel discusses, the ranking only
 * informs), but each departure carries its reason, so that the organiser can defend the list line by
 * line: a nomination put on the list while a better-ranked one is left off needs a reason, and so does
 * the one left off. Specials (事迹特别感人 / 特别受百姓喜爱) come from the units' own special picks (only
 * those carry the special material), at most the rules' number per unit; they sit on top of the per-unit
 * cap as they sit on top of the quota.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import { error, type Finding } from '../findings.ts';

export interface ShortlistCandidate {
  nominationId: string;
  title: string;
  unitId: string;
  unitName: string;
  /** Position in the chosen method's ranking; null when the nomination has no submitted review. */
  rank: number | null;
  /** The unit marked it as its special pick (it carries the special material). */
  unitSpecial: boolean;
}

export interface ShortlistDecision {
  nominationId: string;
  decision: 'shortlisted' | 'not_selected';
  special: boolean;
  reason: string;
}

export interface ShortlistLimits {
  /** How many the list may hold (specials not counted); null when the campaign sets no number. */
  size: number | null;
  /** How many regular places one unit may take; null when the campaign sets no cap. */
  perUnit: number | null;
  /** Specials per unit (rules.specialPicks). */
  specialsPerUnit: number;
}

export interface ShortlistWording {
  /** 名 / 个 */
  unit: string;
  /** 事迹特别感人的百姓学习之星 */
  specialLabel: string;
}

export function shortlistWording(rules: CampaignRules, category: Category): ShortlistWording {
  const info = rules.categories[category];
  return { unit: info.unit, specialLabel: info.specialLabel };
}

const rankText = (rank: number | null) => (rank === null ? '无评分' : `第${rank}名`);
/** Without a review, a nomination ranks after every reviewed one. */
const order = (rank: number | null) => rank ?? Number.POSITIVE_INFINITY;

/** Which entries depart from the ranking: an entry in below one left out, or one left out above one in. */
export function departures(
  candidates: readonly ShortlistCandidate[],
  entries: readonly ShortlistDecision[],
): Map<string, { better?: ShortlistCandidate; worse?: ShortlistCandidate }> {
  const byId = new Map(candidates.map((c) => [c.nominationId, c]));
  const ins = entries.filter((e) => e.decision === 'shortlisted').map((e) => byId.get(e.nominationId)!);
  const outs = entries.filter((e) => e.decision === 'not_selected').map((e) => byId.get(e.nominationId)!);
  const bestOut = outs.reduce<ShortlistCandidate | undefined>(
    (best, c) => (!best || order(c.rank) < order(best.rank) ? c : best),
    undefined,
  );
  const worstIn = ins.reduce<ShortlistCandidate | undefined>(
    (worst, c) => (!worst || order(c.rank) > order(worst.rank) ? c : worst),
    undefined,
  );
  const found = new Map<string, { better?: ShortlistCandidate; worse?: ShortlistCandidate }>();
  for (const c of ins)
    if (bestOut && order(bestOut.rank) < order(c.rank)) found.set(c.nominationId, { better: bestOut });
  for (const c of outs)
    if (worstIn && order(worstIn.rank) > order(c.rank)) found.set(c.nominationId, { worse: worstIn });
  return found;
}

export function checkShortlist(
  candidates: readonly ShortlistCandidate[],
  entries: readonly ShortlistDecision[],
  limits: ShortlistLimits,
  wording: ShortlistWording,
): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(candidates.map((c) => [c.nominationId, c]));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!byId.has(e.nominationId))
      findings.push(
        error(
          'SHORTLIST_UNKNOWN_NOMINATION',
          `entries.${i}`,
          '名单中有一项不在本轮本类别的评审范围内，请刷新后重新拟定',
        ),
      );
    else if (seen.has(e.nominationId))
      findings.push(
        error(
          'SHORTLIST_DUPLICATE',
          `entries.${i}`,
          `「${byId.get(e.nominationId)!.title}」在名单中出现了两次`,
        ),
      );
    seen.add(e.nominationId);
  });
  const missing = candidates.filter((c) => !seen.has(c.nominationId));
  if (missing.length > 0)
    findings.push(
      error(
        'SHORTLIST_ENTRY_MISSING',
        'entries',
        `以下推介还没有作出列入或不列入的决定：「${missing.map((c) => c.title).join('」「')}」`,
      ),
    );
  if (findings.length > 0) return findings;

  const index = new Map(entries.map((e, i) => [e.nominationId, i]));
  for (const [id, { better, worse }] of departures(candidates, entries)) {
    const i = index.get(id)!;
    if (entries[i]!.reason.trim() !== '') continue;
    const c = byId.get(id)!;
    const message = better
      ? `「${c.title}」（${rankText(c.rank)}）排在未列入的「${better.title}」（${rankText(better.rank)}）之后，请说明列入的理由`
      : `「${c.title}」（${rankText(c.rank)}）排在列入的「${worse!.title}」（${rankText(worse!.rank)}）之前，请说明不列入的理由`;
    findings.push(error('SHORTLIST_REASON_MISSING', `entries.${i}.reason`, message));
  }

  const shortlisted = entries.filter((e) => e.decision === 'shortlisted');
  const regular = shortlisted.filter((e) => !e.special);
  if (limits.size !== null && regular.length > limits.size)
    findings.push(
      error(
        'SHORTLIST_TOO_MANY',
        'entries',
        `拟推介名单最多${limits.size}${wording.unit}（特别推介另计），目前列入${regular.length}${wording.unit}，请减少`,
      ),
    );
  const perUnit = new Map<string, { name: string; regular: number; special: number }>();
  for (const e of shortlisted) {
    const c = byId.get(e.nominationId)!;
    const count = perUnit.get(c.unitId) ?? { name: c.unitName, regular: 0, special: 0 };
    if (e.special) count.special += 1;
    else count.regular += 1;
    perUnit.set(c.unitId, count);
  }
  for (const { name, regular: r, special: s } of perUnit.values()) {
    if (limits.perUnit !== null && r > limits.perUnit)
      findings.push(
        error(
          'SHORTLIST_UNIT_CAP',
          'entries',
          `「${name}」最多可列入${limits.perUnit}${wording.unit}，目前列入${r}${wording.unit}，请减少`,
        ),
      );
    if (s > limits.specialsPerUnit)
      findings.push(
        error(
          'SHORTLIST_SPECIALS_TOO_MANY',
          'entries',
          limits.specialsPerUnit === 0
            ? `本次活动不设“${wording.specialLabel}”，请取消「${name}」的特别推介`
            : `每个单位最多${limits.specialsPerUnit}${wording.unit}“${wording.specialLabel}”，「${name}」列了${s}${wording.unit}`,
        ),
      );
  }
  entries.forEach((e, i) => {
    if (!e.special) return;
    const c = byId.get(e.nominationId)!;
    if (e.decision !== 'shortlisted')
      findings.push(
        error(
          'SHORTLIST_SPECIAL_NOT_IN',
          `entries.${i}.special`,
          `「${c.title}」未列入名单，不能作为“${wording.specialLabel}”`,
        ),
      );
    else if (!c.unitSpecial)
      findings.push(
        error(
          'SHORTLIST_SPECIAL_NOT_PICKED',
          `entries.${i}.special`,
          `「${c.title}」不是报送单位推介的“${wording.specialLabel}”（没有特别推介材料），不能列为特别推介`,
        ),
      );
  });
  return findings;
}

/** 一线、基层 and the groups the notices ask to favour, as read from a submitted form. */
const GRASSROOTS_GROUPS = ['基层员工', '社区居民', '乡村农民'];
const FOCUS_GROUPS: readonly [string, RegExp][] = [
  ['老年人', /老年|老人|银龄/],
  ['残疾人', /残疾|残障/],
  ['农民', /农民|农村|乡村/],
  ['退役军人', /退役军人|退伍/],
];
const GRASSROOTS_ENTITY = /社区|街道|乡|镇|村|基层|一线|企业|公司|工厂/;

export function nomineeProfile(
  category: Category,
  form: Readonly<Record<string, unknown>>,
): { grassroots: boolean; focusGroups: string[] } {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  if (category === 'star') {
    const groups = Array.isArray(form.focusGroups)
      ? form.focusGroups.filter((g): g is string => typeof g === 'string').map((g) => g.trim())
      : [];
    return {
      grassroots: groups.some((g) => GRASSROOTS_GROUPS.includes(g)),
      focusGroups: FOCUS_GROUPS.filter(([, pattern]) => groups.some((g) => pattern.test(g))).map(
        ([name]) => name,
      ),
    };
  }
  const about = [text('name'), text('content'), text('results')].join('\n');
  return {
    grassroots: text('entityType') === '企业' || GRASSROOTS_ENTITY.test(text('entityName')),
    focusGroups: FOCUS_GROUPS.filter(([, pattern]) => pattern.test(about)).map(([name]) => name),
  };
}
