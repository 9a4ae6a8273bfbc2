import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { projectForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { lastMoveOf } from '#test/support/database.ts';
import { moveCampaignAs, sessionActor } from '#test/support/factories/index.ts';
import { campaignOf, completeStar, draftWith, idNumber } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let cace: Session;
let jilinCampaign: string;
let rules: CampaignRules;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
  ({
    campaign: { id: jilinCampaign },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
});
afterAll(() => t.close());

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow([
    '年度',
    '级别',
    '类别',
    '姓名/项目名称',
    '省份或单位',
    '工作单位或实施主体',
    '身份证号',
    '统一社会信用代码',
  ]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(session: Session, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return t.app.inject({
    method: 'POST',
    url: '/api/previous-winners/import',
    headers: as(session),
    payload: form,
  });
}

describe('previous winners', () => {
  it('reports every bad row by row and column and imports nothing from such a file', async () => {
    const response = await upload(
      cace,
      await xlsx([
        [2022, '全国', '百姓学习之星', '赵大爷', '吉林省', '某社区', idNumber(500), ''],
        ['二〇二二', '全国', '学习明星', '钱阿姨', '吉林省', '', '123', ''],
      ]),
      '名单.xlsx',
    );
    expect(response.statusCode).toBe(422);
    const where = response
      .json()
      .details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(where).toEqual(expect.arrayContaining(['3:年度', '3:类别', '3:身份证号']));
    expect(where.some((w: string) => w.startsWith('2:'))).toBe(false);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/previous-winners', headers: as(cace) })).json().total,
    ).toBe(0);
  });

  it('imports a list, also as a CSV saved by Excel in GB18030, and lists it with ID numbers masked', async () => {
    const good = await upload(
      cace,
      await xlsx([[2022, '全国', '百姓学习之星', '赵大爷', '吉林省', '某社区', idNumber(500), '']]),
      '2022年名单.xlsx',
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 1, updated: 0, unchanged: 0 });
    // What Excel on Chinese Windows writes for「另存为 CSV」: GB18030, not UTF-8.
    const csv = await readFile(path.resolve(import.meta.dirname, '../../fixtures/winners-excel-gb18030.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(csv)).toThrow();
    expect((await upload(cace, csv, '2021年名单.csv')).json()).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
    });
    const project = (
      await t.app.inject({ method: 'GET', url: '/api/previous-winners?category=project', headers: as(cace) })
    ).json();
    expect(project.items[0].name).toBe('“银龄学堂”老年教育项目');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/previous-winners?q=赵', headers: as(cace) })
    ).json();
    expect(list.items[0]).toMatchObject({ name: '赵大爷', year: 2022 });
    expect(list.items[0].idNumber).toBe(`22************${idNumber(500).slice(14)}`);
    // Sealed at rest (decision 0016): the row holds the envelope and the keyed hash, never the number.
    const { rows } = await sql<{ row: string }>`
      SELECT p::text AS row FROM previous_winners p WHERE name = '赵大爷'`.execute(t.database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(idNumber(500));
    expect(rows[0]!.row).not.toContain(idNumber(500).slice(0, 14));
    expect(rows[0]!.row).toContain('"kid"');
    // The whole number still finds the record, by its hash.
    const byNumber = (
      await t.app.inject({
        method: 'GET',
        url: `/api/previous-winners?q=${idNumber(500)}`,
        headers: as(cace),
      })
    ).json();
    expect(byNumber.items.map((w: { name: string }) => w.name)).toEqual(['赵大爷']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/previous-winners', headers: as(changchun) }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses to submit a previous national winner, found by 身份证号, in the national round', async () => {
    const { campaign, rules: nationalRules } = await campaignOf(t, jilin, '中国成人教育协会');
    const n = await draftWith(t, jilin, campaign.id, completeStar(nationalRules, 500, { name: '赵大爷' }));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${n.id}/submit`,
      headers: as(jilin),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DUPLICATE_WINNER');
    expect(refused.json().message).toContain('已获评');
    // The national organiser reads the record itself, once the unit asks it to look at the draft.
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${n.id}/review-request`,
      headers: as(jilin),
      payload: { requested: true },
    });
    const seen = await t.app.inject({ method: 'GET', url: `/api/nominations/${n.id}`, headers: as(cace) });
    expect(JSON.stringify(seen.json().nomination.findings)).toContain(
      '2022年全国“百姓学习之星”获评者“赵大爷”',
    );
  });
});

