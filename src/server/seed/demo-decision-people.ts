/**
 * Who takes part in the demo's finished provincial round (2025, Jilin): the nominations 长春市教育局
 * reported, and the person who objected to one of them. Fictional people and programmes; numbers valid
 * but made up (sequence 9xx), none shared with the other demo rounds (the 2025 winners enter the
 * registry, which this year's demo nominations are checked against).
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { creditCodeCheckCharacter } from '#core/identity/index.ts';
import { type DemoNomination, project, star } from './demo-nominations.ts';
import { demoIdIn } from './demo-review-people.ts';

/** The round's days, Beijing time: reporting closed, review, 公示 (five working days), 审定, 公布. */
export const DECISION_DAYS = {
  submitted: '2025-08-20T10:00:00+08:00',
  deadline: '2025-08-29',
  reviewing: '2025-09-01T09:00:00+08:00',
  shortlisted: '2025-09-08T15:00:00+08:00',
  scheduled: '2025-09-10T16:00:00+08:00',
  /** A Monday: 15–19 September are the five working days of the 公示. */
  announcementStart: '2025-09-15',
  opened: '2025-09-15T09:00:00+08:00',
  objected: '2025-09-16T20:30:00+08:00',
  accepted: '2025-09-17T09:30:00+08:00',
  noted: '2025-09-18T11:00:00+08:00',
  concluded: '2025-09-19T16:00:00+08:00',
  /** The platform's tick closes the 公示 just after midnight following its last day. */
  closed: '2025-09-20T00:10:00+08:00',
  replied: '2025-09-22T10:00:00+08:00',
  approvalRequested: '2025-09-22T15:00:00+08:00',
  approved: '2025-09-24T10:00:00+08:00',
  published: '2025-09-26T10:00:00+08:00',
} as const;

export const DECISION_DOC_NUMBER = '吉教职成函〔2025〕27号';

/** The star objected to, and what the 核实 found. */
export const OBJECTED = '周玉梅';

const CREDIT_CODE_17 = '52220104MJ0000041';

export function decisionNominations(r: CampaignRules, today: string): DemoNomination[] {
  const person = (name: string, birth: string, sequence: number, story: string, workUnit: string) => ({
    category: 'star' as const,
    state: 'accepted' as const,
    form: { ...star(r, name, birth, sequence, story), workUnit },
  });
  return [
    {
      ...person(
        OBJECTED,
        '19610514',
        941,
        '退休后在社区老年学校学习声乐与摄影十二年，组建社区合唱团，带动百余名老人走进课堂。（演示数据）',
        '长春市二道区某社区老年学校',
      ),
      special: true,
    },
    person(
      '李春生',
      '19750920',
      943,
      '农机合作社负责人，自学农业机械维修与电商运营，在村里开办“田间课堂”。（演示数据）',
      '农安县某农机专业合作社',
    ),
    person(
      '韩雪',
      '19880302',
      945,
      '社区工作者，利用业余时间完成开放大学本科学业，组织居民读书会五年不间断。（演示数据）',
      '长春市绿园区某街道社区居委会',
    ),
    {
      category: 'project',
      state: 'accepted',
      form: {
        ...project(r, '“北国春城”市民夜校学习项目', '长春市朝阳区社区教育学院（演示）', today),
        creditCode: `${CREDIT_CODE_17}${creditCodeCheckCharacter(CREDIT_CODE_17)}`,
        contactName: '孟老师',
      },
    },
  ];
}

export const OBJECTOR = {
  name: '王立新',
  idNumber: demoIdIn('220104', '19700611', 947),
  workplace: '长春市二道区某单位（演示）',
  phone: '13900001234',
};

export const OBJECTION_FACTS =
  '公示材料称周玉梅在社区老年学校学习十二年，据我了解她是2016年才开始参加学习的，学习年限可能不实，请核实。（演示数据）';

export const OBJECTION_NOTE =
  '调阅社区老年学校2013年以来的学员花名册和结业证书存根，并与授课教师电话核实：周玉梅自2013年春季学期起连续参加声乐班学习，2016年起加入摄影班。（演示数据）';

export const OBJECTION_CONCLUSION =
  '经核实，周玉梅自2013年起在社区老年学校学习，2016年为其加入摄影班的时间，公示材料所述学习年限属实，异议不成立。';

export const OBJECTION_REPLY =
  '您对周玉梅提出的异议已收悉。经调阅学员花名册、结业证书存根并向授课教师核实，其自2013年起在社区老年学校连续学习，公示材料所述属实，异议不成立。感谢您对推介工作的关心和监督。';

export const APPROVAL_COMMENT = '经审定，同意公示名单。';
