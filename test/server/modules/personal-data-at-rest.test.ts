/**
 * Issue 15, item 5 (decision 0016): nominees' 身份证号, phones and addresses are sealed in the database;
 * the owning unit and the campaign's organiser read them whole (the organiser's view logged), another
 * unit reads nothing and an expert the masks; the duplicate check still finds the same person by the
 * keyed hash; a key rotation reseals everything so the old key can go; a wrong key stops the start.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPersonalDataKeysKnown as assertDataKeysKnown,
  resealPersonalData,
} from '#cli/reseal-personal-data.ts';
import {
  type DataKeyring,
  dataKeyring,
  dataKeys,
  installDataKeys,
  keyFileIn,
} from '#server/platform/personal-data/data-keys.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  completeForm,
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
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';
import { addToPool, assign, newRound } from '#test/support/factories/review.ts';

let t: TestApp;
let organiser: TestOrganiser;
let campaign: TestCampaign;
let unit: TestUnit;
let other: TestUnit;
let star: TestNomination;
let project: TestNomination;
let twin: TestNomination;
let expert: TestAccount;
let roundId: string;
const sessions = new Map<TestAccount, Session>();

const PHONE = '13912345678';
const ADDRESS = '吉林省长春市南关区人民大街100号';
const CONTACT = '0431-85556666';
let ID: string;

beforeAll(async () => {
  t = await createTestApp();
  organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  unit = await newUnit(t, organiser);
  other = await newUnit(t, organiser);
  const form: Record<string, unknown> = {
    ...completeForm(t, campaign, 'star'),
    phone: PHONE,
    address: ADDRESS,
  };
  ID = form.idNumber as string;
  star = await newNomination(t, { campaign, unit, form, state: 'accepted' });
  project = await newNomination(t, {
    campaign,
    unit,
    category: 'project',
    form: { ...completeForm(t, campaign, 'project'), contactPhone: CONTACT },
  });
  // The same person from another unit, under another name and workplace: only the number can match.
  twin = await newNomination(t, {
    campaign,
    unit: other,
    form: { ...completeForm(t, campaign, 'star'), idNumber: ID, name: '李桂兰', workUnit: '吉林市某街道' },
  });
  await moveCampaign(t, campaign, 'reviewing');
  expert = await newExpert(t, organiser);
  await addToPool(t, campaign, expert);
  roundId = (await newRound(t, campaign)).id;
  await assign(t, { id: roundId } as Parameters<typeof assign>[1], star.id, [expert]);
  for (const account of [unit.submitter, other.submitter, organiser.admin, expert])
    sessions.set(account, await loginAs(t.app, account));
}, 180_000);
afterAll(() => t.close());

const get = (account: TestAccount, url: string) =>
  t.app.inject({ method: 'GET', url, headers: as(sessions.get(account)!) });

/** The row as PostgreSQL holds it, as text: what a dump, a backup or a replica would show. */
async function raw(id: string) {
  const { rows } = await sql<{
    form: string;
    snapshot: string | null;
    hash: string | null;
    kid: string | null;
  }>`
    SELECT form::text AS form, snapshot::text AS snapshot, id_number_hash AS hash, data_key_id AS kid
    FROM nominations WHERE id = ${id}`.execute(t.database.db);
  return rows[0]!;
}

const CLEAR = () => [ID, PHONE, ADDRESS, CONTACT, '1391234', '人民大街'];

describe('at rest', () => {
  it('keeps no ID number, phone or address in the row, its snapshot or its hash', async () => {
    for (const n of [star, project, twin]) {
      const row = await raw(n.id);
      for (const value of CLEAR()) {
        expect(row.form).not.toContain(value);
        expect(row.snapshot ?? '').not.toContain(value);
      }
      expect(row.kid).toBe(dataKeys().current.kid);
    }
    const sealed = await raw(star.id);
    expect(sealed.snapshot).toContain('"kid"');
    expect(JSON.parse(sealed.form).idNumber).toMatchObject({ v: 1, mask: `22************${ID.slice(14)}` });
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
    const all = await sql<{
      text: string;
    }>`SELECT form::text || coalesce(snapshot::text, '') AS text FROM nominations`.execute(t.database.db);
    expect(all.rows.some((r) => r.text.includes(ID))).toBe(false);
  });
});

