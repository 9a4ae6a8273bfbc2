/**
 * Types of organisation. Campaigns set quotas per reporting-unit type, so the type of an organisation
 * is domain data shared by the server (organisation tree), the campaign templates and the browser.
 */
export const ORGANISATION_TYPES = {
  platform: '平台运营方',
  national_organiser: '全国组织单位',
  provincial_edu: '省级教育行政部门',
  planned_city_edu: '计划单列市教育局',
  corps_edu: '新疆生产建设兵团教育局',
  trade_union: '全国总工会',
  senior_university: '国家老年大学',
  association_branch: '中国成人教育协会分支机构',
  enterprise: '大型企业',
  city_edu: '市（州）教育局',
  direct_admin_edu: '省直管地区教育局',
  university: '高等学校',
  other_unit: '相关单位',
} as const;

export type OrganisationType = keyof typeof ORGANISATION_TYPES;

export function isOrganisationType(value: string): value is OrganisationType {
  return Object.hasOwn(ORGANISATION_TYPES, value);
}

export function organisationTypeLabel(type: OrganisationType): string {
  return ORGANISATION_TYPES[type];
}