describe('a programme nearly the same as a previous winner', () => {
  it('is shown as a warning with the matching record, not refused', async () => {
    const form = projectForm({
      name: '银龄学堂（老年教育项目）',
      attestations: {
        conditions: rules.eligibility.project.conditions.map(() => true),
        creditRecord: true,
        creditCheckedOn: '2026-11-20',
      },
    });
    // The 2021 list is national: the programme is compared in the national round, here reported by Jilin.
    const { campaign } = await campaignOf(t, jilin, '中国成人教育协会');
    const draft = await draftWith(t, jilin, campaign.id, form, 'project');
    // Autosaves skip the registry; opening the nomination (and submitting it) checks it.
    expect(draft.findings.some((f: { code: string }) => f.code === 'POSSIBLE_PREVIOUS_WINNER')).toBe(false);
    const opened = (s: Session) =>
      t.app.inject({ method: 'GET', url: `/api/nominations/${draft.id}`, headers: as(s) });
    const warningIn = (n: { findings: { code: string; message: string }[] }) =>
      n.findings.find((f) => f.code === 'POSSIBLE_PREVIOUS_WINNER');
    // A draft is the unit's own: the organiser reads it once the unit asks it to look.
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/review-request`,
      headers: as(jilin),
      payload: { requested: true },
    });
    const n = (await opened(cace)).json().nomination;
    expect(warningIn(n), JSON.stringify(n.findings)).toMatchObject({ severity: 'warning' });
    expect(warningIn(n)!.message).toContain('2021');
    // The unit reads that a programme like it has won, not which one.
    const unitView = warningIn((await opened(jilin)).json().nomination)!;
    expect(unitView.message).toContain('与一个已获评项目相同或相近');
    expect(unitView.message).not.toContain('银龄学堂');
  });
});

describe('levels: a province forwards its selected nominations to the national round', () => {
  it('takes Jilin’s selected star through review and approval into the national campaign as 吉林省教育厅’s own', async () => {
    const n = await draftWith(t, changchun, jilinCampaign, completeStar(rules, 600, { name: '孙老师' }));
    const post = (s: Session, url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers: as(s), payload });
    expect((await post(changchun, `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
    expect(
      (await post(jilin, `/api/nominations/${n.id}/review`, { decision: 'accept' })).json().nomination.state,
    ).toBe('accepted');
    // Forwarding before the result is approved is refused.
    const national = (await campaignOf(t, jilin, '中国成人教育协会')).campaign;
    const early = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
      targetCampaignId: national.id,
    });
    expect(early.statusCode).toBe(409);

    await post(jilin, `/api/campaigns/${jilinCampaign}/transitions`, { to: 'reviewing' });
    expect(
      (await post(jilin, `/api/nominations/${n.id}/transitions`, { to: 'shortlisted' })).json().nomination
        .state,
    ).toBe('shortlisted');
    // 公示 and 审定 are their own use cases; the campaign is moved the way they move it.
    await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'announcing');
    await moveCampaignAs(t, await sessionActor(t, jilin), jilinCampaign, 'approved');
    // The 公示 period has passed on the app's clock: everyone signs in again.
    changchun = await relogin(t, 'changchun');
    jilin = await relogin(t, 'jilin-admin');
    cace = await relogin(t, 'cace-admin');
    // 审定 makes the 拟推介 star 入选 by itself: the platform's move in the approver's transaction.
    expect(await lastMoveOf(t.database, n.id)).toEqual({
      actorId: null,
      from: 'shortlisted',
      to: 'selected',
      label: '审定入选',
    });

    const forwarded = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
      targetCampaignId: national.id,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().forwarded).toEqual([
      expect.objectContaining({ title: '孙老师', category: 'star' }),
    ]);
    const source = (
      await t.app.inject({ method: 'GET', url: `/api/nominations/${n.id}`, headers: as(jilin) })
    ).json().nomination;
    expect(source.state).toBe('forwarded');

    const seenByNational = (
      await t.app.inject({
        method: 'GET',
        url: `/api/nominations?campaignId=${national.id}`,
        headers: as(cace),
      })
    )
      .json()
      // The drafts of the tests above stay drafts; the forwarded nomination arrives submitted.
      .items.filter((n: { state: string }) => n.state !== 'draft');
    expect(seenByNational).toEqual([
      expect.objectContaining({ unitName: '吉林省教育厅', title: '孙老师', state: 'submitted', rank: 1 }),
    ]);
    const dashboard = (
      await t.app.inject({
        method: 'GET',
        url: `/api/campaigns/${national.id}/quota-dashboard`,
        headers: as(cace),
      })
    ).json();
    expect(dashboard.units.find((u: { unitName: string }) => u.unitName === '吉林省教育厅').star.used).toBe(
      1,
    );

    const again = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
      targetCampaignId: national.id,
    });
    expect(again.statusCode).toBe(409);
  });
});
