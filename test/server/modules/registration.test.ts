import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  for (const n of [1, 2, 3]) {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, n));
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/submit`,
      headers: as(changchun),
    });
    ids.push(draft.id);
  }
});
afterAll(() => t.close());

const table = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/nominations?campaignId=${campaignId}&category=star`,
      headers: as(changchun),
    })
  )
    .json()
    .items.filter((n: { rank: number | null }) => n.rank !== null)
    .sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank);

describe('推介登记表', () => {
  it('takes the unit’s 排序 as a whole and refuses a stale one', async () => {
    const order = [ids[2], ids[0], ids[1]];
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/nominations/registration',
      headers: as(changchun),
      payload: { campaignId, category: 'star', order },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await table()).map((n: { id: string }) => n.id)).toEqual(order);
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/nominations/registration',
      headers: as(changchun),
      payload: { campaignId, category: 'star', order: [ids[0], ids[1]] },
    });
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('marks one special with its 排序备注 and refuses a second', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${ids[0]}/special`,
      headers: as(changchun),
      payload: { special: true },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().nomination).toMatchObject({ special: true, remark: '事迹特别感人' });
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${ids[1]}/special`,
      headers: as(changchun),
      payload: { special: true },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('QUOTA_EXCEEDED');
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${ids[0]}/special`,
      headers: as(changchun),
      payload: { special: false },
    });
    expect(off.json().nomination.remark).toBe('');
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${ids[0]}/special`,
      headers: as(changchun),
      payload: { special: true },
    });
  });

  it('shows the organiser every unit’s quota use, with a warning below the minimum', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/quota-dashboard`,
      headers: as(jilin),
    });
    expect(response.statusCode, response.body).toBe(200);
    const units = response.json().units;
    expect(units.length).toBeGreaterThanOrEqual(15);
    const cc = units.find((u: { unitName: string }) => u.unitName === '长春市教育局');
    expect(cc.star).toEqual({ min: 6, max: 10, used: 2, special: 1, drafts: 0 });
    expect(cc.findings.map((f: { code: string }) => f.code)).toContain('QUOTA_BELOW_MIN');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/campaigns/${campaignId}/quota-dashboard`,
          headers: as(changchun),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('exports the list as an Excel table in 排序 order with masked ID numbers, and audits the export', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/nominations/export?campaignId=${campaignId}`,
      headers: as(changchun),
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('报送单位');
    const rows = [3, 4, 5].map((r) => sheet.getRow(r).values as unknown[]);
    expect(rows.map((r) => r[3])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[4])).toEqual(['学习之星3号', '学习之星1号', '学习之星2号']);
    expect(rows[1]![7]).toBe('事迹特别感人');
    expect(String(rows[0]![6])).toMatch(/^22\*+\d{3}[\dX]$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Submission times in Beijing time as officials write them; identifiers kept as text.
    expect(sheet.getRow(2).getCell(9).value).toBe('提交时间');
    for (const row of rows) expect(row[9]).toMatch(/^20\d\d年\d{1,2}月\d{1,2}日 [0-2]\d:[0-5]\d$/);
    expect(sheet.getColumn(6).numFmt).toBe('@');
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?action=nomination.exported', headers: as(jilin) })
    ).json();
    expect(audit.items[0].after).toEqual({ count: 3 });
  });
});

describe('list rows', () => {
  it('show the work unit and, while a nomination is being edited, how many problems remain', async () => {
    const draft = await draftWith(t, changchun, campaignId, {
      name: '未完成的推介',
      workUnit: '长春市某社区',
    });
    const items = (
      await t.app.inject({
        method: 'GET',
        url: `/api/nominations?campaignId=${campaignId}`,
        headers: as(changchun),
      })
    ).json().items;
    const row = items.find((n: { id: string }) => n.id === draft.id);
    expect(row.entity).toBe('长春市某社区');
    expect(row.openErrors).toBeGreaterThan(5);
    expect(items.find((n: { id: string }) => n.id === ids[0]).openErrors).toBeNull();
  });

  it('tell a unit it may nominate in its campaign, and the organiser that it may not', async () => {
    const unitView = (
      await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}`, headers: as(changchun) })
    ).json();
    expect(unitView.campaign.actions).toContain('nominate');
    const organiserView = (
      await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}`, headers: as(jilin) })
    ).json();
    expect(organiserView.campaign.actions).not.toContain('nominate');
  });
});
