/**
 * Who takes part in the demo's expert review: the national review campaign's nominations from three
 * provinces, and its six experts (the demo `expert` account among them) with the facts recusal is computed
 * from. Fictional people and programmes; numbers valid but made up (sequence 9xx).
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { creditCodeCheckCharacter, idCheckCharacter } from '#core/identity/index.ts';
import type { DeclaredRelation } from '#core/review/conflict-facts.ts';
import { type DemoNomination, project, star } from './demo-nominations.ts';

export function demoIdIn(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function creditCode(region: string, n: number): string {
  const first17 = `52${region}MJ${String(n).padStart(7, '0')}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** The Zhejiang star an expert declared a close relative of (the relation names her by ID number). */
export const RELATIVE = { name: '何丽娟', idNumber: demoIdIn('330106', '19650918', 911) };

export interface ReviewUnit {
  /** The reporting unit (a provincial 教育厅) and its demo submitter. */
  organisation: string;
  username: string | null;
  displayName: string;
  nominations: (rules: CampaignRules, today: string) => DemoNomination[];
}

function starIn(
  r: CampaignRules,
  person: { name: string; idNumber: string; workUnit: string; address: string },
  story: string,
): DemoNomination {
  return {
    category: 'star',
    state: 'accepted',
    form: { ...star(r, person.name, '19600101', 900, story), ...person },
  };
}

const special = (n: DemoNomination): DemoNomination => ({ ...n, special: true });

function projectIn(
  r: CampaignRules,
  today: string,
  p: { name: string; entityName: string; creditCode: string; contactName: string },
): DemoNomination {
  return {
    category: 'project',
    state: 'accepted',
    form: { ...project(r, p.name, p.entityName, today), ...p },
  };
}

export const REVIEW_UNITS: readonly ReviewUnit[] = [
  {
    organisation: '吉林省教育厅',
    username: null,
    displayName: '',
    nominations: (r, today) => [
      starIn(
        r,
        {
          name: '孙凤琴',
          idNumber: demoIdIn('220102', '19580706', 921),
          workUnit: '长春市朝阳区某社区老年学校',
          address: '吉林省长春市朝阳区（演示地址）',
        },
        '退休教师，在社区老年学校坚持学习十五年，义务教授剪纸与书法。（演示数据）',
      ),
      starIn(
        r,
        {
          name: '高德海',
          idNumber: demoIdIn('220281', '19700215', 923),
          workUnit: '蛟河市某村',
          address: '吉林省蛟河市（演示地址）',
        },
        '农民，自学电商知识，带动全村开办网店，组织村民夜校。（演示数据）',
      ),
      projectIn(r, today, {
        name: '“白山松水”职工书屋学习项目',
        entityName: '吉林市职工学习服务中心（演示）',
        creditCode: creditCode('220201', 31),
        contactName: '马老师',
      }),
    ],
  },
  {
    organisation: '浙江省教育厅',
    username: 'zhejiang',
    displayName: '浙江省教育厅职成教处',
    nominations: (r, today) => [
      starIn(
        r,
        {
          ...RELATIVE,
          workUnit: '杭州市西湖区某街道社区学校',
          address: '浙江省杭州市西湖区（演示地址）',
        },
        '社区学校志愿者，坚持学习非遗技艺，组建居民学习共同体。（演示数据）',
      ),
      projectIn(r, today, {
        name: '“钱塘学堂”市民终身学习项目',
        entityName: '杭州市钱塘区社区学院（演示）',
        creditCode: creditCode('330114', 32),
        contactName: '徐老师',
      }),
    ],
  },
  {
    organisation: '四川省教育厅',
    username: 'sichuan',
    displayName: '四川省教育厅职成教处',
    nominations: (r, today) => [
      // 四川's own special pick (事迹特别感人): the panel may name it special in the 拟推介名单.
      special(
        starIn(
          r,
          {
            name: '杨春梅',
            idNumber: demoIdIn('510107', '19750320', 931),
            workUnit: '成都市武侯区某社区',
            address: '四川省成都市武侯区（演示地址）',
          },
          '残疾人，自学心理咨询取得证书，为社区残疾人开办学习小组。（演示数据）',
        ),
      ),
      starIn(
        r,
        {
          name: '罗永刚',
          idNumber: demoIdIn('511602', '19660811', 933),
          workUnit: '广安市某退役军人服务站',
          address: '四川省广安市（演示地址）',
        },
        '退役军人，坚持学习农业技术二十年，在乡村推广科学种植。（演示数据）',
      ),
      projectIn(r, today, {
        name: '“蜀乡夜校”农民学习项目',
        entityName: '成都市农民学习促进会（演示）',
        creditCode: creditCode('510100', 33),
        contactName: '蒋老师',
      }),
    ],
  },
];

export interface ReviewExpert {
  /** An existing demo account (`expert`) or a new one. */
  username: string;
  displayName: string;
  employer: string;
  /** GB/T 2260 province code. */
  province: string;
  field: string;
  chairOf: ('star' | 'project')[];
  relations: DeclaredRelation[];
  /** How far this expert has got: reviews submitted, then drafts begun, of those assigned. */
  submitted: number;
  drafts: number;
  /** Added to every score: some experts mark higher than others, which the normalised ranking evens out. */
  leniency: number;
}

/** An expert of the demo pool with their account. */
export type Pooled = ReviewExpert & { id: string };

export const REVIEW_EXPERTS: readonly ReviewExpert[] = [
  {
    username: 'expert',
    displayName: '评审专家李老师',
    employer: '北京师范大学继续教育与教师培训学院',
    province: '11',
    field: '社区教育',
    chairOf: [],
    relations: [],
    submitted: 2,
    drafts: 1,
    leniency: 0,
  },
  {
    username: 'expert2',
    displayName: '王立华',
    employer: '华东师范大学职业教育与成人教育研究所',
    province: '31',
    field: '成人教育',
    chairOf: ['star'],
    relations: [],
    submitted: 99,
    drafts: 0,
    leniency: -1,
  },
  {
    // Same province as Jilin's nominations: recused from them (同省回避).
    username: 'expert3',
    displayName: '陈思远',
    employer: '吉林大学高等教育研究所',
    province: '22',
    field: '高等继续教育',
    chairOf: [],
    relations: [],
    submitted: 1,
    drafts: 1,
    leniency: 1,
  },
  {
    // Declared a close relative among the Zhejiang nominees.
    username: 'expert4',
    displayName: '赵文博',
    employer: '国家开放大学终身教育研究院',
    province: '11',
    field: '终身学习政策',
    chairOf: [],
    relations: [{ kind: 'close_relative', person: RELATIVE, note: '配偶的姐姐' }],
    submitted: 3,
    drafts: 0,
    leniency: 0,
  },
  {
    // The Sichuan unit asked that this expert stay away from its project.
    username: 'expert5',
    displayName: '孙晓梅',
    employer: '广东开放大学',
    province: '44',
    field: '老年教育',
    chairOf: [],
    relations: [],
    submitted: 0,
    drafts: 0,
    leniency: 0,
  },
  {
    username: 'expert6',
    displayName: '周志强',
    employer: '湖北省社区教育研究中心',
    province: '42',
    field: '农村成人教育',
    chairOf: ['project'],
    relations: [],
    submitted: 2,
    drafts: 1,
    leniency: 1,
  },
];

/** The unit's request to exclude an expert (报送单位申请回避), by the nominee's or programme's name. */
export const EXCLUSION = {
  nomination: '“蜀乡夜校”农民学习项目',
  expert: 'expert5',
  reason: '该专家近年曾应邀为本项目作指导报告，为避免影响评审公正，申请回避。',
};
