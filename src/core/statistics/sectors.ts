/**
 * The sector (领域) a nominee comes from, read from the form: a star's 工作单位, a project's 实施主体名称
 * and 实施主体类型. The notices favour the grassroots — 企业、机关、学校、科研院所、社会组织、街道社区、
 * 农村、部队 — so these are the groups. The form asks no sector question, so it is read from the names
 * officials write; the keyword list is ordered (部队 before 机关, 科研院所 before 学校) and the server
 * turns the same list into its SQL, so the count in the database and this function agree.
 */
export const SECTORS = [
  '企业',
  '机关',
  '学校',
  '科研院所',
  '社会组织',
  '街道社区',
  '农村',
  '部队',
  '其他',
] as const;
export type Sector = (typeof SECTORS)[number];

/** First match wins: keywords that appear inside names of another sector come first. */
export const SECTOR_KEYWORDS: readonly (readonly [Exclude<Sector, '其他'>, readonly string[]])[] = [
  ['部队', ['部队', '武警', '军分区', '人武部']],
  ['科研院所', ['研究院', '研究所', '科学院', '研究中心', '实验室']],
  ['学校', ['大学', '学院', '学校', '中学', '小学', '幼儿园', '学堂', '开放大学', '老年大学', '社区学院']],
  ['街道社区', ['街道', '社区', '居委会', '居民委员会']],
  ['农村', ['村', '乡', '镇', '农场', '合作社', '农民']],
  ['社会组织', ['协会', '学会', '基金会', '促进会', '联合会', '志愿', '公益', '民办非企业', '服务中心']],
  ['机关', ['政府', '委员会', '局', '厅', '办公室', '人大', '政协', '党委', '纪委', '法院', '检察院']],
  ['企业', ['公司', '集团', '厂', '企业', '银行', '有限', '股份', '商店', '酒店']],
];

/** 实施主体类型 (项目推介表) that name a sector on their own. */
const ENTITY_TYPE_SECTOR: Partial<Record<string, Sector>> = {
  企业: '企业',
  机关: '机关',
  社会组织: '社会组织',
};

/** The sector of a name (工作单位 or 实施主体), or 其他. */
export function sectorOfName(name: string | undefined | null): Sector {
  const text = (name ?? '').replace(/\s/g, '');
  if (text === '') return '其他';
  for (const [sector, keywords] of SECTOR_KEYWORDS) if (keywords.some((k) => text.includes(k))) return sector;
  return '其他';
}

/** A project's sector: its 实施主体类型 where that says it (企业, 机关, 社会组织), else read from its name. */
export function sectorOfProject(
  entityType: string | undefined | null,
  entityName: string | undefined | null,
) {
  return ENTITY_TYPE_SECTOR[entityType ?? ''] ?? sectorOfName(entityName);
}
