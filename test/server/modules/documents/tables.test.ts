/**
 * Organiser tables as XLSX (quota use, open findings, result list) read back through exceljs: right
 * rows in order, frozen header, set widths; units refused. And templates as data: a campaign's own
 * 推介表 layout (a renamed label, an extra row) is what the DOCX prints.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { defaultStarLayout } from '#core/documents/index.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  completeForm,
  loginAs as loginAccount,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  selectNominations,
} from '#test/support/factories/index.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;
const ids: string[] = [];

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });

async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const ws = workbook.worksheets[0]!;
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (ws.getCell(r, 1).isMerged && r > 2) continue; // a note under the table
    rows.push(Object.fromEntries(header.map((h, i) => [String(h), row.getCell(i + 1).value ?? ''])));
  }
  return { ws, header, rows };
}

beforeAll(async () => {
  t = await createTestApp({
    // 公示 and 审定 are lived through on the app's clock (a date the official calendar covers); the
    // sessions are set to outlast the period, as a deployment may configure them.
    clock: manualClock('2026-11-02T10:00:00+08:00'),
    config: { sessionIdleMinutes: 60 * 24 * 30, sessionMaxHours: 24 * 30 },
  });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  for (const [i, name] of ['阿依古丽·买买提', '王𪚥'].entries()) {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, i + 1, { name }));
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/submit`,
      headers: as(changchun),
    });
    if (submitted.statusCode !== 200) throw new Error(submitted.body);
    ids.push(draft.id);
  }
  // A draft with gaps: its findings are what the organiser chases.
  ids.push((await draftWith(t, changchun, campaignId, { name: '未完成' }, 'star', { materials: false })).id);
}, 120_000);
afterAll(() => t.close());

describe('organiser tables', () => {
  it('quota use: a row per reporting unit, frozen header, widths set', async () => {
    const response = await get(jilin, `/api/campaigns/${campaignId}/tables/quota.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('名额使用情况'));
    const { ws, header, rows } = await sheetOf(response.rawPayload);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(header.slice(0, 3)).toEqual(['报送单位', '单位类型', '百姓学习之星名额']);
    expect(ws.getColumn(1).width).toBe(28);
    expect(rows.find((r) => r.报送单位 === '长春市教育局')).toMatchObject({
      百姓学习之星名额: '6–10',
      百姓学习之星已报: 2,
      百姓学习之星草稿: 1,
    });
  });

  it('open findings: a draft’s only once its unit asks the organiser to look; errors first, in Chinese', async () => {
    const before = await get(jilin, `/api/campaigns/${campaignId}/tables/findings.xlsx`);
    expect(before.statusCode, before.body).toBe(200);
    expect((await sheetOf(before.rawPayload)).rows.some((r) => r['姓名／项目名称'] === '未完成')).toBe(false);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${ids[2]}/review-request`,
      headers: as(changchun),
      payload: { requested: true },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const response = await get(jilin, `/api/campaigns/${campaignId}/tables/findings.xlsx`);
    const { rows } = await sheetOf(response.rawPayload);
    const mine = rows.filter((r) => r['姓名／项目名称'] === '未完成');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ 报送单位: '长春市教育局', 状态: '草稿', 级别: '错误' });
    expect(String(mine[0]!.问题及处理办法)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('result list: refused in Chinese before there is one, then the selected in order', async () => {
    const none = await get(jilin, `/api/campaigns/${campaignId}/tables/results.xlsx`);
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain('尚无入选名单');
    // A round of its own run to the end: two nominations selected through review, 公示 and approval.
    const organiser = await newOrganiser(t);
    const unit = await newUnit(t, organiser, { name: '长春市教育局' });
    const round = await newCampaign(t, organiser);
    const selected: string[] = [];
    for (const name of ['阿依古丽·买买提', '王𪚥']) {
      const form = { ...completeForm(t, round, 'star'), name };
      selected.push((await newNomination(t, { campaign: round, unit, state: 'accepted', form })).id);
    }
    await selectNominations(t, round, selected);
    const response = await get(
      await loginAccount(t.app, organiser.admin),
      `/api/campaigns/${round.id}/tables/results.xlsx`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const { rows } = await sheetOf(response.rawPayload);
    expect(rows.map((r) => [r.序号, r['姓名／项目名称'], r.报送单位])).toEqual([
      [1, '阿依古丽·买买提', '长春市教育局'],
      [2, '王𪚥', '长春市教育局'],
    ]);
  }, 60_000);

  it('are the organiser’s: a unit is refused, an unknown table is a Chinese 400', async () => {
    const refused = await get(changchun, `/api/campaigns/${campaignId}/tables/quota.xlsx`);
    expect(refused.statusCode).toBe(403);
    const unknown = await get(jilin, `/api/campaigns/${campaignId}/tables/secret.xlsx`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('quota.xlsx');
  });
});

describe('the campaign’s own 推介表 layout', () => {
  it('prints a renamed label and an extra row in the DOCX', async () => {
    const detail = (await get(jilin, `/api/campaigns/${campaignId}`)).json();
    const layout = defaultStarLayout(rules);
    layout.rows[0]!.cells[0] = { label: '姓名（须与身份证一致）', span: 1, kind: 'text' };
    layout.rows.push({
      cells: [
        { label: '省级推荐意见', span: 1, kind: 'text' },
        { field: 'awards', span: 6, kind: 'paragraph' },
      ],
      minHeightMm: 20,
    });
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/rules`,
      headers: as(jilin),
      payload: {
        rules: { ...detail.rules, documents: { starForm: layout } },
        rulesVersion: detail.campaign.rulesVersion,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await get(changchun, `/api/nominations/${ids[0]}/form.docx`);
    expect(response.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('姓名（须与身份证一致）');
    expect(xml).toContain('省级推荐意见');
  });

  it('refuses a layout of the wrong shape and reports an unknown field in Chinese', async () => {
    const detail = (await get(jilin, `/api/campaigns/${campaignId}`)).json();
    const layout = defaultStarLayout(rules);
    layout.rows.push({
      cells: [
        { label: '爱好', span: 1, kind: 'text' },
        { field: 'hobby', span: 6, kind: 'text' },
      ],
    });
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/rules`,
      headers: as(jilin),
      payload: {
        rules: { ...detail.rules, documents: { starForm: layout } },
        rulesVersion: detail.campaign.rulesVersion,
      },
    });
    const body = saved.json();
    const findings = body.findings ?? body.details?.findings ?? [];
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'FORM_LAYOUT_UNKNOWN_FIELD',
        message: expect.stringContaining('hobby'),
      }),
    );
  });
});
