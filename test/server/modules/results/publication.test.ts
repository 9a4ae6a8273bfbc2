/**
 * Issue 13, item 5: 公布. Refused before 审定 and a second time; the notice goes out in the organisers'
 * names with its 文号, the winners in the official order (units in 行政区划 order, specials under their own
 * heading), as DOCX, PDF (LibreOffice is installed here) and the list as XLSX; every winner enters the
 * previous-winners registry by itself, and the public pages are told after the commit.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { findCampaign } from '#server/modules/campaigns/queries.ts';
import { createCampaign } from '#server/modules/campaigns/service.ts';
import { transitionCampaign } from '#server/modules/campaigns/transition-campaign.ts';
import { updateCampaignRules } from '#server/modules/campaigns/update-rules.ts';
import { findNomination } from '#server/modules/nominations/queries.ts';
import { registryFindings } from '#server/modules/nominations/registry.ts';
import { manualClock } from '#server/platform/clock.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { openColumn } from '#server/platform/personal-data/sealed-column.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { loginAs, newNomination, type TestCampaign } from '#test/support/factories/index.ts';
import { showcaseCopiesMade } from '#test/support/showcase-copies.ts';
import { type ShortlistedCampaign, shortlistedCampaign } from './shortlisted-campaign.ts';

let t: TestApp;
let s: ShortlistedCampaign;
let approver: Session;
let organiser: Session;
let names: Map<string, string>;
let pageChanges = 0;
let nextYear: TestCampaign;
let renominated: string;
let listFindingsBefore: string[];

async function copiedForNextYear(campaign: TestCampaign): Promise<TestCampaign> {
  const { db, jobs, clock } = t.context;
  const actor = campaign.organiser.admin.actor;
  const created = await createCampaign(db, actor, {
    copyFromCampaignId: campaign.id,
    year: campaign.rules.year + 1,
  });
  const rules = structuredClone(created.rules);
  rules.deadline = { date: addDays(todayInShanghai(clock.now()), 30), time: '17:00', timeFromNotice: false };
  const saved = await updateCampaignRules(
    db,
    actor,
    created.id,
    { rules, rulesVersion: created.rulesVersion },
    jobs,
    clock.now(),
  );
  const opened = await transitionCampaign(db, actor, saved.campaign.id, 'open', jobs, clock.now());
  return {
    id: opened.id,
    rules: opened.rules,
    organiser: campaign.organiser,
    deadlineAt: new Date(opened.deadlineAt!),
  };
}

/** The public pages' changes once the showcase's web copies are made (they change pages too). */
async function settledPageChanges(): Promise<number> {
  await showcaseCopiesMade(t.context);
  return pageChanges;
}

/** The registry's findings on a nomination that come from a published list (not from other nominations). */
async function listFindingsOf(id: string): Promise<string[]> {
  const { db, clock } = t.context;
  const n = (await findNomination(db, id))!;
  const campaign = (await findCampaign(db, n.campaignId))!;
  const findings = await registryFindings(db, n, campaign, null, clock.now());
  return findings.filter((f) => f.message.includes('获评者')).map((f) => `${f.code}: ${f.message}`);
}

beforeAll(async () => {
  // The 公示 period is lived through on the app's clock (a date the official calendar covers).
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  s = await shortlistedCampaign(t, {
    units: [
      { name: '白城市教育局', regionCode: '220800' },
      { name: '长春市教育局', regionCode: '220100' },
      { name: '吉林市教育局', regionCode: '220200' },
    ],
    picks: [
      { unit: 0, category: 'star' },
      { unit: 1, category: 'star' },
      { unit: 1, category: 'star' },
      { unit: 2, category: 'project' },
      { unit: 1, category: 'star', special: true },
    ],
  });
  // Counted from here: the 公示's own close (the tick) told the public pages already.
  t.context.publicPages.onChange(() => {
    pageChanges++;
  });
  approver = await loginAs(t.app, s.approver);
  organiser = await loginAs(t.app, s.campaign.organiser.admin);
  const rows = await t.database.db
    .selectFrom('nominations')
    .select(['id', 'form'])
    .where('campaignId', '=', s.campaign.id)
    .execute();
  names = new Map(rows.map((r) => [r.id, (r.form as { name: string }).name]));
  // Next year's round of the same organiser, copied from this one, with one of this year's stars again.
  nextYear = await copiedForNextYear(s.campaign);
  const winner = rows.find((r) => r.id === s.nominations[1]!.id)!;
  renominated = (
    await newNomination(t, {
      campaign: nextYear,
      unit: s.units[1]!,
      // The row holds it sealed (decision 0016); the unit types it in clear.
      form: revealForm(winner.form as Record<string, unknown>, dataKeys()),
    })
  ).id;
  listFindingsBefore = await listFindingsOf(renominated);
}, 240_000);
afterAll(() => t?.close());

