/**
 * Whether a programme may be nominated as 终身学习品牌项目, from what the nomination form records. All
 * thresholds come from the campaign rules. How long the programme has run is measured at the campaign
 * deadline; how fresh the credit check is, at the day the nomination is submitted (today while drafting).
 */
import { formatChineseDate, isIsoDate } from '#core/calendar/index.ts';
import type { CampaignRules, ProjectEligibilityRules } from '#core/campaign/rules.ts';
import { error, type Finding, warning } from '#core/findings.ts';
import { countChineseText, creditCodeProvince, parseCreditCode } from '#core/identity/index.ts';
import { conditionFindings } from './conditions.ts';
import { daysBefore, readFormDate, yearsBefore } from './dates.ts';
import { applyOverrides, type EligibilityFinding, type FindingOverride } from './overrides.ts';
import { participationFindings } from './participations.ts';
import { programmeNameFindings } from './programme-name.ts';

export interface ProjectEligibilityInput {
  /** 项目名称 */
  programmeName: string;
  /** 实施主体 */
  entity: { name: string; creditCode: string };
  /** 推介单位已在国家企业信用信息公示系统/信用中国查询，实施主体无不良记录；查询日期 YYYY-MM-DD. */
  creditRecord: { attested: boolean; checkedOn: string };
  /**
   * The credit check is measured against the day the nomination was submitted (YYYY-MM-DD), or while it
   * is drafted against today (`today`, the Beijing date from the caller's clock). A record can turn bad at any
   * time: what matters is how old the check is when the unit vouches for it, not its distance from the
   * deadline.
   */
  submittedOn?: string;
  today: string;
  /** 项目启动或创建时间: YYYY-MM-DD, or YYYY-MM when only the month is known. */
  startDate: string;
  /** 年参与学习人次（线下 / 线上）; numbers or the text typed. */
  participationsOffline: number | string | null;
  participationsOnline: number | string | null;
  /** 近年开展学习活动的工作总结 as text, when written on the page ('' when only the document is uploaded). */
  workSummary: string;
  /** 推介单位对条件1–5的确认, index 0 is 条件1. */
  conditionsAttested: boolean[];
  /** Already named 终身学习品牌项目 in any earlier year. */
  previousWinner: boolean;
  overrides?: FindingOverride[];
}

/** A real code can fail the checksum; an organiser who has seen the licence may accept it. */
export const PROJECT_OVERRIDABLE = new Set(['CREDIT_CODE_CHECKSUM']);

function entityFindings(input: ProjectEligibilityInput, rules: ProjectEligibilityRules): Finding[] {
  const raw = typeof input.entity?.creditCode === 'string' ? input.entity.creditCode : '';
  const parsed = parseCreditCode(raw, 'entity.creditCode');
  const findings = [...parsed.findings];
  const registration = rules.registration;
  if (parsed.valid && registration.scope === 'province') {
    const province = creditCodeProvince(parsed.normalised);
    if (province !== undefined && province !== registration.provinceCode) {
      findings.push(
        error(
          'PROJECT_ENTITY_OUTSIDE_PROVINCE',
          'entity.creditCode',
          `本次活动只征集在${registration.provinceName}域内依法注册或登记的实施主体；该统一社会信用代码的登记地行政区划代码以“${province}”开头，不属于${registration.provinceName}（${registration.provinceCode}），请核对。`,
        ),
      );
    }
  }
  return findings;
}

function creditRecordFindings(input: ProjectEligibilityInput, rules: ProjectEligibilityRules): Finding[] {
  const record = input.creditRecord;
  const findings: Finding[] = [];
  if (record?.attested !== true) {
    findings.push(
      error(
        'PROJECT_CREDIT_NOT_ATTESTED',
        'creditRecord.attested',
        '请在“国家企业信用信息公示系统”或“信用中国”查询实施主体，确认无不良记录后勾选承诺。',
      ),
    );
  }
  const raw = typeof record?.checkedOn === 'string' ? record.checkedOn : '';
  if (raw.trim() === '') {
    findings.push(
      error('PROJECT_CREDIT_CHECK_DATE_MISSING', 'creditRecord.checkedOn', '请填写信用记录的查询日期。'),
    );
    return findings;
  }
  const date = readFormDate(raw, 'creditRecord.checkedOn', false);
  if (!date.ok) return [...findings, ...date.findings];
  const submitted = input.submittedOn !== undefined && isIsoDate(input.submittedOn);
  const asOf = submitted ? input.submittedOn! : input.today;
  const day = submitted ? `提交日（${formatChineseDate(asOf)}）` : '今天';
  const checked = formatChineseDate(date.first);
  if (date.first > asOf) {
    findings.push(
      error(
        'PROJECT_CREDIT_CHECK_IN_FUTURE',
        'creditRecord.checkedOn',
        `信用记录查询日期（${checked}）晚于${day}，请填写实际查询的日期。`,
      ),
    );
  } else if (date.first < daysBefore(asOf, rules.creditCheckMaxAgeDays)) {
    findings.push(
      warning(
        'PROJECT_CREDIT_CHECK_STALE',
        'creditRecord.checkedOn',
        `信用记录查询日期（${checked}）距${day}已超过${rules.creditCheckMaxAgeDays}天，请重新查询，确认仍无不良记录后更新查询日期。`,
      ),
    );
  }
  return findings;
}

