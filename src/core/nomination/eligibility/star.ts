/**
 * Whether a person may be nominated as 百姓学习之星, from what the nomination form records. Thresholds and
 * lists come from the campaign rules; the registry lookup of previous winners is the caller's job, it
 * arrives here as `previousWinner`.
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { error, type Finding, warning } from '#core/findings.ts';
import { removeWhitespace, toHalfWidth } from '#core/identity/index.ts';
import { conditionFindings } from './conditions.ts';
import { applyOverrides, type EligibilityFinding, type FindingOverride } from './overrides.ts';

export interface StarEligibilityInput {
  /** 国籍 as typed. */
  nationality: string;
  /** 推介单位承诺：无违法违纪等不良行为记录. */
  noMisconductAttested: boolean;
  /** 是否县处级及以上领导干部; null when the form leaves it blank. */
  isCountyLevelOfficialOrAbove: boolean | null;
  /** 所属群体, values from the campaign's focus groups. */
  focusGroups: string[];
  /** 推介单位对条件1–4的确认, index 0 is 条件1. */
  conditionsAttested: boolean[];
  /** Already named 百姓学习之星 in any earlier year. */
  previousWinner: boolean;
  /** Organiser decisions on overridable warnings. */
  overrides?: FindingOverride[];
}

export const STAR_OVERRIDABLE = new Set(['STAR_OFFICIAL_RANK']);

/** Spellings of 中国 seen on forms, compared after normalising width, case and spaces. */
const CHINESE_NATIONALITY = new Set([
  '中国',
  '中国籍',
  '中国国籍',
  '中华人民共和国',
  'cn',
  'chn',
  'china',
  'prc',
]);

function nationalityFindings(raw: unknown, required: string): Finding[] {
  const value = removeWhitespace(toHalfWidth(typeof raw === 'string' ? raw : '')).toLowerCase();
  if (value === '') return [error('STAR_NATIONALITY_MISSING', 'nationality', '请填写国籍。')];
  if (required === '中国' ? CHINESE_NATIONALITY.has(value) : value === required) return [];
  return [
    error(
      'STAR_NATIONALITY',
      'nationality',
      `推介对象须为${required}籍，当前填写为“${String(raw).trim()}”，请核实。`,
    ),
  ];
}

function focusGroupFindings(raw: unknown, allowed: readonly string[]): Finding[] {
  const groups = (Array.isArray(raw) ? raw : [])
    .map((g) => (typeof g === 'string' ? removeWhitespace(g) : ''))
    .filter((g) => g !== '');
  if (groups.length === 0) {
    return [
      warning(
        'STAR_NO_FOCUS_GROUP',
        'focusGroups',
        `未选择所属群体。通知要求重点面向${allowed.join('、')}等群体，请选择适用的群体；如确不属于，可在事迹中说明。`,
      ),
    ];
  }
  const unknown = groups.filter((g) => !allowed.includes(g));
  return unknown.length === 0
    ? []
    : [
        warning(
          'STAR_FOCUS_GROUP_UNKNOWN',
          'focusGroups',
          `“${unknown.join('、')}”不在本次活动的重点群体中，请从列表中选择。`,
        ),
      ];
}

function officialRankFindings(value: unknown): Finding[] {
  if (value === false) return [];
  if (value === true) {
    return [
      warning(
        'STAR_OFFICIAL_RANK',
        'isCountyLevelOfficialOrAbove',
        '通知规定一般情况下不推介县处级及以上领导干部。如确需推介，须由组织单位填写理由后确认。',
      ),
    ];
  }
  return [
    warning(
      'STAR_OFFICIAL_RANK_UNKNOWN',
      'isCountyLevelOfficialOrAbove',
      '请填写推介对象是否为县处级及以上领导干部。',
    ),
  ];
}

export function checkStarEligibility(
  input: StarEligibilityInput,
  rules: CampaignRules,
): EligibilityFinding[] {
  const star = rules.eligibility.star;
  const findings: Finding[] = [
    ...nationalityFindings(input.nationality, star.nationality),
    ...(input.noMisconductAttested === true
      ? []
      : [
          error(
            'STAR_MISCONDUCT_NOT_ATTESTED',
            'noMisconductAttested',
            '请由推介单位核实并承诺推介对象无违法违纪等不良行为记录。',
          ),
        ]),
    ...(star.warnOfficialRank ? officialRankFindings(input.isCountyLevelOfficialOrAbove) : []),
    ...focusGroupFindings(input.focusGroups, star.focusGroups),
    ...conditionFindings(star.conditions, input.conditionsAttested, 'STAR_CONDITION_NOT_ATTESTED'),
  ];
  if (star.excludePreviousWinners && input.previousWinner === true) {
    findings.push(
      error(
        'STAR_PREVIOUS_WINNER',
        'previousWinner',
        `往年已获得“${rules.categories.star.label}”的人员不再推介，请更换推介对象。`,
      ),
    );
  }
  return applyOverrides(findings, input.overrides, STAR_OVERRIDABLE);
}