const url = () => `/api/campaigns/${s.campaign.id}`;
const publish = (session: Session, docNumber = '吉成教协〔2026〕8号') =>
  t.app.inject({
    method: 'POST',
    url: `${url()}/results/publish`,
    headers: as(session),
    payload: { docNumber },
  });
const download = (format: string) =>
  t.app.inject({ method: 'GET', url: `${url()}/results/notice/${format}`, headers: as(approver) });
const nameOf = (i: number) => names.get(s.nominations[i]!.id)!;

async function storedResultFiles(): Promise<string[]> {
  return readdir(path.join(t.filesDir, 'results'), { recursive: true }).catch(() => []);
}

describe('公布 refused', () => {
  it('before 审定: NOT_APPROVED, nothing stored, no file written', async () => {
    const response = await publish(organiser);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'NOT_APPROVED',
      message: '本活动当前为「公示中」，拟推介名单经审定后才能公布结果。',
    });
    expect(await t.database.db.selectFrom('resultNotices').selectAll().execute()).toEqual([]);
    expect(await storedResultFiles()).toEqual([]);
    expect(pageChanges).toBe(0);
  });

  it('by the approver, who approves but does not publish', async () => {
    const approved = await t.app.inject({
      method: 'POST',
      url: `${url()}/approval`,
      headers: as(approver),
      payload: {},
    });
    expect(approved.json()).toEqual({ selected: 5 });
    expect((await publish(approver)).statusCode).toBe(403);
    expect(await storedResultFiles()).toEqual([]);
  });
});

