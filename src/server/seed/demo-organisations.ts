import type { OrganisationType } from '#core/campaign/unit-types.ts';

export interface SeedOrganisation {
  name: string;
  type: OrganisationType;
  regionCode?: string;
  children?: SeedOrganisation[];
}

const PROVINCES: [string, string][] = [
  ['北京市教育委员会', '110000'],
  ['天津市教育委员会', '120000'],
  ['河北省教育厅', '130000'],
  ['山西省教育厅', '140000'],
  ['内蒙古自治区教育厅', '150000'],
  ['辽宁省教育厅', '210000'],
  ['吉林省教育厅', '220000'],
  ['黑龙江省教育厅', '230000'],
  ['上海市教育委员会', '310000'],
  ['江苏省教育厅', '320000'],
  ['浙江省教育厅', '330000'],
  ['安徽省教育厅', '340000'],
  ['福建省教育厅', '350000'],
  ['江西省教育厅', '360000'],
  ['山东省教育厅', '370000'],
  ['河南省教育厅', '410000'],
  ['湖北省教育厅', '420000'],
  ['湖南省教育厅', '430000'],
  ['广东省教育厅', '440000'],
  ['广西壮族自治区教育厅', '450000'],
  ['海南省教育厅', '460000'],
  ['重庆市教育委员会', '500000'],
  ['四川省教育厅', '510000'],
  ['贵州省教育厅', '520000'],
  ['云南省教育厅', '530000'],
  ['西藏自治区教育厅', '540000'],
  ['陕西省教育厅', '610000'],
  ['甘肃省教育厅', '620000'],
  ['青海省教育厅', '630000'],
  ['宁夏回族自治区教育厅', '640000'],
  ['新疆维吾尔自治区教育厅', '650000'],
];

const PLANNED_CITIES: [string, string][] = [
  ['大连市教育局', '210200'],
  ['青岛市教育局', '370200'],
  ['宁波市教育局', '330200'],
  ['厦门市教育局', '350200'],
  ['深圳市教育局', '440300'],
];

/** The Jilin 2023 round's reporting units: its nine 市(州), 长白山, 梅河口 and some universities. */
const JILIN_UNITS: SeedOrganisation[] = [
  ...(
    [
      ['长春市教育局', '220100'],
      ['吉林市教育局', '220200'],
      ['四平市教育局', '220300'],
      ['辽源市教育局', '220400'],
      ['通化市教育局', '220500'],
      ['白山市教育局', '220600'],
      ['松原市教育局', '220700'],
      ['白城市教育局', '220800'],
      ['延边朝鲜族自治州教育局', '222400'],
    ] as const
  ).map(([name, regionCode]) => ({ name, type: 'city_edu' as const, regionCode })),
  { name: '长白山管委会教育科技局', type: 'direct_admin_edu' },
  { name: '梅河口市教育局', type: 'direct_admin_edu', regionCode: '220581' },
  { name: '吉林大学', type: 'university', regionCode: '220100' },
  { name: '东北师范大学', type: 'university', regionCode: '220100' },
  { name: '吉林开放大学', type: 'university', regionCode: '220100' },
  { name: '长春师范大学', type: 'university', regionCode: '220100' },
];

/** The demo tree: the national round's reporting units under 中国成人教育协会, Jilin's under its 教育厅. */
export const DEMO_ORGANISATIONS: SeedOrganisation = {
  name: '中国成人教育协会',
  type: 'national_organiser',
  children: [
    ...PROVINCES.map(([name, regionCode]) => ({
      name,
      type: 'provincial_edu' as const,
      regionCode,
      children: name === '吉林省教育厅' ? JILIN_UNITS : undefined,
    })),
    ...PLANNED_CITIES.map(([name, regionCode]) => ({ name, type: 'planned_city_edu' as const, regionCode })),
    { name: '新疆生产建设兵团教育局', type: 'corps_edu', regionCode: '660000' },
    { name: '全国总工会办公厅', type: 'trade_union' },
    { name: '国家老年大学', type: 'senior_university' },
    { name: '中国成人教育协会社区教育专业委员会', type: 'association_branch' },
    { name: '中国成人教育协会企业教育专业委员会', type: 'association_branch' },
    { name: '示例能源集团有限公司', type: 'enterprise' },
  ],
};

/** One demo account per role, plus the Jilin organiser who also reports to the national round. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: '平台管理员', organisation: '推介平台', roles: ['platform_admin'] },
  {
    username: 'cace-admin',
    displayName: '协会秘书处',
    organisation: '中国成人教育协会',
    roles: ['organiser_admin'],
  },
  {
    username: 'jilin-admin',
    displayName: '吉林省教育厅职成处',
    organisation: '吉林省教育厅',
    roles: ['organiser_admin', 'unit_submitter'],
  },
  {
    username: 'changchun',
    displayName: '长春市教育局填报员',
    organisation: '长春市教育局',
    roles: ['unit_submitter'],
  },
  { username: 'expert', displayName: '评审专家李老师', organisation: '中国成人教育协会', roles: ['expert'] },
  { username: 'approver', displayName: '审定负责人', organisation: '中国成人教育协会', roles: ['approver'] },
] as const;
