/**
 * Walks 中成协〔2024〕023号 rule by rule: each test quotes the notice (checked against the stored text)
 * and asserts the template's number for it.
 */
import { describe, expect, it } from 'vitest';
import { parseCampaignRules } from '../rules-schema.ts';
import { getTemplate } from './index.ts';
import { loadNotice, noticeSays } from './notice-text.test-support.ts';

const notice = loadNotice('national-2024');
const rules = getTemplate('national-2024')!;
const quota = rules.quotas.byUnitType;
const slot = (set: keyof typeof rules.materials, id: string) =>
  rules.materials[set].slots.find((s) => s.id === id)!;
const says = (quote: string) => expect(noticeSays(notice, quote), quote).toBe(true);

describe('national 2024 template against its notice', () => {
  it('identifies the notice', () => {
    says('中成协〔2024〕023号');
    says('中国成人教育协会 2024年3月20日');
    expect(rules).toMatchObject({ year: 2024, level: 'national', documentNumber: '中成协〔2024〕023号' });
    expect(rules.issuedOn).toBe('2024-03-20');
    expect(rules.organisers).toEqual(['中国成人教育协会']);
  });

  it('quotas per unit type', () => {
    says('各省、自治区、直辖市教育厅(教委)可推介“百姓学习之星”和“终身学习品牌项目”各3至5名(个)');
    expect(quota.provincial_edu).toEqual({ star: { min: 3, max: 5 }, project: { min: 3, max: 5 } });
    says('各计划单列市教育局和新疆生产建设兵团教育局可推介各1至3名(个)');
    expect(quota.planned_city_edu).toEqual({ star: { min: 1, max: 3 }, project: { min: 1, max: 3 } });
    expect(quota.corps_edu).toEqual({ star: { min: 1, max: 3 }, project: { min: 1, max: 3 } });
    says('全国总工会办公厅可推介5至10名(个)');
    expect(quota.trade_union).toEqual({ star: { min: 5, max: 10 }, project: { min: 5, max: 10 } });
    says('国家老年大学可推介各1名(个)');
    expect(quota.senior_university).toEqual({ star: { min: 1, max: 1 }, project: { min: 1, max: 1 } });
    says('中国成人教育协会组织其各分支机构推介各1名(个)');
    expect(quota.association_branch).toEqual({ star: { min: 1, max: 1 }, project: { min: 1, max: 1 } });
    says('组织部分大型企业推介各1-3名(个)');
    expect(quota.enterprise).toEqual({ star: { min: 1, max: 3 }, project: { min: 1, max: 3 } });
    expect(Object.keys(quota).sort()).toEqual([
      'association_branch',
      'corps_edu',
      'enterprise',
      'planned_city_edu',
      'provincial_edu',
      'senior_university',
      'trade_union',
    ]);
  });

  it('one special pick per category on top of the quota', () => {
    says('各报送单位同时可推介“事迹特别感人的百姓学习之星”和“特别受百姓喜爱的终身学习品牌项目”各1名(个)');
    expect(rules.specialPicks).toEqual({ star: 1, project: 1 });
    expect(rules.categories.star.specialLabel).toBe('事迹特别感人的百姓学习之星');
    expect(rules.categories.project.specialLabel).toBe('特别受百姓喜爱的终身学习品牌项目');
  });

  it('forms: two paper copies each, attachments 1–4', () => {
    says('《百姓学习之星推介表》《百姓学习之星推介登记表》(各一式2份,见附件1、附件2)');
    says('《终身学习品牌项目推介表》《终身学习品牌项目推介登记表》(各一式2份,见附件3、附件4)');
    expect(rules.forms.map((f) => [f.title, f.attachment, f.paperCopies])).toEqual([
      ['《百姓学习之星推介表》', 1, 2],
      ['《百姓学习之星推介登记表》', 2, 2],
      ['《终身学习品牌项目推介表》', 3, 2],
      ['《终身学习品牌项目推介登记表》', 4, 2],
    ]);
  });

  it('deadline 2024-04-10, end of day in Beijing (the notice gives no time)', () => {
    says('请各地于2024年4月10日前');
    expect(rules.deadline).toEqual({ date: '2024-04-10', time: '23:59', timeFromNotice: false });
    says('逾期视为自动放弃');
    expect(rules.submission.lateCountsAsWithdrawn).toBe(true);
  });

  it('star photos: 2, one an ID photo, JPEG, ≥5MB, ≥300dpi', () => {
    says('个人照片2张(电子版,其中一张为2寸免冠彩色证件照');
    says('jpg格式的文件,单张图片文件不小于5MB,分辨率不低于300dpi,图中主元素要清晰');
    const photos = rules.materials.star.slots.filter((s) => s.kind === 'photo');
    expect(photos.reduce((n, s) => n + s.count.max, 0)).toBe(2);
    expect(photos.map((s) => s.label)).toContain('2寸免冠彩色证件照');
    for (const photo of photos) {
      expect(photo).toMatchObject({
        formats: ['jpeg'],
        required: true,
        minBytes: 5 * 1024 * 1024,
        minDpi: 300,
      });
      expect(photo.attestations).toContain('图中主元素清晰');
    }
  });

  it('video: encouraged, MP4 H.264 1280×720 25fps 4–5 min, 10 s opening, 5 s ending, no logo', () => {
    says(
      '视频资料(鼓励提交,技术要求:MP4格式,编码:H.264,分辨率:1280*720P,帧率:25,视频时间4-5分钟。片头10秒,片尾5秒,视频不能带有台标、logo等标识)',
    );
    for (const set of ['star', 'project'] as const) {
      expect(slot(set, 'video')).toMatchObject({
        required: false,
        formats: ['mp4'],
        videoCodec: 'h264',
        width: 1280,
        height: 720,
        fps: 25,
        durationSeconds: { min: 240, max: 300 },
        openingSeconds: 10,
        endingSeconds: 5,
      });
      expect(slot(set, 'video').attestations).toContain('视频不带有台标、logo等标识');
    }
    says('视频请拷贝原视频');
  });

  it('project: work summary about 1,500 characters, 3–5 photos of at least 1MB', () => {
    says('近年开展学习活动的工作总结(1500字左右)和反映活动品牌项目的照片(电子版,3-5张,不低于1MB)');
    expect(rules.eligibility.project.workSummaryChars).toEqual({ target: 1500, min: 1200, max: 1800 });
    expect(slot('project', 'workSummary').required).toBe(true);
    expect(slot('project', 'photos')).toMatchObject({
      count: { min: 3, max: 5 },
      minBytes: 1024 * 1024,
      required: true,
    });
  });

  it('special picks: 3–5 photos and a video, same technical rules', () => {
    says(
      '照片电子版3-5张和视频资料(重点介绍坚持读书学习人员的突出事迹、服务全民终身学习的典型案例,技术要求同上)',
    );
    for (const set of ['specialStar', 'specialProject'] as const) {
      expect(slot(set, 'photos')).toMatchObject({ required: true, count: { min: 3, max: 5 } });
      expect(slot(set, 'video')).toMatchObject({
        required: true,
        fps: 25,
        openingSeconds: 10,
        endingSeconds: 5,
      });
      expect(rules.materials[set].atLeastOneOf).toEqual([]);
    }
  });

  it('announcement: 5 working days on the association site', () => {
    says('在中国成人教育协会官网公示5个工作日');
    expect(rules.announcement).toEqual({
      workingDays: 5,
      startDay: 'counts_if_working_day',
      venue: '中国成人教育协会官网',
    });
    says('以“全民终身学习活动周领导小组”和“中国成人教育协会”名义印发通知公布');
    expect(rules.publishers).toEqual(['全民终身学习活动周领导小组', '中国成人教育协会']);
  });

  it('eligibility: nationality, focus groups, officials, registration in China, thresholds', () => {
    says(
      '重点面向基层员工、社区居民、乡村农民、退役军人,关注老年人、残疾人等群体。国籍为中国籍,无不良行为记录。一般情况下不推介县处级及以上领导干部。',
    );
    expect(rules.eligibility.star).toMatchObject({
      nationality: '中国',
      warnOfficialRank: true,
      excludePreviousWinners: true,
    });
    expect(rules.eligibility.star.focusGroups).toEqual([
      '基层员工',
      '社区居民',
      '乡村农民',
      '退役军人',
      '老年人',
      '残疾人',
    ]);
    expect(rules.eligibility.star.conditions).toHaveLength(4);
    says('在我国境内依法注册或登记');
    expect(rules.eligibility.project.registration).toEqual({ scope: 'china' });
    says('项目启动或创建时间应不少于两年。参与学习人数每年不少于1000人次(线下)或3000人次(线上)');
    expect(rules.eligibility.project).toMatchObject({
      minYearsRunning: 2,
      minParticipationsOffline: 1000,
      minParticipationsOnline: 3000,
    });
    expect(rules.eligibility.project.conditions).toHaveLength(5);
    says('往年已获得“百姓学习之星”和“终身学习品牌项目”的人员和项目不再推介');
    expect(rules.eligibility.project.excludePreviousWinners).toBe(true);
  });

  it('contacts and submission', () => {
    says('联系方式:010-66097704');
    says('联系电话:010-58582578;13601198336');
    says('电子邮箱:caeabgs@126.com');
    says('邮政编码:100120');
    says('联系电话:13811473279');
    const phones = rules.contacts.flatMap((c) => c.phones);
    expect(phones).toEqual(['010-66097704', '010-58582578', '13601198336', '13811473279']);
    expect(rules.contacts.flatMap((c) => c.people)).toEqual(['李勖晟', '王立', '黄晓晨', '关昀', '李荣华']);
    says('http://www.goschool.org.cn');
    expect(rules.submission.onlineUrl).toBe('http://www.goschool.org.cn');
    expect(rules.forwardsToNationalRound).toBe(false);
  });

  it('is valid: schema and business rules find nothing', () => {
    const parsed = parseCampaignRules(rules);
    expect(parsed.ok).toBe(true);
    expect(parsed.findings).toEqual([]);
  });
});