describe('公布结果', () => {
  it('publishes the notice with its files, enters the registry, tells the public pages', {
    timeout: 120_000,
  }, async () => {
    const response = await publish(organiser);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      winners: 5,
      registry: { entered: 5, linked: 0 },
      pdf: true,
      notice: {
        title: '关于公布2023年“百姓学习之星”和“终身学习品牌项目”推介结果的通知',
        docNumber: '吉成教协〔2026〕8号',
        issuers: ['吉林省成人教育协会'],
        files: { docx: true, pdf: true, xlsx: true },
        pdfNote: null,
      },
    });
    // At least the publication's own; the showcase's web copies of the winners' photos, made after it by a
    // background job, tell the public pages again when they are ready.
    expect(pageChanges).toBeGreaterThanOrEqual(1);
    const campaign = await t.database.db
      .selectFrom('campaigns')
      .select('status')
      .where('id', '=', s.campaign.id)
      .executeTakeFirstOrThrow();
    expect(campaign.status).toBe('published');
  });

  it('the DOCX has the winners in the official order, the specials under their own heading', async () => {
    const response = await download('docx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('推介结果的通知'));
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于公布2023年“百姓学习之星”和“终身学习品牌项目”推介结果的通知');
    expect(text).toContain('吉成教协〔2026〕8号');
    expect(text).toContain('吉林省成人教育协会');
    expect(text).toContain('确定百姓学习之星3名、终身学习品牌项目1个、事迹特别感人的百姓学习之星1名');
    const at = (needle: string) => {
      const i = text.indexOf(needle);
      expect(i, needle).toBeGreaterThan(-1);
      return i;
    };
    const stars = at('一、“百姓学习之星”（3名）');
    const projects = at('二、“终身学习品牌项目”（1个）');
    const specials = at('三、“事迹特别感人的百姓学习之星”（1名）');
    // 长春 (220100) before 白城 (220800), whatever their names' order; 长春's two by its 排序.
    const order = [nameOf(1), nameOf(2), nameOf(0)].map((n) => text.indexOf(n, stars));
    expect(order.every((i) => i > stars && i < projects)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.indexOf(nameOf(3), projects)).toBeLessThan(specials);
    expect(text.indexOf(nameOf(4), specials)).toBeGreaterThan(specials);
    expect(text.indexOf(nameOf(4))).toBeGreaterThan(specials);
  });

  it('the PDF and the list as XLSX', { timeout: 60_000 }, async () => {
    const pdf = await download('pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await download('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows[1]).toEqual(['类别', '序号', '姓名／项目名称', '工作单位／实施主体', '推荐单位', '备注']);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['百姓学习之星', '1', nameOf(1), '长春市教育局', ''],
      ['百姓学习之星', '2', nameOf(2), '长春市教育局', ''],
      ['百姓学习之星', '3', nameOf(0), '白城市教育局', ''],
      ['终身学习品牌项目', '1', nameOf(3), '吉林市教育局', ''],
      ['事迹特别感人的百姓学习之星', '1', nameOf(4), '长春市教育局', '特别推介'],
    ]);
    // Any signed-in account may download a published notice; the formats are checked.
    const submitter = await loginAs(t.app, s.units[0]!.submitter);
    expect(
      (await t.app.inject({ method: 'GET', url: `${url()}/results/notice/docx`, headers: as(submitter) }))
        .statusCode,
    ).toBe(200);
    expect((await download('exe')).statusCode).toBe(400);
  });

  it('every winner is in the registry, by ID number or credit code, linked to its nomination', async () => {
    const rows = await t.database.db
      .selectFrom('previousWinners')
      .select([
        'name',
        'category',
        'year',
        'level',
        'idNumber',
        'idNumberSealed',
        'creditCode',
        'campaignId',
        'nominationId',
        'organisationId',
      ])
      .where('campaignId', '=', s.campaign.id)
      .execute();
    const forms = await t.database.db
      .selectFrom('nominations')
      .select(['id', 'form'])
      .where('campaignId', '=', s.campaign.id)
      .execute();
    expect(rows).toHaveLength(5);
    for (const f of forms) {
      const form = revealForm(f.form as Record<string, unknown>, dataKeys()) as {
        name: string;
        idNumber?: string;
        creditCode?: string;
      };
      const row = rows.find((r) => r.nominationId === f.id)!;
      expect(row).toMatchObject({
        name: form.name,
        year: 2023,
        level: 'provincial',
        organisationId: s.campaign.organiser.organisationId,
      });
      // The registry keeps the number sealed (decision 0016), never in clear.
      expect(row.idNumber).toBeNull();
      if (row.category === 'star')
        expect(openColumn('idNumber', row.idNumberSealed, dataKeys())).toBe(form.idNumber);
      else expect(row.creditCode).toBe(form.creditCode);
    }
  });

  it('a second publication is refused and changes nothing', async () => {
    const files = await storedResultFiles();
    const changesBefore = await settledPageChanges();
    const response = await publish(organiser, '另一个文号');
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_PUBLISHED');
    expect(await storedResultFiles()).toEqual(files);
    const notices = await t.database.db.selectFrom('resultNotices').select('docNumber').execute();
    expect(notices).toEqual([{ docNumber: '吉成教协〔2026〕8号' }]);
    expect(await settledPageChanges()).toBe(changesBefore);
    // Waits for the web copies of the winners' films, which a loaded machine makes slowly.
  }, 240_000);
});

describe('next year', () => {
  it('a new nomination of a published winner is flagged by the registry without any import', async () => {
    expect(listFindingsBefore).toEqual([]);
    const after = await listFindingsOf(renominated);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^DUPLICATE_WINNER: /);
    expect(after[0]).toContain(`2023年省级“百姓学习之星”获评者“${nameOf(1)}”`);
    const imports = await t.database.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'winners.imported')
      .execute();
    expect(imports).toEqual([]);
  });
});
