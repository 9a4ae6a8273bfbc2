/**
 * 统计分析 over the demo's Jilin round: three nominations from 长春 (two stars, one project) and a draft,
 * the first star 入选 and forwarded to the national round. The figures are checked against what was made,
 * the province filter, the refusals, the bad filters, the Excel export and the 五进 activities table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsChart, StatisticsResponse } from '#core/contract/statistics.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { moveCampaignAs, sessionActor } from '#test/support/factories/index.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let cace: Session;
let jilinCampaign: string;
let selectedStar: string;

const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });
const stats = async (s: Session, query = 'year=2026'): Promise<StatisticsResponse> => {
  const response = await get(s, `/api/statistics?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const chart = (s: StatisticsResponse, key: string): StatisticsChart => s.charts.find((c) => c.key === key)!;
const row = (s: StatisticsResponse, key: string, label: string) =>
  chart(s, key).rows.find((r) => r.label === label)?.values;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
  const { campaign, rules } = await campaignOf(t, changchun, '吉林省教育厅');
  jilinCampaign = campaign.id;
  const star1 = await draftWith(
    t,
    changchun,
    jilinCampaign,
    completeStar(rules, 601, { focusGroups: ['老年人', '乡村农民'], workUnit: '长春市南关区永吉街道社区' }),
  );
  const star2 = await draftWith(
    t,
    changchun,
    jilinCampaign,
    completeStar(rules, 602, { focusGroups: ['退役军人'], workUnit: '吉林化纤集团有限公司' }),
  );
  const project = await draftWith(
    t,
    changchun,
    jilinCampaign,
    {
      ...completeProject(rules, 603, '2026-11-01'),
      entityType: '事业单位',
      participationsOffline: 0,
      participationsOnline: '1.2万',
    },
    'project',
  );
  await draftWith(t, changchun, jilinCampaign, completeStar(rules, 604), 'star', { materials: false });
  for (const n of [star1, star2, project])
    expect((await post(changchun, `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
  await post(jilin, `/api/nominations/${star1.id}/review`, { decision: 'accept' });
  await post(jilin, `/api/campaigns/${jilinCampaign}/transitions`, { to: 'reviewing' });
  await post(jilin, `/api/nominations/${star1.id}/transitions`, { to: 'shortlisted' });
  await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'announcing');
  await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'approved');
  changchun = await relogin(t, 'changchun');
  jilin = await relogin(t, 'jilin-admin');
  cace = await relogin(t, 'cace-admin');
  const national = (await campaignOf(t, jilin, '中国成人教育协会')).campaign;
  const forwarded = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
    targetCampaignId: national.id,
  });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  selectedStar = star1.id;
}, 120_000);
afterAll(() => t.close());

describe('the organiser’s statistics', () => {
  it('counts submitted nominations and winners by province, unit type and category, drafts left out', async () => {
    const s = await stats(jilin);
    expect(s.campaigns.map((c) => c.id)).toEqual([jilinCampaign]);
    expect(s.years).toEqual([2026]);
    expect(row(s, 'province', '吉林省')).toEqual([3, 1]);
    expect(row(s, 'unitType', '市（州）教育局')).toEqual([3, 1]);
    expect(row(s, 'category', '百姓学习之星')).toEqual([2, 1]);
    expect(row(s, 'category', '终身学习品牌项目')).toEqual([1, 0]);
    expect(s.figures.find((f) => f.key === 'nominations')).toMatchObject({
      current: 3,
      previous: 0,
      change: '上年无数据',
    });
    expect(chart(s, 'yearOnYear').columns).toEqual(['指标', '2025年', '2026年']);
  });

  it('groups stars by focus group, sex and age band, and everyone by sector, without personal data', async () => {
    const s = await stats(jilin);
    expect(row(s, 'focusGroup', '老年人')).toEqual([1, 1]);
    expect(row(s, 'focusGroup', '农民')).toEqual([1, 1]);
    expect(row(s, 'focusGroup', '退役军人')).toEqual([1, 0]);
    // idNumber(601) ends in an odd sequence digit (男), 602 in an even one (女); both born 1980-01-01.
    expect(row(s, 'sex', '男')).toEqual([1, 1]);
    expect(row(s, 'sex', '女')).toEqual([1, 0]);
    expect(row(s, 'ageBand', '45至54岁')).toEqual([2, 1]);
    // The star's 永吉街道社区 and the project's 长春市第603社区学习中心 (a 事业单位, read from its name).
    expect(row(s, 'sector', '街道社区')).toEqual([2, 1]);
    expect(row(s, 'sector', '企业')).toEqual([1, 0]);
    expect(JSON.stringify(s)).not.toMatch(/220102|学习之星60/);
  });

  it('reads participation, material checks and the submission timeline', async () => {
    const s = await stats(jilin);
    expect(row(s, 'participation', '仅线上')).toEqual([1]);
    expect(chart(s, 'participation').note).toContain('线上 12000 人次');
    const files = chart(s, 'materialQuality').rows.reduce((n, r) => n + r.values[0]!, 0);
    expect(files).toBeGreaterThan(0);
    expect(chart(s, 'timeline').rows).toEqual([{ label: '2026-11-02', values: [3] }]);
  });

  it('shows a province how its forwarded nominees fare in the national round (item 5)', async () => {
    const s = await stats(jilin);
    expect(row(s, 'forwardedFate', '报送上级')).toEqual([1, 0]);
    expect(row(s, 'forwardedFate', '评审中')).toEqual([1, 0]);
    expect(row(s, 'forwardedFate', '入选')).toEqual([0, 0]);
    // The national organiser sees the copy as its own nomination from 吉林省.
    const national = await stats(cace, 'year=2026&province=吉林省');
    expect(row(national, 'province', '吉林省')).toEqual([1, 0]);
  });

  it('filters by province: another province has none of Jilin’s figures', async () => {
    expect(row(await stats(jilin, 'year=2026&province=22'), 'province', '吉林省')).toEqual([3, 1]);
    const elsewhere = await stats(jilin, 'year=2026&province=江苏省');
    expect(elsewhere.filters).toMatchObject({ province: '32', provinceName: '江苏省' });
    expect(chart(elsewhere, 'province').rows).toEqual([]);
    expect(elsewhere.figures.find((f) => f.key === 'nominations')!.current).toBe(0);
  });

  it('refuses units and experts, and shows another organiser none of Jilin’s nominations', async () => {
    for (const session of [changchun, await loginAs(t, 'expert')]) {
      const response = await get(session, '/api/statistics');
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
      expect(response.json().message).toMatch(/组织单位/);
    }
    const national = await stats(cace, 'year=2026&level=provincial');
    expect(national.campaigns).toEqual([]);
    expect(national.charts.flatMap((c) => c.rows.flatMap((r) => r.values)).every((v) => v === 0)).toBe(true);
    expect(national.figures.every((f) => f.current === 0)).toBe(true);
  });

  it('answers bad filters with a Chinese message and a stable code', async () => {
    for (const [query, message] of [
      ['year=二〇二六', /年度/],
      ['year=1999', /2000/],
      ['level=county', /级别/],
      ['province=火星', /无法识别省份/],
      ['province=99', /无法识别省份/],
      ['colour=red', /./],
    ] as const) {
      const response = await get(jilin, `/api/statistics?${encodeURI(query)}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().message).toMatch(message);
      expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('export and activities', () => {
  it('exports every chart’s table to Excel with the same figures', async () => {
    const response = await get(jilin, '/api/statistics/export?year=2026&province=吉林省');
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'] as string)).toContain(
      '2026年吉林省推介工作统计.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('各省（区、市）推介与入选情况')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '省份', '推介数', '入选数']);
    expect(sheet.getRow(3).values).toEqual([undefined, '吉林省', 3, 1]);
    const figures = workbook.getWorksheet('主要数据')!;
    expect(figures.getRow(3).values).toEqual([undefined, '推介数', 3, 0, '上年无数据']);
  });

  it('counts winners’ 五进 activities by kind and month, each kind under its Chinese name', async () => {
    // Activities are recorded for published winners only: 公布 the round, then the unit records them.
    await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'published');
    const activity = {
      form: '阅读分享会',
      place: '长春市南关区永吉街道社区',
      host: '长春市教育局',
      report: '分享学习经历。',
    };
    for (const [kind, occurredOn, audience] of [
      ['community', '2026-11-05', 120],
      ['community', '2026-12-01', 80],
      ['campus', '2026-12-03', 300],
    ] as const) {
      const response = await post(changchun, `/api/winners/${selectedStar}/activities`, {
        ...activity,
        kind,
        occurredOn,
        audience,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const s = await stats(jilin);
    expect(chart(s, 'activityKind').rows).toEqual([
      { label: '进校园', values: [1, 300] },
      { label: '进社区', values: [2, 200] },
    ]);
    expect(chart(s, 'activityMonth').rows).toEqual([
      { label: '2026-11', values: [1] },
      { label: '2026-12', values: [2] },
    ]);
    expect(s.figures.find((f) => f.key === 'activities')!.current).toBe(3);
    const response = await get(jilin, '/api/statistics/export?year=2026');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('宣传活动分类型情况')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '进校园', 1, 300]);
    expect(sheet.getRow(4).values).toEqual([undefined, '进社区', 2, 200]);
  });
});

describe('the yearly report', () => {
  it('makes a DOCX with the figures, the charts as pictures, their tables and the winners', async () => {
    const response = await get(jilin, `/api/statistics/year-report?campaignId=${jilinCampaign}&format=docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('统计报告');
    expect(text).toContain('收到推介 3 个，其中百姓学习之星 2 名、终身学习品牌项目 1 个');
    expect(text).toContain('各省（区、市）推介与入选情况');
    expect(text).toContain('学习之星601号');
    expect(text).toContain('长春市教育局');
    expect(text).toContain('入选者共开展宣传推广活动 3 次（进校园 1 次，进社区 2 次），参与 500 人次。');
    expect(text).not.toMatch(/community|campus/);
    // Personal data never: no ID number, no phone.
    expect(text).not.toMatch(/22010219800101/);
    const pictures = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(pictures.length).toBeGreaterThan(5);
  });

  it('makes the same report as PDF, its text readable', async () => {
    const response = await get(jilin, `/api/statistics/year-report?campaignId=${jilinCampaign}&format=pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'year-report-'));
    try {
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, response.rawPayload);
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
      // Table cells wrap and pdftotext spaces out digits: compare without white space.
      const text = stdout.replace(/\s/g, '');
      expect(text).toContain('三、入选名单');
      expect(text).toContain('学习之星601号');
      expect(text).toContain('各省（区、市）推介与入选情况');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a campaign that is not the caller’s, and bad input, with Chinese messages', async () => {
    const other = await get(cace, `/api/statistics/year-report?campaignId=${jilinCampaign}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toMatch(/推介活动不存在/);
    const bad = await get(jilin, `/api/statistics/year-report?campaignId=abc&format=doc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().message).toMatch(/编号格式不正确|报告格式/);
    expect((await get(changchun, `/api/statistics/year-report?campaignId=${jilinCampaign}`)).statusCode).toBe(
      403,
    );
  });
});

describe('the facts read from the forms', () => {
  it('are read again when a form has a newer version, and when they are missing (as after a restore)', async () => {
    const before = await stats(jilin);
    expect(row(before, 'sector', '部队')).toEqual([0, 0]);
    const facts = () =>
      t.database.db.selectFrom('nominationFacts').select(['nominationId', 'sector', 'version']);
    const star = (await facts().where('nominationId', '=', selectedStar).executeTakeFirstOrThrow()).version;
    // A newer version of the form (a save bumps it): the 工作单位 now names a 部队.
    await sql`update nominations set form = jsonb_set(form, '{workUnit}', '"中国人民解放军某部队"'), version = version + 1
      where id = ${selectedStar}`.execute(t.database.db);
    const after = await stats(jilin);
    expect(row(after, 'sector', '部队')).toEqual([1, 1]);
    expect(row(after, 'sector', '街道社区')).toEqual([1, 0]);
    expect((await facts().where('nominationId', '=', selectedStar).executeTakeFirstOrThrow()).version).toBe(
      star + 1,
    );

    await t.database.db.deleteFrom('nominationFacts').execute();
    const again = await stats(jilin);
    expect(again.charts).toEqual(after.charts);
    expect((await facts().execute()).length).toBeGreaterThanOrEqual(3);
  });
});
