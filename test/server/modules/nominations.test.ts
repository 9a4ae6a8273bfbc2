import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { manualClock } from '#server/platform/clock.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { as, createTestApp, login, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilinCity: Session;
let jilin: Session;
let campaignId: string;
let rules: CampaignRules;
const clock = manualClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  const org = (
    await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '吉林市教育局')
      .executeTakeFirstOrThrow()
  ).id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: as(jilin),
    payload: {
      username: 'jilin-city',
      displayName: '吉林市填报员',
      organisationId: org,
      roles: ['unit_submitter'],
    },
  });
  const first = await login(t.app, 'jilin-city', created.json().initialPassword);
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: as(first),
    payload: { currentPassword: created.json().initialPassword, newPassword: 'JilinCity2026' },
  });
  jilinCity = first;
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });

describe('drafts', () => {
  it('saves a draft as the user types, shows what is missing, and refuses a stale save', async () => {
    const created = await call(changchun, 'POST', '/api/nominations', { campaignId, category: 'star' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json().nomination;
    expect(draft).toMatchObject({ state: 'draft', stateLabel: '草稿', version: 1, unitName: '长春市教育局' });
    const saved = await call(changchun, 'PUT', `/api/nominations/${draft.id}`, {
      form: { name: '王秀兰' },
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    const nomination = saved.json().nomination;
    expect(nomination).toMatchObject({ title: '王秀兰', version: 2 });
    expect(nomination.findings.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['idNumber', 'story']),
    );

    const stale = await call(changchun, 'PUT', `/api/nominations/${draft.id}`, {
      form: { name: '另一个标签页' },
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect((await call(changchun, 'GET', `/api/nominations/${draft.id}`)).json().nomination.form).toEqual({
      name: '王秀兰',
    });
  });

  it('keeps markup as text and refuses oversized text naming the field', async () => {
    const markup = '<script>alert("学习")</script><b>粗体</b>';
    const n = await draftWith(t, changchun, campaignId, { name: '测试', story: markup });
    expect(n.form.story).toBe(markup);
    const long = await call(changchun, 'PUT', `/api/nominations/${n.id}`, {
      form: { story: '学'.repeat(5001) },
      version: n.version,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('主要事迹');
    expect(long.json().details.findings[0]).toMatchObject({ code: 'TEXT_TOO_LONG', field: 'story' });
  });

  it('stores numbers, phones and names as printed: no full-width digits, padding spaces or bidi marks', async () => {
    const n = await draftWith(t, changchun, campaignId, {
      name: '\u202B周\u3000丽华\u202C',
      idNumber: '２２０１０２ １９８００１０１ ８８１\u200B５',
      phone: '１３９\u3000０４３１\u3000００００',
      workUnit: '\u2066长春市第１０１中学（退休）\u2069',
      story: '\u3000\u3000她组织读书会１２０场。',
    });
    expect(n.form).toEqual({
      name: '周丽华',
      idNumber: '220102198001018815',
      phone: '139 0431 0000',
      workUnit: '长春市第101中学（退休）',
      story: '\u3000\u3000她组织读书会１２０场。',
    });
    expect(n.title).toBe('周丽华');
    const stored = await t.database.db
      .selectFrom('nominations')
      .select(['form', 'title'])
      .where('id', '=', n.id)
      .executeTakeFirstOrThrow();
    // Sealed at rest (decision 0016): opened, it is exactly what was shown.
    expect({ ...stored, form: revealForm(stored.form as Record<string, unknown>, dataKeys()) }).toEqual({
      form: n.form,
      title: '周丽华',
    });
  });

  it('refuses a name that is only punctuation, and keeps the draft as it was', async () => {
    const n = await draftWith(t, changchun, campaignId, { name: '王秀兰' });
    const refused = await call(changchun, 'PUT', `/api/nominations/${n.id}`, {
      form: { name: '——' },
      version: n.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('“姓名”只有标点或符号'),
    });
    expect(refused.json().details.findings[0]).toMatchObject({ code: 'TEXT_ONLY_SYMBOLS', field: 'name' });
    const after = (await call(changchun, 'GET', `/api/nominations/${n.id}`)).json().nomination;
    expect(after).toMatchObject({ version: n.version, form: { name: '王秀兰' } });
  });

  it('never shows or lets another unit touch a nomination, and lists only the unit’s own', async () => {
    const n = await draftWith(t, changchun, campaignId, { name: '只属于长春' });
    expect((await call(jilinCity, 'GET', `/api/nominations/${n.id}`)).statusCode).toBe(404);
    expect(
      (await call(jilinCity, 'PUT', `/api/nominations/${n.id}`, { form: {}, version: n.version })).statusCode,
    ).toBe(404);
    expect((await call(jilinCity, 'POST', `/api/nominations/${n.id}/submit`)).statusCode).toBe(404);
    const theirs = await call(
      jilinCity,
      'GET',
      `/api/nominations?campaignId=${campaignId}&unitId=${n.unitId}`,
    );
    expect(theirs.json().items).toEqual([]);
  });
});

describe('submitting and the organiser’s formal check', () => {
  it('refuses an incomplete nomination with every finding, then submits a complete one as a frozen snapshot', async () => {
    const n = await draftWith(t, changchun, campaignId, { name: '李淑芬' });
    const refused = await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('INCOMPLETE');
    expect(refused.json().details.findings.length).toBeGreaterThan(3);

    const ready = await call(changchun, 'PUT', `/api/nominations/${n.id}`, {
      form: completeStar(rules, 1, { name: '李淑芬' }),
      version: n.version,
    });
    expect(
      ready.json().nomination.findings.filter((f: { severity: string }) => f.severity === 'error'),
    ).toEqual([]);
    const submitted = await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const s = submitted.json().nomination;
    expect(s).toMatchObject({ state: 'submitted', rank: 1 });
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const edit = await call(changchun, 'PUT', `/api/nominations/${n.id}`, {
      form: { name: '改名' },
      version: s.version,
    });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses with the one list the page shows (form and material), in one sentence', async () => {
    const n = await draftWith(t, changchun, campaignId, completeStar(rules, 50, { story: '' }), 'star', {
      materials: false,
    });
    const shown = (await call(changchun, 'GET', `/api/nominations/${n.id}`)).json().nomination.findings;
    const errors = shown.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { code: string }) => f.code)).toEqual([
      'FIELD_REQUIRED',
      'MATERIAL_MISSING',
      'MATERIAL_MISSING',
    ]);
    const refused = await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.findings).toEqual(errors);
    expect(refused.json().message).toMatch(
      /^还有 3 处问题需要修改后才能提交：请填写主要事迹；请上传.+后再提交。$/u,
    );
    expect(refused.json().message).not.toMatch(/。[；。]/u);
  });

  it('returns for revision with a reason; the unit revises and resubmits; the organiser accepts; all audited', async () => {
    const n = await draftWith(t, changchun, campaignId, completeStar(rules, 2));
    await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    const noReason = await call(jilin, 'POST', `/api/nominations/${n.id}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    const returned = await call(jilin, 'POST', `/api/nominations/${n.id}/review`, {
      decision: 'return',
      reason: '主要事迹过于简略，请补充近三年的学习活动',
    });
    expect(returned.json().nomination).toMatchObject({
      state: 'returned',
      returnReason: '主要事迹过于简略，请补充近三年的学习活动',
    });
    const unitView = (await call(changchun, 'GET', `/api/nominations/${n.id}`)).json().nomination;
    expect(unitView.transitions.map((tr: { to: string }) => tr.to)).toEqual(
      expect.arrayContaining(['submitted', 'withdrawn']),
    );
    const revised = await call(changchun, 'PUT', `/api/nominations/${n.id}`, {
      form: completeStar(rules, 2, { story: '补充：近三年组织读书会120场。' }),
      version: unitView.version,
    });
    expect(revised.statusCode).toBe(200);
    const again = await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    expect(again.json().nomination).toMatchObject({ state: 'submitted', returnReason: null });
    const accepted = await call(jilin, 'POST', `/api/nominations/${n.id}/review`, { decision: 'accept' });
    expect(accepted.json().nomination.state).toBe('accepted');
    const byUnit = await call(changchun, 'POST', `/api/nominations/${n.id}/review`, { decision: 'accept' });
    expect(byUnit.statusCode).toBe(409);
    const audit = (
      await call(jilin, 'GET', `/api/audit?entityId=${n.id}&action=nomination.transitioned`)
    ).json();
    expect(audit.items.map((e: { after: { state: string } }) => e.after.state)).toEqual([
      'accepted',
      'submitted',
      'returned',
      'submitted',
    ]);
  });

  it('catches the same person nominated twice by the same 身份证号', async () => {
    // By the same unit: refused.
    const again = await draftWith(t, changchun, campaignId, completeStar(rules, 1, { name: '李淑芬' }));
    const refused = await call(changchun, 'POST', `/api/nominations/${again.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DUPLICATE_WINNER');
    // By another unit: both units are warned and the organiser settles it (decision 0005).
    const twin = await draftWith(t, jilinCity, campaignId, completeStar(rules, 1, { name: '李淑芬' }));
    const opened = (await call(jilinCity, 'GET', `/api/nominations/${twin.id}`)).json().nomination;
    expect(opened.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'ALSO_NOMINATED', severity: 'warning' })]),
    );
  });

  it('withdraws before the deadline and closes the gap in the 排序', async () => {
    const a = await draftWith(t, jilinCity, campaignId, completeStar(rules, 20));
    const b = await draftWith(t, jilinCity, campaignId, completeStar(rules, 21));
    await call(jilinCity, 'POST', `/api/nominations/${a.id}/submit`);
    const second = (await call(jilinCity, 'POST', `/api/nominations/${b.id}/submit`)).json().nomination;
    expect(second.rank).toBe(2);
    const withdrawn = await call(jilinCity, 'POST', `/api/nominations/${a.id}/withdraw`, {});
    expect(withdrawn.json().nomination).toMatchObject({ state: 'withdrawn', rank: null });
    expect((await call(jilinCity, 'GET', `/api/nominations/${b.id}`)).json().nomination.rank).toBe(1);
  });

  it('after the deadline refuses every change by the server clock, except for a unit given an extension', async () => {
    const n = await draftWith(t, changchun, campaignId, completeStar(rules, 30));
    const deadline = Date.parse(
      (await call(jilin, 'GET', `/api/campaigns/${campaignId}`)).json().campaign.deadlineAt,
    );
    // A month later, a minute past the deadline: everyone's session has lapsed meanwhile.
    clock.set(new Date(deadline + 60_000));
    expect((await call(changchun, 'GET', `/api/nominations/${n.id}`)).statusCode).toBe(401);
    changchun = await relogin(t, 'changchun');
    jilin = await relogin(t, 'jilin-admin');
    jilinCity = await login(t.app, 'jilin-city', 'JilinCity2026');
    const late = await call(changchun, 'POST', `/api/nominations/${n.id}/submit`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DEADLINE_PASSED');
    expect(late.json().message).toContain('申请延期');
    expect(
      (await call(changchun, 'PUT', `/api/nominations/${n.id}`, { form: {}, version: n.version })).json()
        .code,
    ).toBe('DEADLINE_PASSED');

    const until = new Date(deadline + 86_400_000).toISOString();
    const unit = (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', '长春市教育局')
        .executeTakeFirstOrThrow()
    ).id;
    const granted = await call(jilin, 'POST', `/api/campaigns/${campaignId}/extensions`, {
      organisationId: unit,
      until,
      reason: '系统故障补报',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await call(changchun, 'POST', `/api/nominations/${n.id}/submit`)).json().nomination.state).toBe(
      'submitted',
    );
    const other = await draftWith(t, jilinCity, campaignId, completeStar(rules, 31)).catch(
      (e: Error) => e.message,
    );
    expect(String(other)).toContain('DEADLINE_PASSED');
  });
});

describe('warnings an organiser accepts', () => {
  it('marks 县处级及以上 accepted with the organiser’s reason, keeps it visible, and lets only the organiser do it', async () => {
    const n = await draftWith(
      t,
      changchun,
      campaignId,
      completeStar(rules, 40, { isCountyLevelOfficialOrAbove: true }),
    );
    const warning = n.findings.find((f: { code: string }) => f.code === 'STAR_OFFICIAL_RANK');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning.accepted).toBeUndefined();
    // A warning does not stop the submit; the organiser weighs it once the nomination is before it.
    const early = await call(jilin, 'POST', `/api/nominations/${n.id}/accepted-warnings`, {
      code: 'STAR_OFFICIAL_RANK',
      reason: '草稿尚未提交',
    });
    expect(early.statusCode).toBe(404);
    expect((await call(changchun, 'POST', `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
    const byUnit = await call(changchun, 'POST', `/api/nominations/${n.id}/accepted-warnings`, {
      code: 'STAR_OFFICIAL_RANK',
      reason: '我们觉得可以',
    });
    expect(byUnit.statusCode).toBe(403);
    const unknown = await call(jilin, 'POST', `/api/nominations/${n.id}/accepted-warnings`, {
      code: 'ID_CHECKSUM',
      reason: '不可豁免',
    });
    expect(unknown.statusCode).toBe(400);
    const accepted = await call(jilin, 'POST', `/api/nominations/${n.id}/accepted-warnings`, {
      code: 'STAR_OFFICIAL_RANK',
      reason: '已退休多年，长期在社区义务授课',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted
      .json()
      .nomination.findings.find((f: { code: string }) => f.code === 'STAR_OFFICIAL_RANK');
    expect(after.accepted).toEqual({ reason: '已退休多年，长期在社区义务授课' });
  });
});
