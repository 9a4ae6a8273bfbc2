/**
 * A draft is the reporting unit's own work: until it is submitted the organiser sees it only as a
 * count. Lists, the detail route, its material, the Excel export, the 推介表 documents and the
 * organiser's tables say nothing of it; the quota dashboard counts it. A unit may ask the organiser
 * to look at one draft (to waive a file that cannot be fixed): then, and only then, the organiser
 * sees that draft, until the unit takes the request back.
 */
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

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
}, 60_000);
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });

async function workbookText(body: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const cells: string[] = [];
  for (const ws of workbook.worksheets)
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value ?? ''));
      });
    });
  return cells.join('\n');
}

describe('a unit’s draft before the organiser', () => {
  it('is a count only: no list row, no detail, no material, no export, no document, no table row', async () => {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 501, { name: '草稿中的人' }));
    const materials = (await call(changchun, 'GET', `/api/nominations/${draft.id}/materials`)).json();
    const fileId = materials.slots.flatMap((s: { files: { id: string }[] }) => s.files)[0].id;

    // The unit itself sees everything of its draft.
    expect((await call(changchun, 'GET', `/api/nominations/${draft.id}`)).statusCode).toBe(200);

    const list = await call(jilin, 'GET', `/api/nominations?campaignId=${campaignId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((n: { id: string }) => n.id)).not.toContain(draft.id);
    const byState = await call(jilin, 'GET', `/api/nominations?campaignId=${campaignId}&state=draft`);
    expect(byState.json().items).toEqual([]);

    for (const url of [
      `/api/nominations/${draft.id}`,
      `/api/nominations/${draft.id}/materials`,
      `/api/nominations/${draft.id}/form.docx`,
      `/api/materials/${fileId}/content`,
      `/api/materials/${fileId}/preview`,
    ]) {
      const response = await call(jilin, 'GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('草稿中的人');
    }

    const exported = await call(jilin, 'GET', `/api/nominations/export?campaignId=${campaignId}`);
    expect(exported.statusCode).toBe(200);
    expect(await workbookText(exported.rawPayload)).not.toContain('草稿中的人');
    const findings = await call(jilin, 'GET', `/api/campaigns/${campaignId}/tables/findings.xlsx`);
    expect(findings.statusCode).toBe(200);
    expect(await workbookText(findings.rawPayload)).not.toContain('草稿中的人');

    const dashboard = (await call(jilin, 'GET', `/api/campaigns/${campaignId}/quota-dashboard`)).json();
    const mine = dashboard.units.find((u: { unitName: string }) => u.unitName === '长春市教育局');
    expect(mine.star.drafts).toBe(1);

    // Once submitted, it is before the organiser.
    const submitted = await call(changchun, 'POST', `/api/nominations/${draft.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const seen = await call(jilin, 'GET', `/api/nominations/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().nomination.title).toBe('草稿中的人');
    expect((await call(jilin, 'GET', `/api/materials/${fileId}/content`)).statusCode).toBe(200);

    // Withdrawn, it is the unit's again.
    expect((await call(changchun, 'POST', `/api/nominations/${draft.id}/withdraw`)).statusCode).toBe(200);
    expect((await call(jilin, 'GET', `/api/nominations/${draft.id}`)).statusCode).toBe(404);
  });

  it('is shown to the organiser only while the unit asks for a review, so a file can be waived', async () => {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 502, { name: '请审核的人' }));
    const fileId = (await call(changchun, 'GET', `/api/nominations/${draft.id}/materials`))
      .json()
      .slots.flatMap((s: { files: { id: string }[] }) => s.files)[0].id;
    expect((await call(jilin, 'GET', `/api/nominations/${draft.id}`)).statusCode).toBe(404);

    // Only the unit asks, and only for its own draft.
    const byOrganiser = await call(jilin, 'POST', `/api/nominations/${draft.id}/review-request`, {
      requested: true,
    });
    expect(byOrganiser.statusCode).toBe(404);
    const asked = await call(changchun, 'POST', `/api/nominations/${draft.id}/review-request`, {
      requested: true,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().nomination.reviewRequested).toBe(true);

    const seen = await call(jilin, 'GET', `/api/nominations/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().nomination).toMatchObject({ state: 'draft', title: '请审核的人' });
    const listed = (await call(jilin, 'GET', `/api/nominations?campaignId=${campaignId}`)).json().items;
    expect(listed.map((n: { id: string }) => n.id)).toContain(draft.id);
    expect((await call(jilin, 'GET', `/api/materials/${fileId}/content`)).statusCode).toBe(200);

    const taken = await call(changchun, 'POST', `/api/nominations/${draft.id}/review-request`, {
      requested: false,
    });
    expect(taken.statusCode).toBe(200);
    expect((await call(jilin, 'GET', `/api/nominations/${draft.id}`)).statusCode).toBe(404);

    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('entityId', '=', draft.id)
      .where('action', 'like', 'nomination.review_%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'nomination.review_requested',
      'nomination.review_request_withdrawn',
    ]);
  });

  it('ends the request when the draft is submitted: withdrawn and a draft again, it is the unit’s again', async () => {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 504, { name: '改过主意的' }));
    expect(
      (await call(changchun, 'POST', `/api/nominations/${draft.id}/review-request`, { requested: true }))
        .statusCode,
    ).toBe(200);
    expect((await call(changchun, 'POST', `/api/nominations/${draft.id}/submit`)).statusCode).toBe(200);
    expect((await call(changchun, 'POST', `/api/nominations/${draft.id}/withdraw`)).statusCode).toBe(200);
    const again = await call(changchun, 'POST', `/api/nominations/${draft.id}/transitions`, { to: 'draft' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().nomination).toMatchObject({ state: 'draft', reviewRequested: false });
    expect((await call(jilin, 'GET', `/api/nominations/${draft.id}`)).statusCode).toBe(404);
  });

  it('refuses a review request for a nomination that is not a draft, in Chinese', async () => {
    const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 503));
    expect((await call(changchun, 'POST', `/api/nominations/${draft.id}/submit`)).statusCode).toBe(200);
    const refused = await call(changchun, 'POST', `/api/nominations/${draft.id}/review-request`, {
      requested: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/草稿/);
  });
});
