/**
 * 有具体的项目名称……不以单位或院校名称上报. Whether a name names a programme is a judgement, so only
 * the certain case is an error; the likely case is a warning the unit can read and ignore.
 *
 * - error: after normalising (full-width, spaces, quotes and brackets removed), the programme name
 *   equals the entity's name, or equals it plus only a generic tail such as 终身学习品牌项目;
 * - error: the name is nothing but a generic phrase (终身学习品牌项目);
 * - warning: the name ends like an organisation (学校, 大学, 中心, 协会, 公司, 图书馆 …) and contains
 *   no word that marks an activity (项目, 计划, 行动, 课堂, 读书, 培训班 …). "“银龄”老年大学" warns;
 *   "小区里的大学" also warns, which is why this is only a warning; "社区教育学习中心建设项目" does not.
 */
import { error, type Finding, warning } from '#core/findings.ts';
import { removeWhitespace, toHalfWidth } from '#core/identity/index.ts';

const QUOTES_AND_BRACKETS = /["'“”‘’「」『』《》〈〉()（）【】[\]<>·•、，。,.:：;；!！?？-]/g;

/** Tails that add nothing to a name: 长春老年大学终身学习品牌项目 is still the school's name. */
export const GENERIC_TAILS = ['终身学习品牌项目', '终身学习项目', '品牌项目', '学习项目', '项目'];

const ORGANISATION_ENDINGS = [
  '学校',
  '学院',
  '大学',
  '中学',
  '小学',
  '幼儿园',
  '中心',
  '协会',
  '学会',
  '研究会',
  '委员会',
  '基金会',
  '公司',
  '集团',
  '教育局',
  '教育厅',
  '图书馆',
  '文化馆',
  '博物馆',
  '科技馆',
  '少年宫',
  '研究院',
  '研究所',
  '办事处',
  '街道',
  '居委会',
  '村委会',
];

const PROGRAMME_MARKERS = [
  '项目',
  '计划',
  '工程',
  '行动',
  '活动',
  '课堂',
  '讲堂',
  '学堂',
  '课程',
  '品牌',
  '系列',
  '工作坊',
  '沙龙',
  '论坛',
  '读书',
  '阅读',
  '宣讲',
  '培训班',
  '服务队',
  '志愿',
];

export function normaliseName(raw: string): string {
  return removeWhitespace(toHalfWidth(raw)).replace(QUOTES_AND_BRACKETS, '').toLowerCase();
}

function stripGenericTail(name: string): string {
  const tail = GENERIC_TAILS.find((t) => name.endsWith(t) && name.length > t.length);
  return tail ? name.slice(0, -tail.length) : name;
}

export function programmeNameFindings(programmeName: unknown, entityName: unknown): Finding[] {
  const field = 'programmeName';
  const name = normaliseName(typeof programmeName === 'string' ? programmeName : '');
  if (name === '') return [error('PROJECT_NAME_MISSING', field, '请填写具体的项目名称。')];
  if (GENERIC_TAILS.includes(name)) {
    return [
      error(
        'PROJECT_NAME_GENERIC',
        field,
        `“${String(programmeName).trim()}”不是具体的项目名称，请填写项目自己的名称。`,
      ),
    ];
  }
  const entity = normaliseName(typeof entityName === 'string' ? entityName : '');
  if (entity !== '' && (name === entity || stripGenericTail(name) === entity)) {
    return [
      error(
        'PROJECT_NAME_IS_ENTITY_NAME',
        field,
        '项目名称不能是实施主体的单位名称（通知要求“不以单位或院校名称上报”），请填写具体项目名称。',
      ),
    ];
  }
  const ending = ORGANISATION_ENDINGS.find((end) => name.endsWith(end));
  if (ending && !PROGRAMME_MARKERS.some((marker) => name.includes(marker))) {
    return [
      warning(
        'PROJECT_NAME_LOOKS_LIKE_UNIT',
        field,
        `项目名称以“${ending}”结尾，像是单位或院校名称；通知要求“不以单位或院校名称上报”，如确为项目名称可忽略此提示。`,
      ),
    ];
  }
  return [];
}
