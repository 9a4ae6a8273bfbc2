/**
 * Walks the 2023 Jilin notice rule by rule: each test quotes the notice (checked against the stored
 * text) and asserts the template's number for it.
 */
import { describe, expect, it } from 'vitest';
import { parseCampaignRules } from '../rules-schema.ts';
import { getTemplate } from './index.ts';
import { loadNotice, noticeSays } from './notice-text.test-support.ts';

const notice = loadNotice('jilin-2023');
const rules = getTemplate('jilin-2023')!;
const slot = (set: keyof typeof rules.materials, id: string) =>
  rules.materials[set].slots.find((s) => s.id === id)!;
const says = (quote: string) => expect(noticeSays(notice, quote), quote).toBe(true);

describe('Jilin 2023 template against its notice', () => {
  it('quotes are really checked', () => {
    expect(noticeSays(notice, '“百姓学习之星”6至11名')).toBe(false);
  });

  it('identifies the notice; it carries no document number of its own', () => {
    says('吉林省教育厅 关于做好 2023 年吉林省“百姓学习之星”');
    expect(rules).toMatchObject({ year: 2023, level: 'provincial', documentNumber: null, issuedOn: null });
    expect(rules.organisers).toEqual(['吉林省教育厅']);
  });

  it('every unit: 6–10 stars, 5–8 projects', () => {
    says('各市（州）教育局，长白山管委会教育科技局，梅河口市教育局，各高等学校，相关单位');
    says('各地各校根据实际情况可推介“百姓学习之星”6至10名、“终身学习品牌项目”5至8个');
    const expected = { star: { min: 6, max: 10 }, project: { min: 5, max: 8 } };
    expect(rules.quotas.byUnitType).toEqual({
      city_edu: expected,
      direct_admin_edu: expected,
      university: expected,
      other_unit: expected,
    });
  });

  it('one special pick per category', () => {
    says(
      '同时可推介“事迹特别感人的百姓学习之星”和“特别受百姓喜爱的终身学习品牌项目”各1名（个）（需在推介登记表排序备注中注明）',
    );
    expect(rules.specialPicks).toEqual({ star: 1, project: 1 });
  });

  it('forms: three paper copies each', () => {
    says('《百姓学习之星推介表》《百姓学习之星推介登记表》，（各一式3份，见附件1、附件2）');
    says('《终身学习品牌项目推介表》《终身学习品牌项目推介登记表》（各一式3份，见附件3、附件4）');
    expect(rules.forms.map((f) => [f.attachment, f.paperCopies])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
  });

  it('deadline 2023-07-12, end of day in Beijing', () => {
    says('请于2023年7月12日前报送');
    expect(rules.deadline).toEqual({ date: '2023-07-12', time: '23:59', timeFromNotice: false });
    expect(noticeSays(notice, '逾期视为自动放弃')).toBe(false);
    expect(rules.submission.lateCountsAsWithdrawn).toBe(false);
  });

  it('star photos: an ID photo and a learning-activity photo, no size rules', () => {
    says('个人照片2张（电子版，一张为2寸免冠彩色证件照，一张为精彩学习活动照片）');
    expect(slot('star', 'idPhoto')).toMatchObject({ count: { min: 1, max: 1 }, required: true });
    expect(slot('star', 'activityPhoto')).toMatchObject({ count: { min: 1, max: 1 }, required: true });
    for (const photo of rules.materials.star.slots.filter((s) => s.kind === 'photo')) {
      expect(photo.minBytes).toBeUndefined();
      expect(photo.minDpi).toBeUndefined();
    }
  });

  it('video: same technical rules, without opening/ending', () => {
    says(
      '视频资料（鼓励提交，技术要求：MP4格式，编码：H.264，分辨率：1280*720P，帧率：25，视频时间4-5分钟）',
    );
    for (const set of ['star', 'project', 'specialStar', 'specialProject'] as const) {
      const video = slot(set, 'video');
      expect(video).toMatchObject({
        formats: ['mp4'],
        videoCodec: 'h264',
        width: 1280,
        height: 720,
        fps: 25,
      });
      expect(video.durationSeconds).toEqual({ min: 240, max: 300 });
      expect(video.openingSeconds).toBeUndefined();
      expect(video.endingSeconds).toBeUndefined();
    }
    expect(noticeSays(notice, '片头10秒')).toBe(false);
  });

  it('project: work summary about 1,500 characters, 3–5 photos', () => {
    says('近年开展学习活动的工作总结（1500字左右）和反映活动品牌项目的照片（电子版，3-5张）');
    expect(rules.eligibility.project.workSummaryChars.target).toBe(1500);
    expect(slot('project', 'photos')).toMatchObject({ required: true, count: { min: 3, max: 5 } });
    expect(slot('project', 'photos').minBytes).toBeUndefined();
  });

  it('special picks: 4–8 photos or a video', () => {
    says('相关照片(电子版,4-8张)或音像视频资料');
    for (const set of ['specialStar', 'specialProject'] as const) {
      expect(slot(set, 'photos')).toMatchObject({ required: false, count: { min: 4, max: 8 } });
      expect(slot(set, 'video').required).toBe(false);
      expect(rules.materials[set].atLeastOneOf).toEqual([['photos', 'video']]);
    }
  });

  it('announcement on 长春全民学习网 for 5 working days; published by the provincial association', () => {
    says('在长春全民学习网公示5个工作日');
    expect(rules.announcement.workingDays).toBe(5);
    expect(rules.announcement.venue).toBe('长春全民学习网');
    says('以“吉林省成人教育协会”名义印发通知公布');
    expect(rules.publishers).toEqual(['吉林省成人教育协会']);
  });

  it('selected nominees go on to the national round', () => {
    says('同时将宣传推介的典型代表和品牌项目参加2023年全国“百姓学习之星”和“终身学习品牌项目”宣传推介活动');
    expect(rules.forwardsToNationalRound).toBe(true);
  });

  it('projects registered in the province (吉林 22), same thresholds', () => {
    says('在我省域内依法注册或登记');
    expect(rules.eligibility.project.registration).toEqual({
      scope: 'province',
      provinceCode: '22',
      provinceName: '吉林省',
    });
    says('项目启动或创建时间应不少于两年。参与学习人数每年不少于1000人次（线下）或3000人次（线上）');
    expect(rules.eligibility.project).toMatchObject({
      minYearsRunning: 2,
      minParticipationsOffline: 1000,
      minParticipationsOnline: 3000,
    });
    says(
      '重点面向基层员工、社区居民、乡村农民、退役军人，关注老年人、残疾人等群体。国籍为中国籍，无不良行为记录。一般情况下不推介县处级及以上领导干部。',
    );
    expect(rules.eligibility.star.focusGroups).toHaveLength(6);
  });

  it('contacts', () => {
    says(
      '省教育厅职业与成人教育处尚鹤龄，0431-88905322；长春开放大学吴晓辉，0431-82857798，19990521785；工作邮箱：jlqmx@126.com',
    );
    says('通信地址：长春市宽城区北京大街62号411室，邮政编码：130051');
    expect(rules.contacts.flatMap((c) => c.people)).toEqual(['尚鹤龄', '吴晓辉']);
    expect(rules.contacts.flatMap((c) => c.phones)).toEqual([
      '0431-88905322',
      '0431-82857798',
      '19990521785',
    ]);
    expect(rules.contacts[0]?.postcode).toBe('130051');
  });

  it('is valid: schema and business rules find nothing', () => {
    const parsed = parseCampaignRules(rules);
    expect(parsed.ok).toBe(true);
    expect(parsed.findings).toEqual([]);
  });
});
