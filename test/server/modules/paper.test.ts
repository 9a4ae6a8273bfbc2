/**
 * The stamped paper copies through the API: a unit records its dispatch (courier, tracking number,
 * date) and may add the stamped scan (PDF or JPEG, size-limited, judged by its bytes, in the file
 * storage); the organiser records the receipt (date, copies, seal, disc, a note) and sees who has not
 * posted or whose parcel has not arrived. Bad input is refused in Chinese and stores nothing; every
 * record is audited; the moves offered are the state table's.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { summaryPdf } from '#server/seed/demo-files.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { photoOfAtLeast } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilinCity: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;
let changchunId: string;
let jilinCityId: string;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  jilinCity = await secondUnitSession(t, jilin);
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  const orgs = await t.database.db.selectFrom('organisations').select(['id', 'name']).execute();
  changchunId = orgs.find((o) => o.name === '长春市教育局')!.id;
  jilinCityId = orgs.find((o) => o.name === '吉林市教育局')!.id;
  const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 801));
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${draft.id}/submit`,
    headers: as(changchun),
  });
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
}, 60_000);
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const dispatchUrl = (unitId: string) => `/api/campaigns/${campaignId}/paper/${unitId}/dispatch`;
const receiptUrl = (unitId: string) => `/api/campaigns/${campaignId}/paper/${unitId}/receipt`;
const scanUrl = (unitId: string) => `/api/campaigns/${campaignId}/paper/${unitId}/scan`;

function uploadScan(session: Session, unitId: string, data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return t.app.inject({ method: 'POST', url: scanUrl(unitId), headers: as(session), payload: form });
}

const stored = () => t.database.db.selectFrom('paperDispatches').selectAll().execute();
const paperAudit = () =>
  t.database.db
    .selectFrom('auditLog')
    .select(['action', 'actorName', 'before', 'after'])
    .where('entityType', '=', 'paper_dispatch')
    .orderBy('at')
    .execute();
async function scanFiles(): Promise<string[]> {
  try {
    return await readdir(path.join(t.filesDir, 'paper-scans'), { recursive: true });
  } catch {
    return [];
  }
}

const overview = async (s: Session) => (await call(s, 'GET', `/api/campaigns/${campaignId}/paper`)).json();
interface UnitRow {
  unitId: string;
  moves: { to: string; label: string }[];
}
const unitRow = (o: { units: UnitRow[] }, unitId: string) => o.units.find((u) => u.unitId === unitId);

describe('the paper copies of a campaign', () => {
  it('shows the organiser who has not posted, and what the notice asks for', async () => {
    const o = await overview(jilin);
    expect(o.requirement).toMatchObject({ copies: 3, disc: false });
    expect(o.requirement.address).toContain('长春市宽城区北京大街62号411室');
    expect(unitRow(o, changchunId)).toMatchObject({
      standing: 'not_dispatched',
      standingLabel: '未寄送',
      state: 'none',
      moves: [{ to: 'received', label: '登记签收' }],
    });
    expect(unitRow(o, jilinCityId)).toMatchObject({ standing: 'not_needed' });
    expect(o.summary).toMatchObject({ notDispatched: 1, inTransit: 0, received: 0 });

    // A unit sees its own record only, with its own moves.
    const mine = await overview(changchun);
    expect(mine.units).toHaveLength(1);
    expect(mine.units[0]).toMatchObject({
      unitId: changchunId,
      moves: [{ to: 'dispatched', label: '登记寄送' }],
      requirement: {
        copies: 3,
        forms: [{ title: '《百姓学习之星推介表》' }, { title: '《百姓学习之星推介登记表》' }],
      },
    });
  });

  it('refuses bad dispatches in Chinese and stores nothing', async () => {
    const good = { courier: 'EMS', trackingNumber: 'EA123456789CN', dispatchedOn: today };
    const cases: [Session, string, object, number, RegExp][] = [
      [changchun, changchunId, { ...good, trackingNumber: '   ' }, 400, /请填写快递单号/],
      [changchun, changchunId, { ...good, dispatchedOn: addDays(today, 1) }, 400, /寄出日期不能晚于今天/],
      [changchun, changchunId, { ...good, dispatchedOn: '2024-02-30' }, 400, /不是有效的日期/],
      [changchun, jilinCityId, good, 403, /只能登记本单位/],
      [jilinCity, changchunId, good, 403, /只能登记本单位/],
      [jilin, changchunId, good, 403, /由报送单位登记/],
    ];
    for (const [session, unitId, body, status, message] of cases) {
      const response = await call(session, 'PUT', dispatchUrl(unitId), body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().message).toMatch(message);
    }
    expect(await stored()).toEqual([]);
    expect(await paperAudit()).toEqual([]);
  });

  it('records a dispatch, audited, and the organiser sees it on its way', async () => {
    const response = await call(changchun, 'PUT', dispatchUrl(changchunId), {
      courier: ' 中国邮政EMS ',
      trackingNumber: 'ea 1234 5678 9cn',
      dispatchedOn: today,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().unit).toMatchObject({
      state: 'dispatched',
      standing: 'in_transit',
      dispatch: { courier: '中国邮政EMS', trackingNumber: 'EA123456789CN', dispatchedOn: today, late: false },
      moves: [{ to: 'dispatched', label: '更正寄送信息' }],
      version: 1,
    });
    expect(unitRow(await overview(jilin), changchunId)).toMatchObject({
      standing: 'in_transit',
      moves: [{ to: 'received', label: '登记签收' }],
    });
    const audit = await paperAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'paper.dispatched',
      before: null,
      after: { state: 'dispatched', trackingNumber: 'EA123456789CN', label: '登记寄送' },
    });
  });

  it('keeps a stamped scan that is a PDF or JPEG, in the storage, for the unit and the organiser only', async () => {
    const pdf = summaryPdf();
    const uploaded = await uploadScan(changchun, changchunId, pdf, '盖章推介表.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().unit.scan).toMatchObject({
      fileName: '盖章推介表.pdf',
      format: 'pdf',
      bytes: pdf.length,
    });
    const read = await call(jilin, 'GET', scanUrl(changchunId));
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.rawPayload.equals(pdf)).toBe(true);
    expect((await call(jilinCity, 'GET', scanUrl(changchunId))).statusCode).toBe(404);

    // A JPEG replaces it; the old bytes go.
    const jpeg = await photoOfAtLeast(0);
    const replaced = await uploadScan(changchun, changchunId, jpeg, '扫描件.jpg');
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().unit.scan).toMatchObject({ format: 'jpeg', bytes: jpeg.length });
    expect((await scanFiles()).filter((f) => !f.endsWith('/') && f.split('/').length === 3)).toHaveLength(1);
    expect((await paperAudit()).map((a) => a.action)).toContain('paper.scan_uploaded');
  });

  it('refuses a scan that is not a PDF or JPEG, is damaged, too large, or another unit’s, keeping nothing', async () => {
    const before = (await stored())[0]!;
    const filesBefore = await scanFiles();
    const text = await uploadScan(changchun, changchunId, Buffer.from('这不是扫描件'), '扫描件.pdf');
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toMatch(/PDF 或 JPEG/);
    const cut = await uploadScan(changchun, changchunId, summaryPdf().subarray(0, 60), '扫描件.pdf');
    expect(cut.statusCode).toBe(400);
    expect(cut.json().message).toMatch(/不完整/);
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]);
    const large = await uploadScan(changchun, changchunId, huge, '扫描件.pdf');
    expect(large.statusCode).toBe(413);
    expect(large.json().message).toMatch(/20 MB/);
    const other = await uploadScan(jilinCity, changchunId, summaryPdf(), '扫描件.pdf');
    expect(other.statusCode).toBe(403);
    const byOrganiser = await uploadScan(jilin, changchunId, summaryPdf(), '扫描件.pdf');
    expect(byOrganiser.statusCode).toBe(403);
    expect(await scanFiles()).toEqual(filesBefore);
    expect((await stored())[0]).toEqual(before);
  });

  it('refuses bad receipts in Chinese and stores nothing', async () => {
    const before = await stored();
    const good = { receivedOn: today, copiesReceived: 3, sealPresent: true, discReadable: null, note: '' };
    const cases: [Session, object, number, RegExp][] = [
      [jilin, { ...good, copiesReceived: -1 }, 400, /份数应为 0 或正整数/],
      [jilin, { ...good, receivedOn: addDays(today, 1) }, 400, /签收日期不能晚于今天/],
      [jilin, { ...good, receivedOn: addDays(today, -1) }, 400, /早于报送单位登记的寄出日期/],
      [changchun, good, 403, /由组织单位登记/],
    ];
    for (const [session, body, status, message] of cases) {
      const response = await call(session, 'PUT', receiptUrl(changchunId), body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().message).toMatch(message);
    }
    expect(await stored()).toEqual(before);
  });

  it('records a short receipt; the unit posts again; the complete one closes it; all audited', async () => {
    const short = await call(jilin, 'PUT', receiptUrl(changchunId), {
      receivedOn: today,
      copiesReceived: 2,
      sealPresent: true,
      note: '少一份推介登记表',
    });
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json().unit).toMatchObject({
      state: 'received',
      standing: 'received_with_problems',
      standingLabel: '已签收，需补寄',
      receipt: { copiesReceived: 2, sealPresent: true, note: '少一份推介登记表' },
    });
    expect(short.json().unit.receipt.problems).toEqual(['份数不足：收到 2 份，应为一式 3 份']);
    const seenByUnit = unitRow(await overview(changchun), changchunId);
    expect(seenByUnit?.moves).toEqual([{ to: 'dispatched', label: '补寄' }]);

    const again = await call(changchun, 'PUT', dispatchUrl(changchunId), {
      courier: '顺丰速运',
      trackingNumber: 'SF1234567890',
      dispatchedOn: today,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().unit).toMatchObject({ state: 'dispatched', receipt: null });

    const version = again.json().unit.version;
    const complete = await call(jilin, 'PUT', receiptUrl(changchunId), {
      receivedOn: today,
      copiesReceived: 3,
      sealPresent: true,
      version,
    });
    expect(complete.statusCode, complete.body).toBe(200);
    expect(complete.json().unit).toMatchObject({ standing: 'received', moves: [{ label: '更正签收信息' }] });

    // Signed for: the unit can no longer change it, and a stale correction is refused.
    const late = await call(changchun, 'PUT', dispatchUrl(changchunId), {
      courier: 'EMS',
      trackingNumber: 'EA1',
      dispatchedOn: today,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/组织单位已签收/);
    const stale = await call(jilin, 'PUT', receiptUrl(changchunId), {
      receivedOn: today,
      copiesReceived: 3,
      sealPresent: false,
      version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    expect((await paperAudit()).map((a) => a.action)).toEqual([
      'paper.dispatched',
      'paper.scan_uploaded',
      'paper.scan_uploaded',
      'paper.received',
      'paper.dispatched_again',
      'paper.received',
    ]);
    expect((await overview(jilin)).summary).toMatchObject({ notDispatched: 0, inTransit: 0, received: 1 });
  });

  it('lets the organiser sign for a parcel whose dispatch was never recorded', async () => {
    const response = await call(jilin, 'PUT', receiptUrl(jilinCityId), {
      receivedOn: today,
      copiesReceived: 3,
      sealPresent: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().unit).toMatchObject({ state: 'received', dispatch: null });
  });
});
