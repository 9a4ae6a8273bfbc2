/**
 * Document downloads through the API: who gets which file, Chinese file names, the audit row, and a
 * file that opens (the DOCX holds the nominee's text, the XLSX lists the unit's table in 排序 order).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let expert: Session;
let campaignId: string;
let rules: CampaignRules;
const ids: string[] = [];

const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(session) });

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  expert = await loginAs(t, 'expert');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  const names = ['阿依古丽·买买提', '王𪚥', '李四'];
  for (const [i, name] of names.entries()) {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, i + 1, { name }));
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${draft.id}/submit`,
      headers: as(changchun),
    });
    if (submitted.statusCode !== 200) throw new Error(submitted.body);
    ids.push(draft.id);
  }
  await t.app.inject({
    method: 'PUT',
    url: '/api/nominations/registration',
    headers: as(changchun),
    payload: { campaignId, category: 'star', order: [ids[2], ids[0], ids[1]] },
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${ids[0]}/special`,
    headers: as(changchun),
    payload: { special: true },
  });
}, 60_000);
afterAll(() => t.close());

const downloads = () =>
  t.database.db
    .selectFrom('auditLog')
    .select(['actorName', 'entityId', 'after'])
    .where('action', '=', 'document.downloaded')
    .execute();

describe('推介表 downloads', () => {
  it('gives the unit its form as DOCX with a Chinese file name, and audits it', async () => {
    const response = await get(changchun, `/api/nominations/${ids[0]}/form.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('百姓学习之星推介表-阿依古丽·买买提.docx')}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const zip = await JSZip.loadAsync(response.rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('阿依古丽·买买提');
    // The footer ties the paper copy to the submitted snapshot.
    const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')));
    expect(footers.join('')).toContain('内容校验码');
    expect(await downloads()).toContainEqual(
      expect.objectContaining({ entityId: ids[0], after: { document: 'form', format: 'docx' } }),
    );
  });

  it('lets the organiser download it too, and nobody else', async () => {
    expect((await get(jilin, `/api/nominations/${ids[1]}/form.docx`)).statusCode).toBe(200);
    const refused = await get(expert, `/api/nominations/${ids[1]}/form.docx`);
    expect(refused.statusCode).toBe(404);
  });

  it.skipIf(!findSoffice() && !process.env.CI)(
    'gives the form as PDF when LibreOffice is installed',
    async () => {
      const response = await get(changchun, `/api/nominations/${ids[2]}/form.pdf`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );

  it('says in Chinese, with PDF_UNAVAILABLE, when LibreOffice is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const response = await get(changchun, `/api/nominations/${ids[2]}/form.pdf`);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'PDF_UNAVAILABLE',
        message: expect.stringContaining('LibreOffice'),
      });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('推介登记表 download', () => {
  const rowsOf = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    return workbook.worksheets.map((ws) => ({
      name: ws.name,
      rows: ws
        .getRows(5, ws.rowCount - 4)!
        .map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(11).value]),
    }));
  };

  it('gives the unit its own table in 排序 order with the special noted', async () => {
    const response = await get(
      changchun,
      `/api/campaigns/${campaignId}/registration-table.xlsx?category=star`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`${rules.year}年百姓学习之星推介登记表-`),
    );
    const [sheet, ...others] = await rowsOf(response.rawPayload);
    expect(others).toEqual([]);
    expect(sheet!.rows).toEqual([
      [1, '李四', ''],
      [2, '阿依古丽·买买提', '事迹特别感人'],
      [3, '王𪚥', ''],
    ]);
    expect(await downloads()).toContainEqual(
      expect.objectContaining({
        entityId: campaignId,
        after: expect.objectContaining({ document: 'registration' }),
      }),
    );
  });

  it('gives the organiser any unit’s table, and refuses a bad category in Chinese', async () => {
    const response = await get(jilin, `/api/campaigns/${campaignId}/registration-table.xlsx?category=star`);
    expect(response.statusCode, response.body).toBe(200);
    expect((await rowsOf(response.rawPayload)).flatMap((s) => s.rows)).toHaveLength(3);
    const bad = await get(jilin, `/api/campaigns/${campaignId}/registration-table.xlsx?category=x`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives an empty project table rather than failing', async () => {
    const response = await get(
      changchun,
      `/api/campaigns/${campaignId}/registration-table.xlsx?category=project`,
    );
    expect(response.statusCode, response.body).toBe(200);
  });
});