function runningFindings(raw: unknown, years: number, deadline: string | null): Finding[] {
  const field = 'startDate';
  if (typeof raw !== 'string' || raw.trim() === '') {
    return [
      error(
        'PROJECT_START_DATE_MISSING',
        field,
        '请填写项目启动或创建时间（YYYY-MM-DD，或只知月份时 YYYY-MM）。',
      ),
    ];
  }
  const start = readFormDate(raw, field, true);
  if (!start.ok) return start.findings;
  if (deadline === null) return [];
  const latest = yearsBefore(deadline, years);
  if (start.first > deadline) {
    return [error('PROJECT_START_AFTER_DEADLINE', field, '项目启动或创建时间晚于材料报送截止日期，请核对。')];
  }
  if (start.first > latest) {
    return [
      error(
        'PROJECT_TOO_YOUNG',
        field,
        `项目启动或创建时间应不少于${years}年：须在${formatChineseDate(latest)}或之前启动，当前填写为${raw.trim()}。`,
      ),
    ];
  }
  if (start.last > latest) {
    return [
      warning(
        'PROJECT_START_DATE_IMPRECISE',
        field,
        `只填写了月份，是否满${years}年取决于具体日期（须在${formatChineseDate(latest)}或之前），请填写具体日期。`,
      ),
    ];
  }
  return [];
}

/**
 * The summary is required as a document (the material's submit rule); text written on the page is
 * optional, and its length is checked when there is some.
 */
function workSummaryFindings(raw: unknown, rules: ProjectEligibilityRules): Finding[] {
  const text = typeof raw === 'string' ? raw : '';
  const { target, min, max } = rules.workSummaryChars;
  if (text.trim() === '') return [];
  const count = countChineseText(text);
  if (count >= min && count <= max) return [];
  return [
    warning(
      'PROJECT_WORK_SUMMARY_LENGTH',
      'workSummary',
      `工作总结要求${target}字左右（${min}至${max}字），目前约${count}字，请${count < min ? '补充' : '精简'}。`,
    ),
  ];
}

export function checkProjectEligibility(
  input: ProjectEligibilityInput,
  rules: CampaignRules,
): EligibilityFinding[] {
  const project = rules.eligibility.project;
  const deadline =
    rules.deadline.date !== null && isIsoDate(rules.deadline.date) ? rules.deadline.date : null;
  const findings: Finding[] = [
    ...programmeNameFindings(input.programmeName, input.entity?.name),
    ...entityFindings(input, project),
    ...creditRecordFindings(input, project),
    ...runningFindings(input.startDate, project.minYearsRunning, deadline),
    ...participationFindings(input, project),
    ...workSummaryFindings(input.workSummary, project),
    ...conditionFindings(project.conditions, input.conditionsAttested, 'PROJECT_CONDITION_NOT_ATTESTED'),
  ];
  if (deadline === null) {
    findings.push(
      warning('CAMPAIGN_DEADLINE_MISSING', '', '本次活动尚未设置截止日期，暂无法核对项目运行年限。'),
    );
  }
  if (project.excludePreviousWinners && input.previousWinner === true) {
    findings.push(
      error(
        'PROJECT_PREVIOUS_WINNER',
        'previousWinner',
        `往年已获得“${rules.categories.project.label}”的项目不再推介，请更换推介项目。`,
      ),
    );
  }
  return applyOverrides(findings, input.overrides, PROJECT_OVERRIDABLE);
}
