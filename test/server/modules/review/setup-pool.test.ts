/**
 * The expert pool of a campaign through the API: the organiser invites existing expert accounts or new
 * ones (a one-time password shown once), edits and removes them, imports them from XLSX all or nothing;
 * a chair sits on the panel they chair, one per panel. Bad input is refused in Chinese and stores
 * nothing; units, other organisers and experts are kept out.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { openColumn } from '#server/platform/personal-data/sealed-column.ts';
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
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';
import { idNumber } from '#test/support/nominations.ts';

let t: TestApp;
let organiser: TestOrganiser;
let campaign: TestCampaign;
let admin: Session;
let experts: TestAccount[];
let unitSession: Session;
let expertSession: Session;
let otherAdmin: Session;
let unit: TestUnit;

beforeAll(async () => {
  // A date the official calendar covers for the 公示 period.
  t = await createTestApp({ clock: manualClock('2026-11-02T10:00:00+08:00') });
  organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  experts = [await newExpert(t, organiser), await newExpert(t, organiser), await newExpert(t, organiser)];
  unit = await newUnit(t, organiser);
  const other = await newOrganiser(t);
  admin = await loginAs(t.app, organiser.admin);
  unitSession = await loginAs(t.app, unit.submitter);
  expertSession = await loginAs(t.app, experts[0]!);
  otherAdmin = await loginAs(t.app, other.admin);
}, 120_000);
afterAll(() => t?.close());

const url = (tail = '') => `/api/campaigns/${campaign.id}/review${tail}`;
const call = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
  t.app.inject({ method, url: path, headers: as(s), payload });
const pool = () =>
  t.database.db.selectFrom('reviewExperts').selectAll().where('campaignId', '=', campaign.id).execute();
const audit = (action: string) =>
  t.database.db.selectFrom('auditLog').select(['after', 'before']).where('action', '=', action).execute();
const facts = { panels: ['star'], province: '22', field: '成人教育', minLoad: 0, maxLoad: 20 };

describe('the expert pool', () => {
  it('invites an existing expert account and a new one, whose one-time password is shown once', async () => {
    const invited = await call(admin, 'POST', url('/experts'), {
      ...facts,
      accountId: experts[0]!.id,
      chairOf: ['star'],
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().expert).toMatchObject({
      name: experts[0]!.displayName,
      chairOf: ['star'],
      provinceName: '吉林省',
    });
    expect(invited.json().initialPassword).toBeUndefined();

    const created = await call(admin, 'POST', url('/experts'), {
      ...facts,
      panels: ['star', 'project'],
      idNumber: idNumber(7),
      newAccount: { username: 'new-expert-1', displayName: '李专家', email: 'li@example.cn' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().initialPassword).toMatch(/.{8,}/);
    expect(created.json().expert.idNumberMasked).toBe(`22${'*'.repeat(12)}${idNumber(7).slice(14)}`);
    const account = await t.database.db
      .selectFrom('accounts')
      .select(['roles', 'email', 'mustChangePassword'])
      .where('username', '=', 'new-expert-1')
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ roles: ['expert'], email: 'li@example.cn', mustChangePassword: true });
    expect(await pool()).toHaveLength(2);
    expect((await audit('review.expert_invited')).length).toBe(2);
    // The audit keeps no ID number.
    expect(JSON.stringify(await audit('review.expert_invited'))).not.toContain(idNumber(7));

    const setup = await call(admin, 'GET', url());
    expect(setup.statusCode).toBe(200);
    expect(setup.json().experts.map((e: { name: string }) => e.name)).toEqual([
      experts[0]!.displayName,
      '李专家',
    ]);
    expect(setup.json().settings.sameProvinceConflicts).toBe(false);

    const candidates = await call(admin, 'GET', url('/candidates?q='));
    const items = candidates.json().items as { accountId: string; inPool: boolean }[];
    expect(items.find((c) => c.accountId === experts[0]!.id)?.inPool).toBe(true);
    expect(items.find((c) => c.accountId === experts[1]!.id)?.inPool).toBe(false);
    expect(items.some((c) => c.accountId === organiser.admin.id)).toBe(false);
  });

  it('refuses bad input with a clear code and Chinese message, storing nothing', async () => {
    const before = await pool();
    const refusals: [object, number, string, RegExp][] = [
      [
        { ...facts, accountId: experts[1]!.id, chairOf: ['project'] },
        400,
        'VALIDATION_FAILED',
        /须在该评审组中/,
      ],
      [{ ...facts, accountId: experts[1]!.id, chairOf: ['star'] }, 409, 'CHAIR_TAKEN', /已由.+担任组长/],
      [
        { ...facts, accountId: experts[1]!.id, minLoad: 30, maxLoad: 10 },
        400,
        'VALIDATION_FAILED',
        /不能低于最低工作量/,
      ],
      [
        { ...facts, accountId: experts[1]!.id, idNumber: '2201021980010112' },
        400,
        'VALIDATION_FAILED',
        /身份证/,
      ],
      [{ ...facts, accountId: experts[0]!.id }, 409, 'EXPERT_ALREADY_IN_POOL', /已在本次活动的专家库中/],
      [{ ...facts, accountId: organiser.admin.id }, 400, 'VALIDATION_FAILED', /不是评审专家/],
      [{ ...facts, panels: [], accountId: experts[1]!.id }, 400, 'VALIDATION_FAILED', /请至少选择一个评审组/],
      [{ ...facts }, 400, 'VALIDATION_FAILED', /二者选一/],
      [
        { ...facts, province: '吉林', accountId: experts[1]!.id },
        400,
        'VALIDATION_FAILED',
        /两位行政区划代码/,
      ],
      [
        { ...facts, newAccount: { username: 'new-expert-1', displayName: '重名' } },
        409,
        'DUPLICATE_USERNAME',
        /已被使用/,
      ],
    ];
    for (const [body, status, code, message] of refusals) {
      const response = await call(admin, 'POST', url('/experts'), body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(response.json().message).toMatch(message);
    }
    expect(await pool()).toEqual(before);
    expect(
      await t.database.db.selectFrom('accounts').select('id').where('displayName', '=', '重名').execute(),
    ).toEqual([]);
  });

  it('edits an expert (a stale version refused) and removes one', async () => {
    const [row] = (await pool()).filter((e) => e.expertId === experts[0]!.id);
    const edited = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...facts,
      panels: ['star', 'project'],
      chairOf: ['project'],
      version: row!.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().expert).toMatchObject({ chairOf: ['project'], panels: ['star', 'project'] });
    const badEdit = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...facts,
      chairOf: ['project'],
      version: row!.version + 1,
    });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.json().message).toMatch(/须在该评审组中/);
    const stale = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...facts,
      version: row!.version,
    });
    expect(stale.json().code).toBe('STALE_VERSION');

    // An edit that leaves the ID number out keeps it (the form never shows it again); null clears it.
    const withId = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...facts,
      panels: ['star', 'project'],
      idNumber: '11010519491231002X',
      version: row!.version + 1,
    });
    expect(withId.statusCode, withId.body).toBe(200);
    const { idNumber: _left, ...withoutId } = facts as typeof facts & { idNumber?: string };
    const kept = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...withoutId,
      panels: ['star', 'project'],
      field: '社区教育',
      version: row!.version + 2,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const stored = async () =>
      (
        await t.database.db
          .selectFrom('reviewExperts')
          .select('idNumberSealed')
          .where('expertId', '=', experts[0]!.id)
          .executeTakeFirstOrThrow()
      ).idNumberSealed;
    const storedNumber = async () => openColumn('idNumber', await stored(), dataKeys());
    expect(await storedNumber()).toBe('11010519491231002X');
    expect(JSON.stringify(await stored())).not.toContain('11010519491231002X');
    const cleared = await call(admin, 'PATCH', url(`/experts/${experts[0]!.id}`), {
      ...withoutId,
      panels: ['star', 'project'],
      idNumber: null,
      version: row!.version + 3,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await stored()).toBeNull();

    await call(admin, 'POST', url('/experts'), { ...facts, accountId: experts[2]!.id });
    const removed = await call(admin, 'DELETE', url(`/experts/${experts[2]!.id}`));
    expect(removed.statusCode).toBe(204);
    expect((await pool()).some((e) => e.expertId === experts[2]!.id)).toBe(false);
    expect(await audit('review.expert_removed')).toHaveLength(1);
    expect((await call(admin, 'DELETE', url(`/experts/${experts[2]!.id}`))).statusCode).toBe(404);
  });

  it('keeps units, other organisers and experts out (403 where they see the campaign, else 404)', async () => {
    const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?][] = [
      ['GET', url()],
      ['GET', url('/candidates')],
      ['POST', url('/experts'), { ...facts, accountId: experts[1]!.id }],
      ['DELETE', url(`/experts/${experts[0]!.id}`)],
      ['GET', url('/conflicts')],
      ['GET', url('/experts/import/template')],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(unitSession, method, path, body)).statusCode, `${method} ${path}`).toBe(403);
      expect((await call(expertSession, method, path, body)).statusCode, `${method} ${path}`).toBe(403);
      expect((await call(otherAdmin, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    }
  });
});

async function workbook(rows: string[][], header?: string[]) {
  const template = await call(admin, 'GET', url('/experts/import/template'));
  expect(template.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  if (header) sheet.getRow(1).values = header;
  sheet.spliceRows(2, 1);
  rows.forEach((r, i) => {
    sheet.getRow(i + 2).values = r;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function upload(data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'experts.xlsx');
  return t.app.inject({ method: 'POST', url: url('/experts/import'), headers: as(admin), payload: form });
}

describe('the expert import', () => {
  it('refuses a file with errors, each with its row, and imports nothing', async () => {
    const before = await pool();
    const data = await workbook([
      ['imp-expert-1', '赵专家', '百姓学习之星', '', '东北师范大学', '', '吉林省', '', '', '0', '10', '', ''],
      ['imp-expert-2', '钱专家', '评审组外', '', '', '', '', '', '', '', '', '', ''],
      ['imp-expert-3', '孙专家', '终身学习品牌项目', '', '', '', '', '', '', '9', '3', '', ''],
      ['imp-expert-1', '赵专家', '百姓学习之星', '', '', '', '', '', '', '', '', '', ''],
    ]);
    const response = await upload(data);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().code).toBe('IMPORT_INVALID');
    const findings = response.json().details.findings as { row: number; message: string }[];
    expect(findings.map((f) => f.row).sort()).toEqual([3, 4, 5]);
    expect(findings.find((f) => f.row === 3)!.message).toMatch(/评审组应为/);
    expect(findings.find((f) => f.row === 4)!.message).toMatch(/不能低于最低工作量/);
    expect(findings.find((f) => f.row === 5)!.message).toMatch(/与第 2 行重复/);
    expect(await pool()).toEqual(before);
    expect(
      await t.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', 'like', 'imp-expert-%')
        .execute(),
    ).toEqual([]);
  });

  it('imports new and existing experts together, with one-time passwords for the new', async () => {
    const data = await workbook([
      [
        'imp-expert-1',
        '赵专家',
        '百姓学习之星、终身学习品牌项目',
        '',
        '东北师范大学',
        '',
        '吉林省',
        '成人教育',
        '',
        '0',
        '10',
        '',
        '',
      ],
      [
        experts[1]!.username,
        experts[1]!.displayName,
        '终身学习品牌项目',
        '',
        '',
        '',
        '22',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    const response = await upload(data);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ imported: 2, findings: [] });
    expect(response.json().accounts).toEqual([
      { username: 'imp-expert-1', displayName: '赵专家', initialPassword: expect.any(String) },
    ]);
    const rows = await pool();
    expect(rows.find((e) => e.expertId === experts[1]!.id)?.panels).toEqual(['project']);
    expect(rows.some((e) => e.province === '22' && e.employerName === '东北师范大学')).toBe(true);
  });
});

describe('after 公示 starts', () => {
  it('keeps the pool as it was', async () => {
    // 公示 is of a 拟推介名单: one nomination put on it (the campaign goes to review with it).
    await newNomination(t, { campaign, unit, state: 'shortlisted' });
    await moveCampaign(t, campaign, 'announcing');
    const before = await pool();
    const invited = await call(admin, 'POST', url('/experts'), { ...facts, accountId: experts[2]!.id });
    expect(invited.statusCode).toBe(409);
    expect(invited.json()).toMatchObject({
      code: 'REVIEW_SETUP_CLOSED',
      message: expect.stringContaining('公示'),
    });
    expect((await call(admin, 'DELETE', url(`/experts/${experts[1]!.id}`))).json().code).toBe(
      'REVIEW_SETUP_CLOSED',
    );
    expect(await pool()).toEqual(before);
    expect((await call(admin, 'GET', url())).statusCode).toBe(200);
  });
});

describe('the API document', () => {
  it('lists every setup operation by its operationId', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((p) => Object.values(p))
      .map((o) => o.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'getReviewSetup',
        'searchExpertCandidates',
        'inviteExpert',
        'updateExpert',
        'removeExpert',
        'importExperts',
        'getExpertImportTemplate',
        'checkExpertConflicts',
        'listConflicts',
        'dismissConflict',
        'declareConflict',
        'listExclusionRequests',
        'setExclusionRequests',
        'createReviewRound',
        'updateReviewRound',
        'moveReviewRound',
        'assignReviews',
        'getAssignments',
        'addAssignment',
        'removeAssignment',
      ]),
    );
  });
});
