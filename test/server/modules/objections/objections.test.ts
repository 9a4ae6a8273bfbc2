/**
 * Objections through the public API and their handling by the organiser: submission (valid, invalid ID
 * number, missing contact, oversized or disguised attachments, a wrong captcha, a burst from one address,
 * outside the period), the status lookup, the handling flow with the second signature and the entry
 * taken off the 公示, the identity view log, and the unit that explains without seeing who objected.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealPersonalData } from '#cli/reseal-personal-data.ts';
import { idCheckCharacter } from '#core/identity/id-number.ts';
import { findNomination } from '#server/modules/nominations/queries.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { manualClock } from '#server/platform/clock.ts';
import { dataKeyring, dataKeys, installDataKeys } from '#server/platform/personal-data/data-keys.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { answer } from '#test/support/captcha.ts';
import { loginAs, newAccount, type TestAccount } from '#test/support/factories/accounts.ts';
import { newAnnouncement } from '#test/support/factories/announcements.ts';
import {
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

const clock = manualClock('2026-09-29T10:00:00+08:00');
let t: TestApp;
let organiser: TestOrganiser;
let unit: TestUnit;
let campaign: TestCampaign;
let secondAdmin: TestAccount;
let announcement: Awaited<ReturnType<typeof newAnnouncement>>;
let adminSession: Session;
let secondSession: Session;
let unitSession: Session;

const ID = (() => {
  const first = '22010219800101123';
  return first + idCheckCharacter(first);
})();
const FACTS =
  '该同志申报材料中所述“全国优秀”荣誉经查询无相关记录，请组织单位核实。<script>alert("x")</script>';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

beforeAll(async () => {
  t = await createTestApp({ clock });
  organiser = await newOrganiser(t);
  unit = await newUnit(t, organiser);
  campaign = await newCampaign(t, organiser);
  const made = [];
  for (let i = 0; i < 2; i++) made.push(await newNomination(t, { campaign, unit, state: 'accepted' }));
  await moveCampaign(t, campaign, 'reviewing');
  for (const n of made)
    await transitionNomination(t.context.db, organiser.admin.actor, n.id, {
      to: 'shortlisted',
      now: clock.now(),
    });
  announcement = await newAnnouncement(t, campaign);
  secondAdmin = await newAccount(t, organiser.admin, {
    organisationId: organiser.organisationId,
    roles: ['organiser_admin'],
  });
  await signIn();
}, 180_000);
afterAll(() => t?.close());

/** Sessions lapse when the clock moves days ahead: everyone signs in again, as they would. */
async function signIn() {
  adminSession = await loginAs(t.app, organiser.admin);
  secondSession = await loginAs(t.app, secondAdmin);
  unitSession = await loginAs(t.app, unit.submitter);
}

let address = 10;
/** A fresh address per submission unless a test means one address. */
const nextIp = () => `198.51.100.${address++}`;

