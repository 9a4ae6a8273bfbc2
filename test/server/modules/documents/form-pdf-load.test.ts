/**
 * 推介表 PDFs under load (issue #15), through the API with real LibreOffice: a submitted form is converted
 * once however often it is asked for, and one account cannot have more than two conversions at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { findSoffice, pdfConverter } from '#server/platform/documents/convert-to-pdf.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let otherUnit: Session;
let otherDraft: string;
let submitted: string;
const drafts: string[] = [];

const pdf = (session: Session, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/nominations/${id}/form.pdf`, headers: as(session) });

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  const { campaign, rules } = (await campaignOf(t, changchun, '吉林省教育厅')) as {
    campaign: { id: string };
    rules: CampaignRules;
  };
  const draft = await draftWith(t, changchun, campaign.id, completeStar(rules, 1, { name: '张三' }));
  const submit = await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${draft.id}/submit`,
    headers: as(changchun),
  });
  if (submit.statusCode !== 200) throw new Error(submit.body);
  submitted = draft.id;
  for (const i of [2, 3, 4]) {
    const d = await draftWith(t, changchun, campaign.id, completeStar(rules, i), 'star', {
      materials: false,
    });
    drafts.push(d.id);
  }
  otherUnit = await secondUnitSession(t, jilin);
  otherDraft = (
    await draftWith(t, otherUnit, campaign.id, completeStar(rules, 5), 'star', { materials: false })
  ).id;
}, 120_000);
afterAll(() => t.close());

describe.skipIf(!findSoffice() && !process.env.CI)('推介表 PDF under load', () => {
  it('converts a submitted form once, however many ask for it at once or later', async () => {
    const before = pdfConverter.stats.documents;
    const first = await Promise.all([1, 2, 3].map(() => pdf(changchun, submitted)));
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(pdfConverter.stats.documents).toBe(before + 1);
    const later = await pdf(changchun, submitted);
    expect(later.statusCode).toBe(200);
    expect(later.rawPayload.equals(first[0]!.rawPayload)).toBe(true);
    expect(pdfConverter.stats.documents).toBe(before + 1);
    // The organiser sees the same form (full personal data, as the unit does): the same PDF.
    expect((await pdf(jilin, submitted)).rawPayload.equals(later.rawPayload)).toBe(true);
    expect(pdfConverter.stats.documents).toBe(before + 1);
  }, 180_000);

  it('refuses an account its third conversion at a time with PDF_BUSY, and serves another account meanwhile', async () => {
    const answers = await Promise.all([
      ...drafts.map((id) => pdf(changchun, id)),
      pdf(otherUnit, otherDraft),
    ]);
    const unit = answers.slice(0, 3);
    expect(unit.map((r) => r.statusCode).sort()).toEqual([200, 200, 429]);
    expect(unit.find((r) => r.statusCode === 429)!.json()).toEqual({
      code: 'PDF_BUSY',
      message: '正在生成您之前请求的文件，请稍候再试',
    });
    expect(answers[3]!.statusCode).toBe(200);
    // Once those are done the unit may ask again.
    expect((await pdf(changchun, drafts[2]!)).statusCode).toBe(200);
  }, 240_000);
});
