/**
 * Issue 13, item 4: a province's approved winners go on to the national round with their materials (the
 * forwarding module: 入选 → 已报送上级 is allowed once the campaign is 已审定). And item 5 on a server
 * without LibreOffice: the publication goes through without the PDF and says so; it is never refused.
 * On the demo tree: 长春 nominates in Jilin's round, 吉林省教育厅 organises it and reports to 中国成人教育协会,
 * whose 审定人 approves.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  endAnnouncementPeriod,
  newAnnouncement,
  sessionActor,
  type TestCampaign,
  type TestOrganiser,
} from '#test/support/factories/index.ts';
import { checkedMaterials } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let approver: Session;
let jilinCampaign: string;
let nationalCampaign: string;
let star: string;

const post = (s: Session, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });

beforeAll(async () => {
  // The 公示 period is lived through on the app's clock (a date the official calendar covers).
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  approver = await loginAs(t, 'approver');
  const cace = await loginAs(t, 'cace-admin');
  const jilinRound = await campaignOf(t, changchun, '吉林省教育厅');
  jilinCampaign = jilinRound.campaign.id;
  nationalCampaign = (await campaignOf(t, cace, '中国成人教育协会')).campaign.id;
  star = (
    await draftWith(t, changchun, jilinCampaign, completeStar(jilinRound.rules, 830, { name: '周老师' }))
  ).id;
  expect((await post(changchun, `/api/nominations/${star}/submit`)).statusCode).toBe(200);
  expect((await post(jilin, `/api/nominations/${star}/review`, { decision: 'accept' })).statusCode).toBe(200);
  await post(jilin, `/api/campaigns/${jilinCampaign}/transitions`, { to: 'reviewing' });
  await post(jilin, `/api/nominations/${star}/transitions`, { to: 'shortlisted' });
  // The 公示 through the announcement factory, as Jilin's organiser.
  const admin = await sessionActor(t, jilin);
  const organiser = {
    organisationId: admin.organisationId,
    organisationPath: admin.organisationPath,
    name: '吉林省教育厅',
    type: 'provincial_edu',
    admin: { id: admin.accountId, actor: admin },
  } as unknown as TestOrganiser;
  const campaign = { id: jilinCampaign, rules: jilinRound.rules, organiser } as unknown as TestCampaign;
  const announcement = await newAnnouncement(t, campaign, { state: 'open' });
  await endAnnouncementPeriod(t, announcement);
  // Sessions lapse while the period runs: everyone signs in again, as they would.
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  approver = await loginAs(t, 'approver');
  const approved = await post(approver, `/api/campaigns/${jilinCampaign}/approval`);
  expect(approved.statusCode, approved.body).toBe(200);
}, 240_000);
afterAll(() => t?.close());

describe('after 审定', () => {
  it('the province forwards its approved winner to the national round with its files', async () => {
    const forwarded = await post(jilin, `/api/campaigns/${jilinCampaign}/forward`, {
      targetCampaignId: nationalCampaign,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().forwarded).toEqual([
      expect.objectContaining({ title: expect.stringContaining('周老师') }),
    ]);
    const copy = await t.database.db
      .selectFrom('nominations')
      .select(['id', 'campaignId', 'state'])
      .where('forwardedFrom', '=', star)
      .executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ campaignId: nationalCampaign, state: 'submitted' });
    const files = (id: string) =>
      t.database.db
        .selectFrom('materials')
        .select(['slotId', 'sha256'])
        .where('nominationId', '=', id)
        .orderBy('slotId')
        .orderBy('sha256')
        .execute();
    const source = await files(star);
    expect(source.length).toBeGreaterThan(0);
    expect(await files(copy.id)).toEqual(source);
    await checkedMaterials(t, copy.id);
    const state = await t.database.db
      .selectFrom('nominations')
      .select('state')
      .where('id', '=', star)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('forwarded');
  });

  it('without LibreOffice the results are published without the PDF, which says why', async () => {
    const pathBefore = process.env.PATH;
    // Every folder of PATH that holds soffice (/usr/bin and /bin are often the same) is left out.
    for (let soffice = findSoffice(); soffice; soffice = findSoffice()) {
      const hidden = path.dirname(soffice);
      process.env.PATH = (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter((dir) => dir !== hidden)
        .join(path.delimiter);
    }
    try {
      expect(findSoffice()).toBeUndefined();
      const published = await post(jilin, `/api/campaigns/${jilinCampaign}/results/publish`, {
        docNumber: '吉成教协〔2026〕9号',
      });
      expect(published.statusCode, published.body).toBe(200);
      // The forwarded winner is still this round's winner.
      expect(published.json()).toMatchObject({
        winners: 1,
        registry: { entered: 1 },
        pdf: false,
        notice: { files: { docx: true, pdf: false, xlsx: true } },
      });
      expect(published.json().notice.pdfNote).toContain('未生成 PDF');
    } finally {
      process.env.PATH = pathBefore;
    }
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${jilinCampaign}/results/notice/pdf`,
      headers: as(changchun),
    });
    expect(pdf.statusCode).toBe(503);
    expect(pdf.json()).toMatchObject({ code: 'PDF_UNAVAILABLE' });
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${jilinCampaign}/results/notice/docx`,
      headers: as(changchun),
    });
    expect(docx.statusCode).toBe(200);
  });
});