async function submit(
  fields: Record<string, string>,
  options: { files?: { name: string; bytes: Buffer }[]; ip?: string; wrongCaptcha?: boolean } = {},
) {
  const ip = options.ip ?? nextIp();
  const captcha = (
    await t.app.inject({ method: 'GET', url: '/api/objection-captcha', remoteAddress: ip })
  ).json();
  const form = new FormData();
  const all: Record<string, string> = {
    entryId: announcement.entries[0]!.id,
    objectorKind: 'person',
    name: '王某某',
    idNumber: ID,
    workplace: '长春市某中学',
    phone: '13912345678',
    facts: FACTS,
    captchaToken: captcha.token,
    captchaAnswer: options.wrongCaptcha
      ? String(Number(answer(captcha.question)) + 1)
      : answer(captcha.question),
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) form.append(k, v);
  for (const f of options.files ?? []) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  return t.app.inject({
    method: 'POST',
    url: `/api/announcements/${announcement.id}/objections`,
    payload: form,
    remoteAddress: ip,
  });
}

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('objections')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const fileCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('objectionFiles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('submitting an objection', () => {
  it('asks a text question a screen reader can read', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/objection-captcha' });
    expect(response.statusCode).toBe(200);
    expect(response.json().question).toMatch(
      /^[零一二三四五六七八九十]+[加减][零一二三四五六七八九十]+等于几？/,
    );
  });

  it('takes a valid objection with attachments, gives a receipt and tells the organiser', async () => {
    const response = await submit(
      {},
      {
        files: [
          { name: '证据.pdf', bytes: PDF },
          { name: '照片.jpg', bytes: JPEG },
        ],
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const { receipt, announcementTitle } = response.json();
    expect(receipt).toMatch(/^26[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(announcementTitle).toContain('公示');
    const row = await t.database.db
      .selectFrom('objections')
      .selectAll()
      .where('receipt', '=', receipt)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('received');
    // Markup is kept as typed text (the JSON API and the React pages escape it when shown).
    expect(row.facts).toBe(FACTS);
    // 受理 within 2 working days: 9月30日 and, after 国庆节, 10月8日.
    expect(row.acceptDue).toBe('2026-10-08');
    expect(await fileCount()).toBe(2);
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['accountId', 'kind'])
      .where('kind', '=', 'objection_received')
      .execute();
    expect(told.map((n) => n.accountId).sort()).toEqual([organiser.admin.id, secondAdmin.id].sort());
  });

  it('refuses an invalid ID number, a missing contact person and short facts, storing nothing', async () => {
    const before = await count();
    const wrongId = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const badId = await submit({ idNumber: wrongId });
    expect(badId.statusCode).toBe(422);
    expect(badId.json()).toMatchObject({ code: 'OBJECTION_INVALID' });
    expect(badId.json().details.findings.map((f: { field: string }) => f.field)).toContain('idNumber');
    const noContact = await submit({ objectorKind: 'unit', unitName: '某某社区学校', contactName: '' });
    expect(noContact.json()).toMatchObject({
      code: 'OBJECTION_INVALID',
      message: expect.stringContaining('联系人'),
    });
    const noPhone = await submit({ phone: '' });
    expect(noPhone.json().code).toBe('OBJECTION_INVALID');
    expect(await count()).toBe(before);
  });

  it('refuses a disguised and an oversized attachment, and keeps none of the files sent with them', async () => {
    const [before, filesBefore] = [await count(), await fileCount()];
    const disguised = await submit(
      {},
      {
        files: [
          { name: 'a.pdf', bytes: PDF },
          { name: '证据.pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') },
        ],
      },
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('证据.pdf'),
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 10);
    PDF.copy(big);
    const oversized = await submit({}, { files: [{ name: '大文件.pdf', bytes: big }] });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('10 MB'),
    });
    expect([await count(), await fileCount()]).toEqual([before, filesBefore]);
  });

  it('refuses a wrong captcha answer', async () => {
    const before = await count();
    const response = await submit({}, { wrongCaptcha: true });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('CAPTCHA_FAILED');
    expect(await count()).toBe(before);
  });

  it('limits a burst from one address with a Chinese message', async () => {
    const ip = '203.0.113.7';
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await submit({ phone: '' }, { ip })).statusCode);
    expect(codes).toEqual([422, 422, 422, 422, 422, 429]);
    const limited = await submit({}, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('10 分钟'),
    });
    // Another address is not held back.
    expect((await submit({ phone: '' })).statusCode).toBe(422);
  });
});

describe('the status lookup', () => {
  it('answers the receipt with the right phone only, the same way for a wrong phone as for no receipt', async () => {
    const { receipt } = (await submit({ phone: '0431-88881234' })).json();
    const lookup = (r: string, phone: string) =>
      t.app.inject({ method: 'POST', url: '/api/objection-status', payload: { receipt: r, phone } });
    const found = await lookup(receipt.toLowerCase(), '0431 88881234');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      receipt,
      stateLabel: '待受理',
      reply: null,
      acceptDue: '2026-10-08',
    });
    expect(JSON.stringify(found.json())).not.toMatch(/王某某|22010219800101/);
    const wrongPhone = await lookup(receipt, '13900000000');
    const unknown = await lookup('26ABCDEFGHJK', '0431-88881234');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.json()).toEqual(unknown.json());
  });
});

