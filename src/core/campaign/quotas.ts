/**
 * Quota rules. The maximum is a hard limit, checked at submit time; below the minimum is allowed but
 * warned about. Special picks (事迹特别感人 / 特别受百姓喜爱) are counted separately and sit on top of
 * the quota: a unit with 3–5 stars may submit 5 regular stars plus 1 special star.
 */
import { error, type Finding, warning } from '../findings.ts';
import { formatRange } from './format.ts';
import type { CampaignRules, Category, QuotaRange, UnitQuotaOverride } from './rules.ts';
import { type OrganisationType, organisationTypeLabel } from './unit-types.ts';

/**
 * Counts a unit would have in one category *after* the change being checked (so a submit passes its
 * current counts plus one). `regular` excludes specials.
 */
export interface QuotaCounts {
  regular: number;
  special: number;
}

/** The unit's own override wins over its type's quota; null when the campaign gives the type no quota. */
export function effectiveQuota(
  rules: CampaignRules,
  unitType: OrganisationType,
  unitOverride: UnitQuotaOverride | undefined,
  category: Category,
): QuotaRange | null {
  return unitOverride?.[category] ?? rules.quotas.byUnitType[unitType]?.[category] ?? null;
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

export function quotaFindings(
  rules: CampaignRules,
  unitType: OrganisationType,
  unitOverride: UnitQuotaOverride | undefined,
  category: Category,
  counts: QuotaCounts,
): Finding[] {
  const info = rules.categories[category];
  const field = `quota.${category}`;
  if (!isCount(counts.regular) || !isCount(counts.special)) {
    return [error('QUOTA_COUNT_INVALID', field, '推介数量必须是非负整数，请刷新后重试。')];
  }
  const quota = effectiveQuota(rules, unitType, unitOverride, category);
  if (!quota) {
    return [
      error(
        'QUOTA_NOT_ASSIGNED',
        field,
        `本次活动未给“${organisationTypeLabel(unitType)}”分配“${info.label}”名额，请联系组织单位。`,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (counts.regular > quota.max) {
    findings.push(
      error(
        'QUOTA_EXCEEDED',
        field,
        `“${info.label}”最多可推介${quota.max}${info.unit}，本次提交后将达${counts.regular}${info.unit}，请撤回多出的推介。`,
      ),
    );
  } else if (counts.regular < quota.min) {
    findings.push(
      warning(
        'QUOTA_BELOW_MIN',
        field,
        `通知要求推介“${info.label}”${formatRange(quota, info.unit)}，目前为${counts.regular}${info.unit}，可继续补充。`,
      ),
    );
  }
  const specialMax = rules.specialPicks[category];
  if (counts.special > specialMax) {
    const allowed =
      specialMax === 0
        ? `本次活动不设“${info.specialLabel}”`
        : `每个报送单位最多可推介${specialMax}${info.unit}“${info.specialLabel}”`;
    findings.push(
      error('SPECIAL_QUOTA_EXCEEDED', `${field}.special`, `${allowed}，请取消多出的特别推介标记。`),
    );
  }
  return findings;
}
