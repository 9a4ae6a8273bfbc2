/**
 * The project's 工作总结 is asked for once (issue #10, item 13), as the notices do: the document in its
 * material slot. Text written on the page is optional and can be turned into that document, which the
 * check job then judges like an upload; a project with only an uploaded document submits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { summaryPdf } from '#server/seed/demo-files.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { checkedMaterials, supplyRequiredMaterials, uploadThroughTus } from '#test/support/materials.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let unit: Session;
let organiser: Session;
let campaignId: string;
let rules: CampaignRules;

beforeAll(async () => {
  t = await createTestApp();
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, unit, '吉林省教育厅'));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(unit), payload });
const generate = (id: string) => call('POST', `/api/nominations/${id}/materials/work-summary`, {});
const slotOf = async (id: string) =>
  (await call('GET', `/api/nominations/${id}/materials`))
    .json()
    .slots.find((s: { slot: { id: string } }) => s.slot.id === 'workSummary');

describe('the work summary, asked for once', () => {
  it('needs no text on the page: a project with the uploaded document submits', async () => {
    const form = { ...completeProject(rules, 1, todayInShanghai(new Date())), workSummary: '' };
    const n = await draftWith(t, unit, campaignId, form, 'project');
    expect(n.findings.map((f: { field: string }) => f.field)).not.toContain('workSummary');
    const submitted = await call('POST', `/api/nominations/${n.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('still wants the document when the text is written, until it is generated from the text', async () => {
    const n = await draftWith(
      t,
      unit,
      campaignId,
      completeProject(rules, 2, todayInShanghai(new Date())),
      'project',
      {
        materials: false,
      },
    );
    const before = (await call('GET', `/api/nominations/${n.id}`)).json().nomination.findings;
    expect(before).toContainEqual(
      expect.objectContaining({ code: 'MATERIAL_MISSING', field: 'materials.project.workSummary' }),
    );

    const made = await generate(n.id);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().material).toMatchObject({
      slotId: 'workSummary',
      fileName: '第2号社区学习品牌项目-工作总结.docx',
    });
    const [checked] = (await checkedMaterials(t, n.id)).filter((m) => m.slotId === 'workSummary');
    expect(checked).toMatchObject({ state: 'passed' });
    const content = await call('GET', `/api/materials/${checked!.id}/content`);
    // A Word document (a ZIP holding word/document.xml) carrying the text typed on the page.
    expect(content.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(content.rawPayload.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect((await slotOf(n.id)).status).toBe('passed');

    // One document per slot: a second is refused until the first is deleted.
    const again = await generate(n.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('请先删除');

    await supplyRequiredMaterials(t, unit, n.id);
    expect((await call('POST', `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityId=${checked!.id}&action=material.generated`,
      headers: as(organiser),
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('refuses to generate without text, for a star, or for anyone but the unit, and stores nothing', async () => {
    const empty = await draftWith(t, unit, campaignId, { name: '没写总结的项目' }, 'project', {
      materials: false,
    });
    const none = await generate(empty.id);
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('请先在“工作总结”中填写内容，再生成文档。');
    const star = await draftWith(t, unit, campaignId, completeStar(rules, 3), 'star', { materials: false });
    expect((await generate(star.id)).statusCode).toBe(400);
    expect((await slotOf(empty.id)).files).toEqual([]);
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${empty.id}/materials/work-summary`,
      headers: as(organiser),
      payload: {},
    });
    // A draft is the unit's own: to the organiser it does not exist.
    expect(stranger.statusCode).toBe(404);
    expect((await slotOf(empty.id)).files).toEqual([]);
  });

  it('a document uploaded by hand is kept: generating does not replace it', async () => {
    const n = await draftWith(
      t,
      unit,
      campaignId,
      completeProject(rules, 4, todayInShanghai(new Date())),
      'project',
      {
        materials: false,
      },
    );
    const { materialId } = await uploadThroughTus(t, unit, {
      nominationId: n.id,
      setKey: 'project',
      slotId: 'workSummary',
      filename: '本单位的工作总结.pdf',
      data: summaryPdf(),
    });
    expect(materialId).toBeDefined();
    expect((await generate(n.id)).statusCode).toBe(409);
    expect((await slotOf(n.id)).files.map((f: { id: string }) => f.id)).toEqual([materialId]);
  });
});