describe('handling', () => {
  let id: string;
  let receipt: string;
  const move = (s: Session, to: string, reason?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/moves`,
      headers: as(s),
      payload: { to, reason },
    });

  it('lists the objections with dues and flags the late ones', async () => {
    ({ receipt } = (await submit({ entryId: announcement.entries[1]!.id })).json());
    id = (
      await t.database.db
        .selectFrom('objections')
        .select('id')
        .where('receipt', '=', receipt)
        .executeTakeFirstOrThrow()
    ).id;
    clock.set('2026-10-09T09:00:00+08:00');
    await signIn();
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}/objections`,
      headers: as(adminSession),
    });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { receipt: string }) => i.receipt === receipt);
    expect(item).toMatchObject({
      stateLabel: '待受理',
      dues: { accept: '2026-10-08' },
      overdue: ['受理已逾期'],
    });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/objections/${id}`,
      headers: as(adminSession),
    });
    expect(detail.json().objection.facts).toBe(FACTS);
    expect(JSON.stringify(detail.json())).not.toContain(ID);
    expect(detail.json().objection.moves.map((m: { label: string }) => m.label)).toEqual([
      '受理',
      '不予受理',
    ]);
  });

  it('shows nothing of it to another organiser', async () => {
    const other = await newOrganiser(t);
    const session = await loginAs(t.app, other.admin);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaign.id}/objections`,
      headers: as(session),
    });
    expect(list.statusCode).toBe(404);
    for (const [method, url] of [
      ['GET', `/api/objections/${id}`],
      ['POST', `/api/objections/${id}/identity-views`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: as(session) });
      expect(response.statusCode, url).toBe(404);
    }
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/moves`,
      headers: as(session),
      payload: { to: 'investigating' },
    });
    expect(moved.statusCode).toBe(404);
  });

  it('shows the objector only on request, logging each view', async () => {
    const view = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/identity-views`,
      headers: as(adminSession),
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().identity).toMatchObject({ name: '王某某', idNumber: ID, phone: '13912345678' });
    expect(view.json().notice).toContain('已记录');
    // At rest the identity is one envelope (decision 0016): no name, number or phone in the row.
    const { rows } = await sql<{
      row: string;
    }>`SELECT x::text AS row FROM objections x WHERE id = ${id}`.execute(t.database.db);
    for (const clear of ['王某某', ID, '13912345678', '长春市某中学'])
      expect(rows[0]!.row).not.toContain(clear);
    expect(rows[0]!.row).toContain('"kid"');
    const views = await t.database.db
      .selectFrom('objectionIdentityViews')
      .selectAll()
      .where('objectionId', '=', id)
      .execute();
    expect(views.map((v) => v.accountId)).toEqual([organiser.admin.id]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('actorId')
      .where('action', '=', 'objection.identity_viewed')
      .where('entityId', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('asks the unit to explain; the unit sees the facts but never who objected', async () => {
    expect((await move(adminSession, 'investigating')).statusCode).toBe(200);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/explanation-request`,
      headers: as(adminSession),
      payload: { workingDays: 3, question: '请说明该荣誉的颁发单位并提供证书。' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const requests = await t.app.inject({
      method: 'GET',
      url: '/api/objection-explanations',
      headers: as(unitSession),
    });
    const request = requests.json().items.find((r: { objectionId: string }) => r.objectionId === id);
    // 3 working days after Friday 10月9日: Saturday 10月10日 (调休上班), 10月12日, 10月13日.
    expect(request).toMatchObject({ facts: FACTS, due: '2026-10-13', mayAnswer: true });
    expect(JSON.stringify(requests.json())).not.toMatch(/王某某|13912345678|220102/);
    for (const url of [`/api/objections/${id}`]) {
      const refused = await t.app.inject({ method: 'GET', url, headers: as(unitSession) });
      expect(refused.statusCode).toBe(404);
    }
    const identity = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/identity-views`,
      headers: as(unitSession),
    });
    expect(identity.statusCode).toBe(404);
    const form = new FormData();
    form.append('explanation', '该荣誉由省教育厅于2020年颁发，证书附后。');
    form.append('files', new Blob([new Uint8Array(PDF)]), '证书.pdf');
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${id}/explanation`,
      headers: as(unitSession),
      payload: form,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ mayAnswer: false, files: [{ fileName: '证书.pdf' }] });
  });

  it('needs a second organiser admin to confirm 成立, then takes the entry off the 公示', async () => {
    let changed = 0;
    const original = t.context.publicPages.changed;
    t.context.publicPages.changed = () => {
      changed++;
      return original.call(t.context.publicPages);
    };
    const noReason = await move(adminSession, 'upheld_proposed');
    expect(noReason.json().code).toBe('VALIDATION_FAILED');
    const proposed = await move(adminSession, 'upheld_proposed', '经核实，所称荣誉无颁发记录。');
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json().objection.moves).toEqual([]);
    const self = await move(adminSession, 'upheld');
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('SECOND_SIGNATURE_REQUIRED');
    expect(changed).toBe(0);
    const confirmed = await move(secondSession, 'upheld');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(changed).toBe(1);
    t.context.publicPages.changed = original;

    const entry = announcement.entries[1]!;
    const stored = await t.database.db
      .selectFrom('announcementEntries')
      .selectAll()
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(stored.removedAt).not.toBeNull();
    const corrections = await t.database.db
      .selectFrom('announcementCorrections')
      .selectAll()
      .where('entryId', '=', entry.id)
      .execute();
    expect(corrections).toMatchObject([{ kind: 'entry_removed', day: '2026-10-09' }]);
    expect((await findNomination(t.database.db, entry.nominationId))!.state).toBe('not_selected');
    expect(confirmed.json().objection).toMatchObject({
      stateLabel: '异议成立',
      entryRemoved: true,
      // 答复 within 5 working days of the conclusion: 10月10日 (调休), 12日–15日.
      dues: { reply: '2026-10-15' },
    });
  });

  it('answers the objector, who then sees the reply', async () => {
    const replied = await move(adminSession, 'replied', '经核实，您反映的情况属实，该对象已移出拟推介名单。');
    expect(replied.statusCode).toBe(200);
    const status = await t.app.inject({
      method: 'POST',
      url: '/api/objection-status',
      payload: { receipt, phone: '13912345678' },
    });
    expect(status.json()).toMatchObject({ stateLabel: '已答复', reply: expect.stringContaining('属实') });
  });

  it('refuses objections after the period with its dates', async () => {
    clock.set('2026-10-11T09:00:00+08:00');
    const late = await submit({});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toEqual({
      code: 'OBJECTION_PERIOD_CLOSED',
      message: '公示期为2026年9月29日至2026年10月10日，逾期提出的异议不予受理。',
    });
  });
});

describe('objectors’ identities under a new key', () => {
  it('seals an objection kept in clear, reseals the rest, and the status lookup and the identity view still work', async () => {
    const { receipt } = await t.database.db
      .selectFrom('objections')
      .select('receipt')
      .orderBy('submittedAt')
      .executeTakeFirstOrThrow();
    const objection = await t.database.db
      .selectFrom('objections')
      .select('id')
      .where('receipt', '=', receipt)
      .executeTakeFirstOrThrow();
    const identity = {
      kind: 'person',
      name: '王某某',
      idNumber: ID,
      workplace: '长春市某中学',
      phone: '13912345678',
    };
    // SQL on purpose: a row as written before migration 0030 (clear identity, plain SHA-256 of the phone).
    await sql`UPDATE objections SET objector = ${JSON.stringify(identity)}::jsonb,
      phone_hash = encode(sha256(convert_to('13912345678', 'UTF8')), 'hex'), data_key_id = NULL
      WHERE id = ${objection.id}`.execute(t.database.db);
    const rotated = dataKeyring(randomBytes(32), [dataKeys().current.key]);
    installDataKeys(rotated);
    const report = await resealPersonalData(t.database.db, rotated);
    const counts = report.find((r) => r.what === '异议人信息')!.counts;
    expect(counts.sealed).toBe(1);
    expect(counts.rotated).toBeGreaterThan(0);
    const { rows } = await sql<{
      row: string;
    }>`SELECT x::text AS row FROM objections x WHERE id = ${objection.id}`.execute(t.database.db);
    for (const clear of ['王某某', ID, '13912345678']) expect(rows[0]!.row).not.toContain(clear);

    const status = await t.app.inject({
      method: 'POST',
      url: '/api/objection-status',
      payload: { receipt, phone: '139 1234 5678' },
    });
    expect(status.statusCode, status.body).toBe(200);
    const view = await t.app.inject({
      method: 'POST',
      url: `/api/objections/${objection.id}/identity-views`,
      // A new login: the clock has moved past the earlier session's life.
      headers: as(await loginAs(t.app, organiser.admin)),
    });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().identity).toMatchObject({ name: '王某某', idNumber: ID, phone: '13912345678' });
  });
});
