/** Complete, valid forms for tests; each test patches what it is about. */
import { getTemplate } from '#core/campaign/templates/index.ts';
import { creditCodeCheckCharacter, idCheckCharacter } from '#core/identity/index.ts';
import type { ProjectForm } from './project-form.ts';
import type { StarForm } from './star-form.ts';

export const rules = getTemplate('national-2024')!;
export const ID = `22010219800101123${idCheckCharacter('22010219800101123')}`;
export const CREDIT = `91220102MA1234567${creditCodeCheckCharacter('91220102MA1234567')}`;

export function starForm(patch: Partial<StarForm> = {}): StarForm {
  return {
    name: '张三',
    idNumber: ID,
    ethnicity: '汉族',
    nationality: '中国',
    politicalStatus: '群众',
    education: '高中',
    workUnit: '长春市朝阳区某社区',
    post: '志愿者',
    phone: '13812345678',
    address: '吉林省长春市朝阳区某街道1号',
    isCountyLevelOfficialOrAbove: false,
    focusGroups: ['社区居民'],
    story: '坚持学习三十年。\n带动邻里读书。',
    awards: '无',
    unitOpinion: '同意推介。',
    attestations: { conditions: [true, true, true, true], noMisconduct: true },
    ...patch,
  };
}

export function projectForm(patch: Partial<ProjectForm> = {}): ProjectForm {
  return {
    name: '“银龄学堂”老年教育项目',
    entityName: '长春市某社区教育学院',
    entityType: '事业单位',
    creditCode: CREDIT,
    startDate: '2019-09-01',
    participationsOffline: 3200,
    participationsOnline: '1.2万',
    content: '每周开设书法、智能手机课程。',
    measures: { site: '社区学习中心', funding: '财政专项', team: '教师12人、志愿者30人' },
    results: '累计服务老年人五万人次。',
    contactName: '李老师',
    contactPhone: '0431-88888888',
    workSummary:
      '本项目坚持面向社区居民开展读书分享、技能培训和老年教育活动，2023年累计开展活动120场。'.repeat(34),
    unitOpinion: '同意推介。',
    attestations: {
      conditions: [true, true, true, true, true],
      creditRecord: true,
      creditCheckedOn: '2024-03-01',
    },
    ...patch,
  };
}
