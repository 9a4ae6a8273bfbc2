/**
 * The review's documents opened and read back: score sheets (XLSX, one sheet per expert for the
 * organiser, only one's own for an expert), the ranking with every method (XLSX), the proposed list
 * (DOCX, the specials named apart), and the printable 评审表 (JSON); each download audited.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSpecial } from '#server/modules/nominations/registration.ts';
import type { RoundRow } from '#server/modules/review/transition-round.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newCampaign,
  newExpert,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAccount,
  type TestCampaign,
  type TestNomination,
} from '#test/support/factories/index.ts';
import { addToPool, assign, newRound } from '#test/support/factories/review.ts';

let t: TestApp;
let campaign: TestCampaign;
let round: RoundRow;
let n1: TestNomination;
let n2: TestNomination;
let chair: TestAccount;
let member: TestAccount;
let s: Record<'chair' | 'member' | 'organiser' | 'unit', Session>;

const full = (score: number) =>
  Object.fromEntries(
    ['political_standing', 'values_and_culture', 'lifelong_learning', 'leading_others'].map((id) => [
      id,
      score,
    ]),
  );

beforeAll(async () => {
  t = await createTestApp();
  const organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  const unit = await newUnit(t, organiser);
  n1 = await newNomination(t, { campaign, unit, state: 'accepted' });
  n2 = await newNomination(t, { campaign, unit, state: 'accepted' });
  await markSpecial(t.context.db, unit.submitter.actor, n2.id, true, t.context.clock.now());
  await moveCampaign(t, campaign, 'reviewing');
  chair = await newExpert(t, organiser);
  member = await newExpert(t, organiser);
  await addToPool(t, campaign, chair, { chairOf: ['star'] });
  await addToPool(t, campaign, member);
  round = await newRound(t, campaign);
  for (const n of [n1, n2]) await assign(t, round, n.id, [chair, member]);
  s = {
    chair: await loginAs(t.app, chair),
    member: await loginAs(t.app, member),
    organiser: await loginAs(t.app, organiser.admin),
    unit: await loginAs(t.app, unit.submitter),
  };
  for (const [session, n, score] of [
    [s.chair, n1, 9],
    [s.chair, n2, 7],
    [s.member, n1, 6],
  ] as const) {
    const url = `/api/reviews/${round.id}/${n.id}`;
    const payload = { scores: full(score), comment: `评语${score}`, recommendation: 'recommend' };
    await t.app.inject({ method: 'PUT', url, headers: as(session), payload });
    await t.app.inject({ method: 'POST', url: `${url}/submit`, headers: as(session), payload: {} });
  }
}, 180_000);
afterAll(() => t.close());

const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(session) });
const base = () => `/api/campaigns/${campaign.id}/review`;

async function sheets(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    text: ws
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.map((v) => (v == null ? '' : String(v))).join('|') : ''))
      .join('\n'),
  }));
}

describe('score sheets', () => {
  it('gives the organiser one sheet per expert', async () => {
    const response = await get(s.organiser, `${base()}/rounds/${round.id}/score-sheets.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = await sheets(response.rawPayload);
    expect(book.map((b) => b.name).sort()).toEqual([chair.displayName, member.displayName].sort());
    const chairs = book.find((b) => b.name === chair.displayName)!.text;
    expect(chairs).toContain(n1.row.title);
    expect(chairs).toContain('评语9');
    expect(chairs).toContain('|90|');
    const members = book.find((b) => b.name === member.displayName)!.text;
    expect(members).toContain('未评分');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'review.exported')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('gives an expert only their own, and refuses another’s', async () => {
    const own = await sheets(
      (await get(s.member, `${base()}/rounds/${round.id}/score-sheets.xlsx`)).rawPayload,
    );
    expect(own.map((b) => b.name)).toEqual([member.displayName]);
    const other = await get(s.member, `${base()}/rounds/${round.id}/score-sheets.xlsx?expertId=${chair.id}`);
    expect(other.statusCode).toBe(403);
    expect((await get(s.unit, `${base()}/rounds/${round.id}/score-sheets.xlsx`)).statusCode).toBe(404);
  });

  it('gives the printable 评审表 of one’s own reviews', async () => {
    const response = await get(s.chair, `/api/reviews/${round.id}/sheet`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.expertName).toBe(chair.displayName);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({ recommendationLabel: '推荐', stateLabel: '已提交' });
    expect(body.items[0].criteria[0]).toMatchObject({ max: 10 });
    expect(body.items[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ranking and list', () => {
  it('exports the ranking with every method side by side, for the chair', async () => {
    const response = await get(s.chair, `${base()}/rounds/${round.id}/ranking.xlsx`);
    expect(response.statusCode).toBe(200);
    const [sheet] = await sheets(response.rawPayload);
    expect(sheet!.name).toBe('百姓学习之星');
    for (const header of ['平均分', '去掉最高分和最低分后的平均分', '按专家标准化后的分数', n1.row.title])
      expect(sheet!.text).toContain(header);
    expect((await get(s.member, `${base()}/rounds/${round.id}/ranking.xlsx`)).statusCode).toBe(403);
  });

  it('exports the proposed list with the special named apart', async () => {
    const proposed = await t.app.inject({
      method: 'POST',
      url: `${base()}/shortlist`,
      headers: as(s.chair),
      payload: {
        roundId: round.id,
        category: 'star',
        method: 'mean',
        entries: [
          { nominationId: n1.id, decision: 'shortlisted' },
          { nominationId: n2.id, decision: 'shortlisted', special: true },
        ],
      },
    });
    expect(proposed.statusCode).toBe(201);
    const response = await get(s.organiser, `${base()}/shortlist/${proposed.json().id}.docx`);
    expect(response.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`1．${n1.row.title}`);
    expect(text).toContain(`${campaign.rules.categories.star.specialLabel}拟推介名单（1名）`);
    expect(text.indexOf(n2.row.title)).toBeGreaterThan(
      text.indexOf(campaign.rules.categories.star.specialLabel),
    );
    expect((await get(s.member, `${base()}/shortlist/${proposed.json().id}.docx`)).statusCode).toBe(403);
  });
});
