import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { seedDemoDecision } from '#server/seed/demo-decision.ts';
import { as, createTestApp, loginAs, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let campaignId: string;
beforeAll(async () => {
  t = await createTestApp({ demoNominations: true });
  const campaign = await t.database.db
    .selectFrom('campaigns')
    .select(['id', 'status', 'level', 'year'])
    .where('title', '=', '2025年吉林省“百姓学习之星”和“终身学习品牌项目”宣传推介')
    .executeTakeFirstOrThrow();
  expect(campaign).toMatchObject({ level: 'provincial', year: 2025 });
  campaignId = campaign.id;
}, 120_000);
afterAll(() => t.close());

const db = () => t.database.db;
const WINNERS = ['周玉梅', '李春生', '韩雪', '“北国春城”市民夜校学习项目'];
/** A 居民身份证号 (18 characters, the last a digit or X) anywhere in a page. */
const ID_NUMBER = /[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dX]/;

describe('the demo’s finished provincial round', () => {
  it('was announced for five working days from Monday 15 September 2025, closed by the tick on its end day', async () => {
    const a = await db()
      .selectFrom('announcements')
      .selectAll()
      .where('campaignId', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      state: 'closed',
      startDay: '2025-09-15',
      endDay: '2025-09-19',
      workingDays: 5,
    });
    expect(a.closedAt?.toISOString()).toBe('2025-09-19T16:10:00.000Z');
    const entries = await db()
      .selectFrom('announcementEntries')
      .select(['name', 'removedAt'])
      .where('announcementId', '=', a.id)
      .execute();
    expect(entries.map((e) => e.name).sort()).toEqual([...WINNERS].sort());
    expect(entries.every((e) => e.removedAt === null)).toBe(true);
  });

  it('handled one objection from the public form: accepted, verified, not upheld, answered', async () => {
    const objections = await db()
      .selectFrom('objections as o')
      .innerJoin('announcements as a', 'a.id', 'o.announcementId')
      .select(['o.id', 'o.state', 'o.conclusion', 'o.reply', 'o.repliedAt', 'o.objectorKind', 'o.receipt'])
      .where('a.campaignId', '=', campaignId)
      .execute();
    expect(objections).toHaveLength(1);
    const o = objections[0]!;
    expect(o).toMatchObject({ state: 'replied', conclusion: 'dismissed', objectorKind: 'person' });
    expect(o.reply).toMatch(/异议不成立/);
    expect(o.repliedAt?.toISOString()).toBe('2025-09-22T02:00:00.000Z');
    const log = await db()
      .selectFrom('objectionEvents')
      .select('label')
      .where('objectionId', '=', o.id)
      .orderBy('createdAt')
      .execute();
    expect(log.map((e) => e.label)).toEqual(['收到异议', '受理', '核实记录', '认定异议不成立', '答复异议人']);
    // The objector can look it up with the receipt and phone, as on the public status page.
    const status = await t.app.inject({
      method: 'POST',
      url: '/api/objection-status',
      payload: { receipt: o.receipt, phone: '13900001234' },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json().reply).toBe(o.reply);
  });

  it('was approved by the demo approver and published with its notice files and registry entries', async () => {
    const campaign = await db()
      .selectFrom('campaigns')
      .select('status')
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(campaign.status).toBe('published');
    const approvals = await db()
      .selectFrom('campaignApprovals as c')
      .innerJoin('accounts as a', 'a.id', 'c.decidedBy')
      .select(['c.decision', 'a.username', 'c.decidedAt'])
      .where('c.campaignId', '=', campaignId)
      .execute();
    expect(approvals).toEqual([
      { decision: 'approved', username: 'approver', decidedAt: new Date('2025-09-24T02:00:00Z') },
    ]);
    const states = await db()
      .selectFrom('nominations')
      .select('state')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(states.map((s) => s.state)).toEqual(['selected', 'selected', 'selected', 'selected']);

    const notice = await db()
      .selectFrom('resultNotices')
      .selectAll()
      .where('campaignId', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(notice.docNumber).toBe('吉教职成函〔2025〕27号');
    expect(notice.publishedAt.toISOString()).toBe('2025-09-26T02:00:00.000Z');
    const bytesOf = async (key: string) => Buffer.concat(await (await t.context.storage.read(key)).toArray());
    for (const key of [notice.docxKey, notice.xlsxKey, notice.pdfKey].filter((k) => k !== null))
      expect((await bytesOf(key!)).length).toBeGreaterThan(1000);
    // The DOCX and XLSX are zip files; the PDF, when LibreOffice made one, a PDF.
    const head = async (key: string) => (await bytesOf(key)).subarray(0, 4);
    expect((await head(notice.docxKey!)).toString('latin1')).toBe('PK\u0003\u0004');
    expect((await head(notice.xlsxKey!)).toString('latin1')).toBe('PK\u0003\u0004');
    if (findSoffice()) expect(notice.pdfKey).not.toBeNull();
    if (notice.pdfKey) expect((await head(notice.pdfKey)).toString('latin1')).toBe('%PDF');

    const registry = await db()
      .selectFrom('previousWinners')
      .select(['name', 'year', 'level', 'campaignId', 'nominationId'])
      .where('campaignId', '=', campaignId)
      .execute();
    expect(registry.map((w) => w.name).sort()).toEqual([...WINNERS].sort());
    for (const w of registry) expect(w).toMatchObject({ year: 2025, level: 'provincial' });
  });

  it('shows on the public pages with the winners’ names and never an ID number', async () => {
    const notice = await db()
      .selectFrom('resultNotices')
      .select('id')
      .where('campaignId', '=', campaignId)
      .executeTakeFirstOrThrow();
    const announcement = await db()
      .selectFrom('announcements')
      .select('id')
      .where('campaignId', '=', campaignId)
      .executeTakeFirstOrThrow();
    for (const url of ['/gs/', `/gs/${announcement.id}`, '/results/', `/results/${notice.id}`]) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).not.toMatch(ID_NUMBER);
      if (url.includes(announcement.id) || url.includes(notice.id))
        for (const name of WINNERS) expect(page.body, url).toContain(name);
      else expect(page.body, url).toContain('2025年');
    }
  });

  it('shows the organiser its 异议处理 and 审定与公布 data, and the approver the decision it made', async () => {
    const organiser = await loginAs(t, 'jilin-admin');
    const objections = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/objections`,
      headers: as(organiser),
    });
    expect(objections.statusCode).toBe(200);
    expect(objections.json().items).toHaveLength(1);
    const approver = await loginAs(t, 'approver');
    for (const session of [organiser, approver]) {
      const results = await t.app.inject({
        method: 'GET',
        url: `/api/campaigns/${campaignId}/results`,
        headers: as(session),
      });
      expect(results.statusCode).toBe(200);
      const body = results.json();
      expect(body.campaign.statusLabel).toBe('已公布');
      expect(body.objections).toMatchObject({ total: 1, open: 0, upheld: 0 });
      expect(body.approvals).toEqual([
        expect.objectContaining({ decision: 'approved', decidedByName: '审定负责人' }),
      ]);
      expect(body.notice.docNumber).toBe('吉教职成函〔2025〕27号');
    }
    // The approver's worklist holds campaigns still in 公示 only: the finished round is not on it.
    const worklist = await t.app.inject({ method: 'GET', url: '/api/approvals', headers: as(approver) });
    expect(worklist.json().items).toEqual([]);
  });

  it('is seeded once: a second call finds the round and changes nothing', async () => {
    const count = async () =>
      (
        await db()
          .selectFrom('campaigns')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(await seedDemoDecision(t.context, new Date())).toBeNull();
    expect(await count()).toBe(before);
  });

  it('is left out when the first start is before the round was published', async () => {
    expect(await seedDemoDecision(t.context, new Date('2025-06-01T00:00:00+08:00'))).toBeNull();
  });
});
