/**
 * Recusal (回避) through the API: conflicts computed from the pool and the nominations' frozen forms
 * (same organisation, works for the entity, the nominee), a candidate checked before inviting without
 * storing anything, a false positive dismissed with a reason (never the expert's own declaration), a
 * unit's requests to exclude experts (at most 3, names and employers only), an expert's own declaration;
 * experts' and their declared relatives' 身份证号 sealed in the pool, still found by their keyed hash.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealExperts } from '#server/modules/review/reseal-experts.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  newAccount,
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

let t: TestApp;
let organiser: TestOrganiser;
let campaign: TestCampaign;
let unitA: TestUnit;
let unitB: TestUnit;
let starA: TestNomination;
let starB: TestNomination;
let projectA: TestNomination;
let sameOrg: TestAccount;
let employer: TestAccount;
let nominee: TestAccount;
let clean: TestAccount;
let outsider: TestAccount;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  organiser = await newOrganiser(t);
  campaign = await newCampaign(t, organiser);
  unitA = await newUnit(t, organiser);
  unitB = await newUnit(t, organiser);
  starA = await newNomination(t, { campaign, unit: unitA, state: 'accepted' });
  starB = await newNomination(t, { campaign, unit: unitB, state: 'accepted' });
  projectA = await newNomination(t, { campaign, unit: unitA, state: 'accepted', category: 'project' });
  sameOrg = await newAccount(t, organiser.admin, { organisationId: unitA.organisationId, roles: ['expert'] });
  [employer, nominee, clean, outsider] = [
    await newExpert(t, organiser),
    await newExpert(t, organiser),
    await newExpert(t, organiser),
    await newExpert(t, organiser),
  ];
  admin = await loginAs(t.app, organiser.admin);
}, 240_000);
afterAll(() => t?.close());

const url = (tail = '') => `/api/campaigns/${campaign.id}/review${tail}`;
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  t.app.inject({ method, url: path, headers: as(s), payload });
const both = { panels: ['star', 'project'] };
const form = (n: TestNomination) => n.row.form as Record<string, string>;
const stored = () =>
  t.database.db.selectFrom('reviewConflicts').selectAll().where('campaignId', '=', campaign.id).execute();
const codes = async (expertId: string, nominationId: string) => {
  const list = (await call(admin, 'GET', url('/conflicts'))).json().items as {
    expertId: string;
    nominationId: string;
    conflicted: boolean;
    reasons: { code: string }[];
    dismissed: { code: string; dismissal: string }[];
  }[];
  return list.find((c) => c.expertId === expertId && c.nominationId === nominationId);
};

describe('conflicts of interest', () => {
  it('checks a candidate before inviting, storing nothing', async () => {
    const before = await stored();
    const response = await call(admin, 'POST', url('/experts/check'), {
      ...both,
      name: '候选专家',
      idNumber: form(starB).idNumber,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().conflicts).toEqual([
      expect.objectContaining({
        nominationId: starB.id,
        reasons: [
          expect.objectContaining({
            code: 'EXPERT_IS_NOMINEE',
            message: expect.stringContaining('身份证号一致'),
          }),
        ],
      }),
    ]);
    expect(await stored()).toEqual(before);
    expect(await t.database.db.selectFrom('reviewExperts').select('expertId').execute()).toEqual([]);
  });

  it('computes conflicts from the pool and the frozen forms when experts are invited', async () => {
    for (const [account, extra] of [
      [sameOrg, {}],
      [employer, { employerName: form(projectA).entityName }],
      [nominee, { idNumber: form(starB).idNumber }],
      [clean, {}],
    ] as const) {
      const response = await call(admin, 'POST', url('/experts'), {
        ...both,
        accountId: account.id,
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect((await codes(sameOrg.id, starA.id))?.reasons.map((r) => r.code)).toEqual(['SAME_ORGANISATION']);
    expect((await codes(sameOrg.id, projectA.id))?.reasons.map((r) => r.code)).toEqual(['SAME_ORGANISATION']);
    expect(await codes(sameOrg.id, starB.id)).toBeUndefined();
    expect((await codes(employer.id, projectA.id))?.reasons.map((r) => r.code)).toEqual(['WORKS_FOR_ENTITY']);
    expect((await codes(nominee.id, starB.id))?.reasons.map((r) => r.code)).toEqual(['EXPERT_IS_NOMINEE']);
    expect((await stored()).filter((c) => c.expertId === clean.id)).toEqual([]);
    const setup = (await call(admin, 'GET', url())).json();
    expect(setup.conflicts).toEqual({ pairs: 4, dismissed: 0 });
    expect(setup.experts.find((e: { expertId: string }) => e.expertId === sameOrg.id).conflicts).toBe(2);
  });

  it('lets an expert of the pool declare a conflict, their own only; a recused nomination does not exist for them', async () => {
    const expert = await loginAs(t.app, clean);
    const declared = await call(expert, 'POST', url('/declarations'), {
      nominationId: starB.id,
      reason: '曾指导该同志学习',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect((await codes(clean.id, starB.id))?.reasons.map((r) => r.code)).toEqual(['EXPERT_DECLARED']);
    const again = await call(expert, 'POST', url('/declarations'), {
      nominationId: starB.id,
      reason: '再次申请',
    });
    expect(again.statusCode).toBe(404);
    const recused = await call(await loginAs(t.app, nominee), 'POST', url('/declarations'), {
      nominationId: starB.id,
      reason: '本人',
    });
    expect(recused.statusCode).toBe(404);
    const notInPool = await call(await loginAs(t.app, outsider), 'POST', url('/declarations'), {
      nominationId: starA.id,
      reason: '理由',
    });
    expect(notInPool.statusCode).toBe(403);
    expect(
      (await call(admin, 'POST', url('/declarations'), { nominationId: starA.id, reason: '理由' }))
        .statusCode,
    ).toBe(403);
    const noReason = await call(expert, 'POST', url('/declarations'), {
      nominationId: starA.id,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/请填写理由/);
    const declarations = await t.database.db.selectFrom('reviewDeclarations').selectAll().execute();
    expect(declarations.map((d) => [d.expertId, d.nominationId, d.reason])).toEqual([
      [clean.id, starB.id, '曾指导该同志学习'],
    ]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'review.conflict_declared')
      .execute();
    expect(audit).toEqual([{ after: { expertId: clean.id, reason: '曾指导该同志学习' } }]);
  });

  it("dismisses a false positive with a reason, audited; never the expert's own declaration", async () => {
    const before = await stored();
    const own = await call(admin, 'POST', url('/conflicts/dismiss'), {
      nominationId: starB.id,
      expertId: clean.id,
      code: 'EXPERT_DECLARED',
      reason: '误报',
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({
      code: 'CONFLICT_NOT_DISMISSABLE',
      message: '专家本人申请的回避不能撤销',
    });
    const notThere = await call(admin, 'POST', url('/conflicts/dismiss'), {
      nominationId: starA.id,
      expertId: clean.id,
      code: 'SAME_PROVINCE',
      reason: '误报',
    });
    expect(notThere.statusCode).toBe(400);
    expect(notThere.json().message).toMatch(/没有这一回避情形/);
    expect(await stored()).toEqual(before);

    const dismissed = await call(admin, 'POST', url('/conflicts/dismiss'), {
      nominationId: projectA.id,
      expertId: employer.id,
      code: 'WORKS_FOR_ENTITY',
      reason: '同名不同单位，已电话核实',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const pair = await codes(employer.id, projectA.id);
    expect(pair).toMatchObject({ conflicted: false, reasons: [] });
    expect(pair?.dismissed).toEqual([
      expect.objectContaining({ code: 'WORKS_FOR_ENTITY', dismissal: '同名不同单位，已电话核实' }),
    ]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'review.conflict_dismissed')
      .execute();
    expect(audit).toEqual([
      { after: { expertId: employer.id, code: 'WORKS_FOR_ENTITY', reason: '同名不同单位，已电话核实' } },
    ]);
    // Other organisers never see the campaign; the unit may not dismiss.
    const unit = await loginAs(t.app, unitA.submitter);
    expect(
      (
        await call(unit, 'POST', url('/conflicts/dismiss'), {
          nominationId: starA.id,
          expertId: sameOrg.id,
          code: 'SAME_ORGANISATION',
          reason: '无',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("a unit's requests to exclude experts", () => {
  const exclusions = (n: TestNomination) => `/api/nominations/${n.id}/review-exclusions`;

  it('shows the unit only the names and employers of its panel, and refuses more than 3, storing nothing', async () => {
    const unit = await loginAs(t.app, unitB.submitter);
    const listed = await call(unit, 'GET', exclusions(starB));
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ maximum: 3, editable: true, requests: [] });
    for (const e of listed.json().experts)
      expect(Object.keys(e).sort()).toEqual(['employerName', 'expertId', 'name']);
    expect(listed.json().experts).toHaveLength(4);

    const four = [sameOrg, employer, nominee, clean].map((e) => ({ expertId: e.id, reason: '曾有合作' }));
    const tooMany = await call(unit, 'PUT', exclusions(starB), { requests: four });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({
      code: 'EXCLUSIONS_TOO_MANY',
      message: expect.stringContaining('最多申请3名专家回避'),
    });
    const stranger = await call(unit, 'PUT', exclusions(starB), {
      requests: [{ expertId: outsider.id, reason: '理由' }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toMatch(/不在本次评审的专家名单中/);
    const noReason = await call(unit, 'PUT', exclusions(starB), {
      requests: [{ expertId: sameOrg.id, reason: '' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(await t.database.db.selectFrom('reviewExclusionRequests').selectAll().execute()).toEqual([]);
  });

  it('turns a request into a conflict; other units and experts never reach the nomination', async () => {
    const unit = await loginAs(t.app, unitB.submitter);
    const saved = await call(unit, 'PUT', exclusions(starB), {
      requests: [{ expertId: sameOrg.id, reason: '该专家曾参与本单位推荐工作' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().requests).toEqual([
      { expertId: sameOrg.id, name: sameOrg.displayName, reason: '该专家曾参与本单位推荐工作' },
    ]);
    expect((await codes(sameOrg.id, starB.id))?.reasons.map((r) => r.code)).toEqual(['UNIT_EXCLUSION']);
    expect((await call(await loginAs(t.app, unitA.submitter), 'GET', exclusions(starB))).statusCode).toBe(
      404,
    );
    expect((await call(await loginAs(t.app, clean), 'GET', exclusions(starB))).statusCode).toBe(404);
    expect((await call(admin, 'PUT', exclusions(starB), { requests: [] })).statusCode).toBe(404);
  });
});

describe('same-province recusal', () => {
  it('recuses experts of the nomination’s province in a national campaign (the default there)', async () => {
    const national = await newOrganiser(t, { name: '测试全国组织单位', type: 'national_organiser' });
    const nationalCampaign = await newCampaign(t, national, { template: 'national-2024' });
    const jilin = await newUnit(t, national, { type: 'provincial_edu', regionCode: '220000' });
    const star = await newNomination(t, { campaign: nationalCampaign, unit: jilin, state: 'accepted' });
    const [local, beijing] = [await newExpert(t, national), await newExpert(t, national)];
    const session = await loginAs(t.app, national.admin);
    const base = `/api/campaigns/${nationalCampaign.id}/review`;
    for (const [expert, province] of [
      [local, '22'],
      [beijing, '11'],
    ] as const) {
      const response = await call(session, 'POST', `${base}/experts`, {
        panels: ['star'],
        accountId: expert.id,
        province,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const setup = (await call(session, 'GET', base)).json();
    expect(setup.settings.sameProvinceConflicts).toBe(true);
    const items = (await call(session, 'GET', `${base}/conflicts`)).json().items;
    expect(items).toEqual([
      expect.objectContaining({
        nominationId: star.id,
        expertId: local.id,
        conflicted: true,
        reasons: [expect.objectContaining({ code: 'SAME_PROVINCE' })],
      }),
    ]);
  });
});

describe('experts’ ID numbers at rest', () => {
  it('an expert imported from XLSX is found to be a nominee by the sealed number’s hash; the row keeps no number', async () => {
    const own = await newCampaign(t, organiser);
    const star = await newNomination(t, { campaign: own, unit: unitA, state: 'accepted' });
    const id = form(star).idNumber!;
    const base = `/api/campaigns/${own.id}/review`;
    const template = await call(admin, 'GET', `${base}/experts/import/template`);
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    sheet.spliceRows(2, sheet.rowCount);
    const cells: Record<string, string> = {
      用户名: 'sealed-expert-1',
      姓名: '周专家',
      评审组: '百姓学习之星',
      身份证号: id,
    };
    sheet.getRow(2).values = headings.map((h) => cells[h] ?? '');
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), 'experts.xlsx');
    const imported = await t.app.inject({
      method: 'POST',
      url: `${base}/experts/import`,
      headers: as(admin),
      payload: upload,
    });
    expect(imported.statusCode, imported.body).toBe(200);

    const expert = await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'sealed-expert-1')
      .executeTakeFirstOrThrow();
    // The row as a dump would show it: the envelope and the hash, not the number.
    const { rows } = await sql<{ row: string; hash: string | null }>`
      SELECT e::text AS row, id_number_hash AS hash FROM review_experts e
      WHERE campaign_id = ${own.id} AND expert_id = ${expert.id}`.execute(t.database.db);
    expect(rows[0]!.row).not.toContain(id);
    expect(rows[0]!.row).not.toContain(id.slice(0, 14));
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);

    const items = (await call(admin, 'GET', `${base}/conflicts`)).json().items;
    expect(items).toEqual([
      expect.objectContaining({
        nominationId: star.id,
        expertId: expert.id,
        conflicted: true,
        reasons: [expect.objectContaining({ code: 'EXPERT_IS_NOMINEE' })],
      }),
    ]);
    const setup = (await call(admin, 'GET', base)).json();
    expect(setup.experts.find((e: { expertId: string }) => e.expertId === expert.id).idNumberMasked).toBe(
      `22${'*'.repeat(12)}${id.slice(14)}`,
    );
  });
});

describe('declared relatives’ ID numbers at rest', () => {
  it('keeps a relative’s number sealed, shows its mask, and still recuses the expert from the relative’s nomination', async () => {
    const own = await newCampaign(t, organiser);
    const star = await newNomination(t, { campaign: own, unit: unitB, state: 'accepted' });
    const id = form(star).idNumber!;
    const mask = `${id.slice(0, 2)}${'*'.repeat(12)}${id.slice(14)}`;
    const expert = await newExpert(t, organiser);
    const base = `/api/campaigns/${own.id}/review`;
    // A different name on purpose: only the number says the relative is the nominee.
    const relative = { kind: 'close_relative', person: { name: '林亲属', idNumber: id }, note: '配偶' };
    const invited = await call(admin, 'POST', `${base}/experts`, {
      ...both,
      accountId: expert.id,
      relations: [relative],
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.body).not.toContain(id);

    const raw = async () =>
      (
        await sql<{ row: string; relations: { person: Record<string, unknown> }[]; version: number }>`
          SELECT e::text AS row, relations, version FROM review_experts e
          WHERE campaign_id = ${own.id} AND expert_id = ${expert.id}`.execute(t.database.db)
      ).rows[0]!;
    const starHash = (
      await t.database.db
        .selectFrom('nominations')
        .select('idNumberHash')
        .where('id', '=', star.id)
        .executeTakeFirstOrThrow()
    ).idNumberHash;
    // The row as a dump would show it: the envelope and the nominee's keyed hash, not the number.
    const sealed = await raw();
    expect(sealed.row).not.toContain(id);
    expect(sealed.row).not.toContain(id.slice(0, 14));
    expect(sealed.relations[0]!.person).toEqual({
      name: '林亲属',
      idNumberSealed: expect.objectContaining({ mask }),
      idNumberHash: starHash,
    });

    const relatives = async () =>
      ((await call(admin, 'GET', `${base}/conflicts`)).json().items as { expertId: string }[]).filter(
        (c) => c.expertId === expert.id,
      );
    expect(await relatives()).toEqual([
      expect.objectContaining({
        nominationId: star.id,
        conflicted: true,
        reasons: [expect.objectContaining({ code: 'DECLARED_RELATIVE' })],
      }),
    ]);
    const setup = await call(admin, 'GET', base);
    expect(setup.body).not.toContain(id);
    const shown = setup.json().experts.find((e: { expertId: string }) => e.expertId === expert.id);
    expect(shown.relations).toEqual([{ ...relative, person: { name: '林亲属', idNumber: mask } }]);

    // The edit form sends the mask back: the number it stands for is kept, and so is the recusal.
    const check = await call(admin, 'POST', `${base}/experts/check`, {
      ...both,
      name: expert.displayName,
      accountId: expert.id,
      relations: shown.relations,
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().conflicts).toEqual([
      expect.objectContaining({
        nominationId: star.id,
        reasons: [expect.objectContaining({ code: 'DECLARED_RELATIVE' })],
      }),
    ]);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `${base}/experts/${expert.id}`,
      headers: as(admin),
      payload: { ...both, relations: shown.relations, version: shown.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const kept = await raw();
    expect(kept.row).not.toContain(id);
    expect(kept.relations[0]!.person.idNumberHash).toBe(starHash);
    expect(await relatives()).toHaveLength(1);

    // A mask standing for no number kept (another person's name) is refused, and nothing changes.
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `${base}/experts/${expert.id}`,
      headers: as(admin),
      payload: {
        ...both,
        relations: [{ ...relative, person: { name: '王另一', idNumber: mask } }],
        version: kept.version,
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('申报关系人「王另一」的身份证号只显示了部分数字');
    expect(await raw()).toEqual(kept);

    // A row sealed before relatives were (its own key current, the relative clear) is sealed by the
    // start's reseal, counted as sealed; a second run has nothing to do.
    await sql`UPDATE review_experts SET relations = ${JSON.stringify([relative])}::jsonb
      WHERE campaign_id = ${own.id} AND expert_id = ${expert.id}`.execute(t.database.db);
    expect((await raw()).row).toContain(id);
    expect(await resealExperts(t.database.db, dataKeys())).toEqual({ sealed: 1, rotated: 0 });
    expect(await resealExperts(t.database.db, dataKeys())).toEqual({ sealed: 0, rotated: 0 });
    const resealed = await raw();
    expect(resealed.row).not.toContain(id);
    expect(resealed.relations[0]!.person.idNumberHash).toBe(starHash);
  });
});
