/**
 * Business sense of campaign rules, for an organiser's edits: returns findings the editor shows next to
 * the field. A campaign may be saved with findings but should not open while any is an error.
 */
import { isIsoDate } from '../calendar/index.ts';
import { error, type Finding, warning } from '../findings.ts';
import { CATEGORIES, type CampaignRules, type CategoryQuota, type UnitQuotaOverride } from './rules.ts';
import { isOrganisationType, organisationTypeLabel } from './unit-types.ts';
import { validateMaterials } from './validate-materials.ts';
import { checkRange, checkWhole, isClockTime } from './validate-numbers.ts';

function validateHeader(rules: CampaignRules): Finding[] {
  const findings = checkWhole(rules.year, 'year', '年度', 2000);
  if (rules.title.trim() === '') findings.push(error('CAMPAIGN_TITLE_MISSING', 'title', '请填写活动名称。'));
  if (rules.organisers.every((name) => name.trim() === '')) {
    findings.push(error('CAMPAIGN_ORGANISER_MISSING', 'organisers', '请填写组织单位。'));
  }
  if (rules.issuedOn !== null && !isIsoDate(rules.issuedOn)) {
    findings.push(error('ISSUED_ON_MALFORMED', 'issuedOn', '发文日期格式应为 YYYY-MM-DD，请修改。'));
  }
  return findings;
}

function validateDeadline(rules: CampaignRules): Finding[] {
  const { date, time } = rules.deadline;
  const findings: Finding[] = [];
  if (date === null) {
    findings.push(
      error('DEADLINE_MISSING', 'deadline.date', '请填写材料报送截止日期，否则活动无法开放报送。'),
    );
  } else if (!isIsoDate(date)) {
    findings.push(
      error('DEADLINE_MALFORMED', 'deadline.date', `截止日期“${date}”不是有效日期，请按 YYYY-MM-DD 填写。`),
    );
  } else {
    if (Number(date.slice(0, 4)) !== rules.year) {
      findings.push(
        warning(
          'DEADLINE_YEAR_MISMATCH',
          'deadline.date',
          `截止日期不在${rules.year}年度内，请确认没有沿用往年日期。`,
        ),
      );
    }
    if (rules.issuedOn !== null && isIsoDate(rules.issuedOn) && rules.issuedOn > date) {
      findings.push(error('DEADLINE_BEFORE_ISSUE', 'deadline.date', '截止日期早于发文日期，请修改。'));
    }
  }
  if (!isClockTime(time)) {
    findings.push(
      error('DEADLINE_TIME_MALFORMED', 'deadline.time', '截止时间格式应为 HH:mm（北京时间），如 23:59。'),
    );
  }
  return findings;
}

function validateQuotaSet(quota: CategoryQuota | UnitQuotaOverride, field: string, owner: string): Finding[] {
  return CATEGORIES.flatMap((category) => {
    const range = quota[category];
    const label = `${owner}推介${category === 'star' ? '百姓学习之星' : '终身学习品牌项目'}名额`;
    return range ? checkRange(range, `${field}.${category}`, label) : [];
  });
}

function validateQuotas(rules: CampaignRules): Finding[] {
  const entries = Object.entries(rules.quotas.byUnitType);
  const findings: Finding[] = [];
  if (entries.length === 0) {
    findings.push(
      error('QUOTA_NONE', 'quotas.byUnitType', '尚未为任何报送单位类型设置名额，请至少设置一类。'),
    );
  }
  for (const [type, quota] of entries) {
    if (!quota) continue;
    const owner = isOrganisationType(type) ? organisationTypeLabel(type) : type;
    findings.push(...validateQuotaSet(quota, `quotas.byUnitType.${type}`, owner));
  }
  // Rules hold units by id; messages count them as the quota page lists them, never show the id.
  for (const [i, [unitId, override]] of Object.entries(rules.quotas.unitOverrides).entries()) {
    const owner = `单独调整名额的第 ${i + 1} 个单位`;
    findings.push(...validateQuotaSet(override, `quotas.unitOverrides.${unitId}`, owner));
  }
  for (const category of CATEGORIES) {
    findings.push(
      ...checkWhole(
        rules.specialPicks[category],
        `specialPicks.${category}`,
        rules.categories[category].specialLabel,
      ),
    );
  }
  return findings;
}

function validateForms(rules: CampaignRules): Finding[] {
  return rules.forms.flatMap((form, i) =>
    checkWhole(form.paperCopies, `forms.${i}.paperCopies`, `${form.title}纸质份数`),
  );
}

function validateAnnouncement(rules: CampaignRules): Finding[] {
  const findings = checkWhole(rules.announcement.workingDays, 'announcement.workingDays', '公示工作日数', 1);
  if (rules.announcement.venue.trim() === '') {
    findings.push(warning('ANNOUNCEMENT_VENUE_MISSING', 'announcement.venue', '请填写公示网站或地点。'));
  }
  return findings;
}

function validateEligibility(rules: CampaignRules): Finding[] {
  const project = rules.eligibility.project;
  const field = 'eligibility.project';
  const summary = project.workSummaryChars;
  const findings = [
    ...checkWhole(project.minYearsRunning, `${field}.minYearsRunning`, '项目最短运行年限'),
    ...checkWhole(
      project.minParticipationsOffline,
      `${field}.minParticipationsOffline`,
      '线下年参与人次下限',
    ),
    ...checkWhole(project.minParticipationsOnline, `${field}.minParticipationsOnline`, '线上年参与人次下限'),
    ...checkWhole(project.creditCheckMaxAgeDays, `${field}.creditCheckMaxAgeDays`, '信用查询有效天数', 1),
    ...checkRange(summary, `${field}.workSummaryChars`, '工作总结字数', 1),
  ];
  if (summary.min <= summary.max && (summary.target < summary.min || summary.target > summary.max)) {
    findings.push(
      warning(
        'WORK_SUMMARY_TARGET_OUTSIDE',
        `${field}.workSummaryChars.target`,
        '工作总结目标字数不在允许范围内，请核对。',
      ),
    );
  }
  const registration = project.registration;
  if (registration.scope === 'province') {
    if (!/^\d{2}$/.test(registration.provinceCode) || registration.provinceCode === '00') {
      findings.push(
        error(
          'PROVINCE_CODE_INVALID',
          `${field}.registration.provinceCode`,
          '省级行政区划代码应为两位数字，如吉林省为 22。',
        ),
      );
    }
    if (registration.provinceName.trim() === '') {
      findings.push(error('PROVINCE_NAME_MISSING', `${field}.registration.provinceName`, '请填写省份名称。'));
    }
  }
  if (rules.eligibility.star.focusGroups.length === 0) {
    findings.push(
      warning('FOCUS_GROUPS_EMPTY', 'eligibility.star.focusGroups', '未设置重点面向群体，请核对通知。'),
    );
  }
  return findings;
}

export function validateCampaignRules(rules: CampaignRules): Finding[] {
  return [
    ...validateHeader(rules),
    ...validateDeadline(rules),
    ...validateQuotas(rules),
    ...validateForms(rules),
    ...validateMaterials(rules.materials),
    ...validateAnnouncement(rules),
    ...validateEligibility(rules),
  ];
}
