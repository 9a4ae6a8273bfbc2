/**
 * A reporting unit's own 公示 of its nominees through the API, against real PostgreSQL and the real file
 * storage: the unit records where and when it posted the notice and which nominations it named, the
 * period is counted on the organiser's official calendar (a 3-working-day period and a year without
 * calendar data are flagged in Chinese), the organiser's formal check shows it per nomination, a
 * disguised file is refused and nothing kept, another unit sees and changes nothing, a stale save is refused.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublishedUnitPublicities } from '#server/modules/publicity/published-publicities.ts';
import { manualClock } from '#server/platform/clock.ts';
import { summaryPdf } from '#server/seed/demo-files.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestNomination,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

let t: TestApp;
let organiser: TestOrganiser;
let campaign: TestCampaign;
let unitA: TestUnit;
let unitB: TestUnit;
let first: TestNomination;
let second: TestNomination;
let otherUnits: TestNomination;
let admin: Session;
let a: Session;
let b: Session;
let publicChanges = 0;

beforeAll(async () => {
  // Mid-September 2026: the units post their 公示 before the National Day holiday and submit after it.
  t = await createTestApp({ clock: manualClock('2026-09-15T10:00:00+08:00') });
  t.context.publicPages.onChange(() => {
    publicChanges += 1;
  });
  organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  unitA = await newUnit(t, organiser);
  unitB = await newUnit(t, organiser);
  first = await newNomination(t, { campaign, unit: unitA, state: 'submitted' });
  second = await newNomination(t, { campaign, unit: unitA, state: 'submitted' });
  otherUnits = await newNomination(t, { campaign, unit: unitB, state: 'draft' });
  admin = await loginAs(t.app, organiser.admin);
  a = await loginAs(t.app, unitA.submitter);
  b = await loginAs(t.app, unitB.submitter);
}, 240_000);
afterAll(() => t.close());

const listUrl = () => `/api/campaigns/${campaign.id}/unit-publicities`;
const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const record = (s: Session, body: object) => call(s, 'POST', listUrl(), body);
const stored = () => t.database.db.selectFrom('unitPublicities').selectAll().orderBy('recordedAt').execute();
const organiserView = async (n: TestNomination) =>
  (await call(admin, 'GET', `/api/nominations/${n.id}`)).json().nomination;
function upload(s: Session, id: string, data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return t.app.inject({
    method: 'PUT',
    url: `/api/unit-publicities/${id}/file`,
    headers: as(s),
    payload: form,
  });
}
/** The files kept in the storage for units' 公示 (directories aside). */
async function files(): Promise<string[]> {
  try {
    const entries = await readdir(path.join(t.filesDir, 'unit-publicities'), {
      recursive: true,
      withFileTypes: true,
    });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

const fiveDays = {
  place: '本单位官网“通知公告”栏目',
  url: 'https://jyj.example.gov.cn/tzgg/2026/0901.html',
  fromDay: '2026-09-01',
  toDay: '2026-09-07',
};
let recordId: string;

describe('a unit’s own 公示', () => {
  it('is recorded by the unit for all its nominations, counted on the calendar and audited', async () => {
    const response = await record(a, fiveDays);
    expect(response.statusCode).toBe(201);
    const { publicity } = response.json();
    recordId = publicity.id;
    expect(publicity).toMatchObject({
      unitId: unitA.organisationId,
      nominationIds: null,
      version: 1,
      published: false,
      file: null,
      actions: ['edit', 'delete'],
      coverage: { required: 5, workingDays: 5, covers: true, findings: [], summary: '共5个工作日' },
    });
    expect(publicity.nominations.map((n: { id: string }) => n.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityType', '=', 'unit_publicity')
      .execute();
    expect(audit).toEqual([
      {
        action: 'publicity.recorded',
        after: expect.objectContaining({ place: fiveDays.place, toDay: '2026-09-07' }),
      },
    ]);
    const list = (await call(a, 'GET', listUrl())).json();
    expect(list.items).toHaveLength(1);
    expect(list).toMatchObject({
      mayRecord: true,
      facts: { rules: { workingDays: 5 }, deadlineDay: '2026-10-15' },
    });
  });

  it('is shown to the organiser in the formal check of each nomination it names, and not to the unit there', async () => {
    const n = await organiserView(first);
    expect(n.publicity).toMatchObject({
      covered: true,
      findings: [],
      records: [{ id: recordId, place: fiveDays.place, fromDay: '2026-09-01', toDay: '2026-09-07' }],
    });
    const own = (await call(a, 'GET', `/api/nominations/${first.id}`)).json().nomination;
    expect(own.publicity).toBeUndefined();
    // The organiser sees every unit's records of the campaign.
    expect((await call(admin, 'GET', listUrl())).json().items.map((p: { id: string }) => p.id)).toEqual([
      recordId,
    ]);
  });

  it('flags a period of 3 working days for the nomination it names', async () => {
    // The first record now names only the first nomination; the second gets a 公示 of three working days.
    const narrowed = await call(a, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      nominationIds: [first.id],
      version: 1,
    });
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json().publicity).toMatchObject({ version: 2, nominationIds: [first.id] });
    const short = await record(a, {
      ...fiveDays,
      fromDay: '2026-09-08',
      toDay: '2026-09-10',
      nominationIds: [second.id],
    });
    expect(short.statusCode).toBe(201);
    expect(short.json().publicity.coverage).toMatchObject({ workingDays: 3, covers: false });

    const n = await organiserView(second);
    expect(n.publicity.covered).toBe(false);
    expect(n.publicity.records).toHaveLength(1);
    expect(n.publicity.records[0].coverage.findings).toEqual([
      expect.objectContaining({
        code: 'PUBLICITY_TOO_SHORT',
        severity: 'error',
        message:
          '公示期2026年9月8日至9月10日仅含3个工作日，应不少于5个工作日（自2026年9月8日起应公示至2026年9月14日），请延长公示期后重新公示',
      }),
    ]);
    expect((await organiserView(first)).publicity.covered).toBe(true);
  });

  it('says so when the period falls in a year without calendar data, and counts once the organiser confirms it', async () => {
    const response = await record(a, {
      ...fiveDays,
      fromDay: '2027-01-04',
      toDay: '2027-01-08',
      nominationIds: [second.id],
    });
    expect(response.statusCode).toBe(201);
    const { publicity } = response.json();
    expect(publicity.coverage.workingDays).toBeNull();
    expect(publicity.coverage.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'CALENDAR_YEAR_UNKNOWN',
          message: expect.stringContaining('2027年的国务院节假日安排尚未发布'),
        }),
      ]),
    );
    const confirmed = await call(admin, 'POST', '/api/calendar/confirmed-years', { year: 2027 });
    expect(confirmed.statusCode).toBe(201);
    const after = (await call(a, 'GET', listUrl()))
      .json()
      .items.find((p: { id: string }) => p.id === publicity.id);
    expect(after.coverage.workingDays).toBe(5);
    // It ends after the unit submitted: a caution, not a refusal.
    expect(after.coverage.findings.map((f: { code: string }) => f.code)).toEqual(['PUBLICITY_ENDS_TOO_LATE']);
    expect(
      (await call(a, 'DELETE', `/api/unit-publicities/${publicity.id}?version=${publicity.version}`))
        .statusCode,
    ).toBe(204);
  });

  it('refuses bad input in Chinese and stores nothing', async () => {
    const before = await stored();
    const bad = await record(a, { ...fiveDays, place: ' ', url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().message).toContain('请填写公示地点');
    expect(bad.json().message).toContain('http:// 或 https://');
    const reversed = await record(a, { ...fiveDays, fromDay: '2026-09-07', toDay: '2026-09-01' });
    expect(reversed.json().message).toContain('早于开始日期');
    const notOurs = await record(a, { ...fiveDays, nominationIds: [otherUnits.id] });
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.json().message).toContain('不属于本单位');
    const byOrganiser = await record(admin, fiveDays);
    expect(byOrganiser.statusCode).toBe(403);
    expect(byOrganiser.json().message).toContain('由报送单位登记');
    expect(await stored()).toEqual(before);
  });

  it('keeps a PDF or screenshot checked by its bytes, and refuses a disguised file keeping nothing', async () => {
    const disguised = await upload(
      a,
      recordId,
      Buffer.from('<html><script>alert(1)</script></html>'),
      '公示.pdf',
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(disguised.json().message).toContain('公示材料应为 PDF 文件或 JPEG、PNG 截图');
    expect(await files()).toEqual([]);
    expect((await stored()).find((r) => r.id === recordId)).toMatchObject({ storageKey: null, version: 2 });

    const pdf = await upload(a, recordId, summaryPdf(), '公示截图.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json().publicity).toMatchObject({
      version: 3,
      file: { fileName: '公示截图.pdf', contentType: 'application/pdf' },
    });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const replaced = await upload(a, recordId, png, '网页截图.jpg');
    expect(replaced.json().publicity.file).toMatchObject({
      fileName: '网页截图.jpg',
      contentType: 'image/png',
    });
    expect(await files()).toHaveLength(1);

    expect((await call(a, 'GET', `/api/unit-publicities/${recordId}/file`)).statusCode).toBe(200);
    const byOrganiser = await call(admin, 'GET', `/api/unit-publicities/${recordId}/file`);
    expect(byOrganiser.statusCode).toBe(200);
    expect(byOrganiser.headers['content-type']).toBe('image/png');
    expect(byOrganiser.rawPayload.equals(png)).toBe(true);
    expect((await organiserView(first)).publicity.records[0].fileUrl).toBe(
      `/api/unit-publicities/${recordId}/file`,
    );
  });

  it('is neither seen nor changed by another unit', async () => {
    const list = await call(b, 'GET', listUrl());
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await call(b, 'GET', `${listUrl()}?unitId=${unitA.organisationId}`)).statusCode).toBe(404);
    expect((await call(b, 'GET', `/api/unit-publicities/${recordId}/file`)).statusCode).toBe(404);
    const edit = await call(b, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      place: '冒名',
      version: 4,
    });
    expect(edit.statusCode).toBe(404);
    expect((await call(b, 'DELETE', `/api/unit-publicities/${recordId}?version=4`)).statusCode).toBe(404);
    expect((await upload(b, recordId, summaryPdf(), 'x.pdf')).statusCode).toBe(404);
    expect((await stored()).find((r) => r.id === recordId)).toMatchObject({
      place: fiveDays.place,
      version: 4,
    });
  });

  it('refuses a stale save instead of overwriting the newer one', async () => {
    const stale = await call(a, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      place: '旧页面的地点',
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });
    expect((await call(a, 'DELETE', `/api/unit-publicities/${recordId}?version=3`)).json().code).toBe(
      'STALE_VERSION',
    );
    expect((await stored()).find((r) => r.id === recordId)).toMatchObject({
      place: fiveDays.place,
      version: 4,
    });
  });

  it('may be shown on the public site: stored, listed for the site, and the site told', async () => {
    const changesBefore = publicChanges;
    const published = await call(a, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      nominationIds: [first.id],
      published: true,
      version: 4,
    });
    expect(published.statusCode).toBe(200);
    expect(publicChanges).toBe(changesBefore + 1);
    const site = await listPublishedUnitPublicities(t.context.db, { organiserId: organiser.organisationId });
    expect(site).toEqual([
      expect.objectContaining({
        unitName: unitA.name,
        place: fiveDays.place,
        fromDay: '2026-09-01',
        toDay: '2026-09-07',
        nominees: [{ category: 'star', title: first.row.title }],
      }),
    ]);
    // The public index shows what the unit's notice said: unit, period, place, link, the nominee's name.
    const index = (await t.app.inject({ method: 'GET', url: '/gs/' })).body;
    const section = index.slice(index.indexOf('<h2 id="units">报送单位的公示</h2>'));
    expect(section).toContain(`${unitA.name}：`);
    expect(section).toContain('公示时间 2026年9月1日至2026年9月7日');
    expect(section).toContain(`公示地点：${fiveDays.place}`);
    expect(section).toContain(`推介对象：百姓学习之星：${first.row.title}`);
    if (fiveDays.url)
      expect(section).toContain(`<a href="${fiveDays.url}" rel="noopener nofollow">查看原公示</a>`);
    // Taken back from the site: gone from the index.
    const hidden = await call(a, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      nominationIds: [first.id],
      published: false,
      version: 5,
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/gs/' })).body).not.toContain('报送单位的公示');
    const again = await call(a, 'PUT', `/api/unit-publicities/${recordId}`, {
      ...fiveDays,
      nominationIds: [first.id],
      published: true,
      version: 6,
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('can no longer be recorded or changed once reporting has ended', async () => {
    await moveCampaign(t, campaign, 'reviewing');
    const late = await record(a, fiveDays);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CAMPAIGN_NOT_OPEN' });
    const list = (await call(a, 'GET', listUrl())).json();
    expect(list.mayRecord).toBe(false);
    expect(list.items.every((p: { actions: string[] }) => p.actions.length === 0)).toBe(true);
  });
});