describe('who reads what', () => {
  it('gives the owning unit and the organiser the clear values, and logs the organiser’s view', async () => {
    for (const reader of [unit.submitter, organiser.admin]) {
      const response = await get(reader, `/api/nominations/${star.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().nomination.form).toMatchObject({ idNumber: ID, phone: PHONE, address: ADDRESS });
    }
    const contact = await get(unit.submitter, `/api/nominations/${project.id}`);
    expect(contact.json().nomination.form.contactPhone).toBe(CONTACT);
    const views = await t.database.db
      .selectFrom('auditLog')
      .select('actorId')
      .where('action', '=', 'nomination.identity_viewed')
      .where('entityId', '=', star.id)
      .execute();
    expect(views.map((v) => v.actorId)).toEqual([organiser.admin.id]);
  });

  it('gives another unit nothing and an expert only the masks', async () => {
    const refused = await get(other.submitter, `/api/nominations/${star.id}`);
    expect(refused.statusCode).toBe(404);
    for (const value of CLEAR()) expect(refused.body).not.toContain(value);

    const review = await get(expert, `/api/reviews/${roundId}/${star.id}`);
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().form).toMatchObject({
      idNumber: `22************${ID.slice(14)}`,
      phone: '139****5678',
      address: '吉林省长春市****',
    });
    for (const value of CLEAR()) expect(review.body).not.toContain(value);
  });

  it('prints the clear values on the 推介表 the owning unit downloads', async () => {
    const response = await get(unit.submitter, `/api/nominations/${star.id}/form.docx`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(ID);
  });
});

/** The twin's registry findings as its own unit reads them. */
async function twinFindings() {
  const response = await get(other.submitter, `/api/nominations/${twin.id}`);
  return (response.json().nomination.findings as { code: string }[]).map((f) => f.code);
}

describe('matching and rotation', () => {
  it('finds the same person nominated by another unit by the keyed hash', async () => {
    expect((await raw(twin.id)).hash).toBe((await raw(star.id)).hash);
    expect(await twinFindings()).toContain('ALSO_NOMINATED');
  });

  it('reseals old rows and rows under an old key, after which the old key can be dropped', async () => {
    const before = dataKeys();
    // A row as written before migration 0021: clear, without a key or hash.
    // SQL on purpose: a legacy row, not a state.
    await t.database.db
      .updateTable('nominations')
      .set({ form: JSON.stringify(project.row.form), dataKeyId: null, idNumberHash: null })
      .where('id', '=', project.id)
      .execute();
    expect((await raw(project.id)).form).toContain(CONTACT);
    // A registry record as imported before migration 0027: the star's number in clear.
    // SQL on purpose: a legacy row, not a state.
    await sql`INSERT INTO previous_winners (organisation_id, year, level, category, name, id_number)
      VALUES (${organiser.organisationId}, 2020, 'provincial', 'star', '王旧档', ${ID})`.execute(
      t.database.db,
    );
    const winner = async () =>
      (
        await sql<{ row: string; hash: string | null; kid: string | null }>`
          SELECT p::text AS row, id_number_hash AS hash, data_key_id AS kid
          FROM previous_winners p WHERE name = '王旧档'`.execute(t.database.db)
      ).rows[0]!;
    expect((await winner()).row).toContain(ID);
    // The expert's pool row as written before migration 0028, with the star's number in clear, and a
    // declared relative (the star again) as written before relatives were sealed.
    const relative = { kind: 'close_relative', person: { name: '林亲属', idNumber: ID } };
    await sql`UPDATE review_experts SET id_number = ${ID}, id_number_sealed = NULL, id_number_hash = NULL,
      data_key_id = NULL, relations = ${JSON.stringify([relative])}::jsonb
      WHERE expert_id = ${expert.id}`.execute(t.database.db);
    const poolRow = async () =>
      (
        await sql<{
          row: string;
          hash: string | null;
          kid: string | null;
          relative: { idNumberHash?: string; idNumberSealed?: { kid: string } };
        }>`
          SELECT e::text AS row, id_number_hash AS hash, data_key_id AS kid, relations->0->'person' AS relative
          FROM review_experts e WHERE expert_id = ${expert.id}`.execute(t.database.db)
      ).rows[0]!;
    expect((await poolRow()).row).toContain(ID);
    // An account's phone as written before migration 0029.
    await sql`UPDATE accounts SET phone = ${PHONE}, phone_sealed = NULL, data_key_id = NULL
      WHERE id = ${unit.submitter.id}`.execute(t.database.db);

    const rotated: DataKeyring = dataKeyring(randomBytes(32), [before.current.key]);
    installDataKeys(rotated);
    const batches: number[] = [];
    const report = await resealPersonalData(t.database.db, rotated, {
      batchSize: 1,
      onBatch: (c) => batches.push(c.sealed + c.rotated),
    });
    const counts = report.find((r) => r.what === '推介')!.counts;
    expect(report.find((r) => r.what === '往届入选记录')!.counts).toEqual({ sealed: 1, rotated: 0 });
    expect(report.find((r) => r.what === '评审专家信息')!.counts).toEqual({ sealed: 1, rotated: 0 });
    expect(report.find((r) => r.what === '账号联系电话')!.counts.sealed).toBe(1);
    const total = Number(
      (
        await t.database.db
          .selectFrom('nominations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(counts).toEqual({ sealed: 1, rotated: total - 1 });
    expect(batches.slice(0, total)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Run again: nothing left to do.
    for (const { counts } of await resealPersonalData(t.database.db, rotated))
      expect(counts).toEqual({ sealed: 0, rotated: 0 });
    expect((await raw(project.id)).form).not.toContain(CONTACT);
    // The registry's record: sealed, its clear number gone, its hash the star's under the new key.
    const sealedWinner = await winner();
    expect(sealedWinner.row).not.toContain(ID);
    expect(sealedWinner.kid).toBe(rotated.current.kid);
    expect(sealedWinner.hash).toBe((await raw(star.id)).hash);
    const sealedExpert = await poolRow();
    expect(sealedExpert.row).not.toContain(ID);
    expect(sealedExpert.kid).toBe(rotated.current.kid);
    expect(sealedExpert.hash).toBe((await raw(star.id)).hash);
    expect(sealedExpert.relative.idNumberHash).toBe((await raw(star.id)).hash);
    expect(sealedExpert.relative.idNumberSealed?.kid).toBe(rotated.current.kid);
    const account = await sql<{ row: string; kid: string }>`
      SELECT a::text AS row, data_key_id AS kid FROM accounts a WHERE id = ${unit.submitter.id}`.execute(
      t.database.db,
    );
    expect(account.rows[0]!.row).not.toContain(PHONE);
    expect(account.rows[0]!.kid).toBe(rotated.current.kid);

    const newOnly = dataKeyring(rotated.current.key);
    installDataKeys(newOnly);
    await assertDataKeysKnown(t.database.db, newOnly);
    for (const n of [star, project, twin]) expect((await raw(n.id)).kid).toBe(newOnly.current.kid);
    const owner = await get(unit.submitter, `/api/nominations/${star.id}`);
    expect(owner.json().nomination.form).toMatchObject({ idNumber: ID, phone: PHONE });
    expect(await twinFindings()).toContain('ALSO_NOMINATED');
    const accounts = await get(organiser.admin, `/api/accounts?q=${unit.submitter.username}`);
    expect(JSON.stringify(accounts.json())).toContain('139****5678');
    const found = await get(organiser.admin, `/api/previous-winners?q=${ID}`);
    expect(found.json().items).toMatchObject([{ name: '王旧档', idNumber: `22************${ID.slice(14)}` }]);
    // The old key alone opens nothing any more: refused with the reason, before anything is read.
    await expect(assertDataKeysKnown(t.database.db, dataKeyring(before.current.key))).rejects.toThrow(
      /当前配置的密钥中没有它/,
    );
  });
});

/** `tuijie migrate` (or `command`) against this database with `env`: how a start with that key ends. */
async function start(env: Record<string, string | undefined>, command = 'migrate') {
  const varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-key-'));
  const child = spawn(process.execPath, ['src/cli/main.ts', command], {
    env: { ...process.env, DATABASE_URL: t.database.url, TUIJIE_VAR_DIR: varDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const keyFile = keyFileIn(varDir);
  const mode = existsSync(keyFile) ? statSync(keyFile).mode & 0o777 : null;
  await rm(varDir, { recursive: true, force: true });
  return { code, out, mode };
}

describe('starting with the wrong key', () => {
  it('stops with a Chinese message, not a stack trace, for a malformed, a wrong or a missing key', async () => {
    const malformed = await start({ TUIJIE_DATA_KEY: 'not-a-key' });
    expect(malformed.code).toBe(1);
    expect(malformed.out).toContain('无法启动：环境变量 TUIJIE_DATA_KEY 应为 32 字节随机数的 base64 编码');
    expect(malformed.out).not.toMatch(/\n\s+at /);

    const wrong = await start({ TUIJIE_DATA_KEY: randomBytes(32).toString('base64') });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('当前配置的密钥中没有它');
    expect(wrong.out).not.toMatch(/\n\s+at /);

    // No key anywhere: one is made (owner-only) in the var directory, and it is not the data's key.
    const missing = await start({ TUIJIE_DATA_KEY: '', TUIJIE_DATA_KEYS_OLD: '' });
    expect(missing.mode).toBe(0o600);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('当前配置的密钥中没有它');

    const right = await start({ TUIJIE_DATA_KEY: dataKeys().current.key.toString('base64') });
    expect(right.code, right.out).toBe(0);
    // `tuijie rotate-key` with the same key: every table counted, nothing left to do.
    const rotate = await start({ TUIJIE_DATA_KEY: dataKeys().current.key.toString('base64') }, 'rotate-key');
    expect(rotate.code, rotate.out).toBe(0);
    expect(rotate.out).toContain('原为明文、现已加密的往届入选记录：0 条');
    expect(rotate.out).toContain('所有个人信息均已由当前密钥加密。');
  }, 60_000);
});
