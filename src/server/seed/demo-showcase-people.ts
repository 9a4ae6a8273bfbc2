/**
 * Who won the demo's published national round (2025): stars and projects reported by three provinces,
 * each with a public text approved for the showcase. Fictional people and programmes; ID numbers valid but
 * made up (sequence 96x, none shared with the other demo rounds).
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { type DemoNomination, project, star } from './demo-nominations.ts';
import { demoIdIn } from './demo-review-people.ts';

/** The round's days, Beijing time; 13–17 October 2025 are the five working days of its 公示. */
export const SHOWCASE_DAYS = {
  submitted: '2025-09-05T10:00:00+08:00',
  deadline: '2025-09-10',
  reviewing: '2025-09-15T09:00:00+08:00',
  shortlisted: '2025-09-30T15:00:00+08:00',
  scheduled: '2025-10-09T16:00:00+08:00',
  announcementStart: '2025-10-13',
  opened: '2025-10-13T09:00:00+08:00',
  closed: '2025-10-18T00:10:00+08:00',
  approved: '2025-10-22T10:00:00+08:00',
  published: '2025-10-24T10:00:00+08:00',
  storiesApproved: '2025-10-27T10:00:00+08:00',
} as const;

export const SHOWCASE_DOC_NUMBER = '中成协〔2025〕041号';

export interface ShowcaseUnit {
  organisation: string;
  region: string;
  /** The demo account reporting for it (made when the province has none). */
  username: string;
  displayName: string;
  winners: (DemoNomination & { publicText: string; video?: boolean })[];
}

function person(
  r: CampaignRules,
  region: string,
  name: string,
  birth: string,
  sequence: number,
  story: string,
  workUnit: string,
) {
  const form = { ...star(r, name, birth, sequence, story), workUnit };
  return {
    category: 'star' as const,
    state: 'accepted' as const,
    form: { ...form, idNumber: demoIdIn(region, birth, sequence) },
  };
}

export function showcaseUnits(r: CampaignRules, today: string): ShowcaseUnit[] {
  return [
    {
      organisation: '吉林省教育厅',
      region: '220102',
      username: 'jilin-admin',
      displayName: '吉林省教育厅职成处',
      winners: [
        {
          ...person(
            r,
            '220102',
            '孙桂兰',
            '19580716',
            961,
            '退休后在老年大学学习国画十年，义务教社区居民绘画。（演示数据）',
            '长春市老年大学（演示）',
          ),
          special: true,
          video: true,
          publicText:
            '孙桂兰退休后走进老年大学，十年间坚持学习国画，从零基础到作品入选省级展览。\n\n她在社区开设公益绘画课，每周两次，累计带出学员三百余人，让“老有所学”成为身边的风景。（演示数据）',
        },
        {
          category: 'project',
          state: 'accepted',
          form: project(r, '“长白山下”乡村学习共同体', '延边州某乡村学习中心（演示）', today),
          publicText:
            '项目立足乡村，以“田间课堂+线上学习”方式开展农业技术、电子商务和朝鲜族非遗技艺培训，五年来累计服务村民两万余人次。（演示数据）',
        },
      ],
    },
    {
      organisation: '浙江省教育厅',
      region: '330106',
      username: 'zhejiang-demo',
      displayName: '浙江省教育厅职成处',
      winners: [
        {
          ...person(
            r,
            '330106',
            '陈海明',
            '19790304',
            963,
            '快递员，利用业余时间完成开放大学本科学业。（演示数据）',
            '杭州市某快递网点（演示）',
          ),
          video: true,
          publicText:
            '陈海明是一名快递员，白天穿街走巷，晚上伏案学习，用四年业余时间完成开放大学本科学业。\n\n他把学到的物流管理知识用在网点改进上，还组织同事成立“骑手读书角”。（演示数据）',
        },
        {
          category: 'project',
          state: 'accepted',
          form: project(r, '“西湖夜读”市民终身学习项目', '杭州市某社区学院（演示）', today),
          publicText:
            '“西湖夜读”在社区图书馆、文化礼堂开设夜间课堂，开设阅读、书法、智能手机等课程，年均开课四百余场。（演示数据）',
        },
      ],
    },
    {
      organisation: '四川省教育厅',
      region: '510104',
      username: 'sichuan-demo',
      displayName: '四川省教育厅职成处',
      winners: [
        {
          ...person(
            r,
            '510104',
            '杨秀英',
            '19650921',
            965,
            '彝族绣娘，学习电商后带动村里妇女增收。（演示数据）',
            '凉山州某彝绣合作社（演示）',
          ),
          publicText:
            '杨秀英是一名彝族绣娘，年过五十开始学习电商直播，把彝绣卖到全国各地。\n\n她在合作社办起“绣娘课堂”，带动村里六十多名妇女学技能、增收入。（演示数据）',
        },
      ],
    },
  ];
}
