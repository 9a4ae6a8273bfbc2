import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let cace: Session;
let jilin: Session;
let changchun: Session;
let expert: Session;

beforeAll(async () => {
  t = await createTestApp();
  cace = await loginAs(t, 'cace-admin');
  jilin = await loginAs(t, 'jilin-admin');
  changchun = await loginAs(t, 'changchun');
  expert = await loginAs(t, 'expert');
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });
const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const titles = async (s: Session) =>
  (await get(s, '/api/campaigns')).json().items.map((c: { title: string }) => c.title);

describe('campaigns', () => {
  it('seeds this year’s national and Jilin rounds, open, each seen by its organiser and its reporting units only', async () => {
    const year = new Date().getFullYear();
    const national = await titles(cace);
    expect(national.some((title: string) => title.startsWith(`${year}年`))).toBe(true);
    const jilinSees = await titles(jilin);
    expect(jilinSees).toHaveLength(2); // its own round and the national one it reports to
    const changchunSees = await titles(changchun);
    expect(changchunSees).toHaveLength(1);
    expect(changchunSees[0]).toContain('吉林');
    expect((await titles(expert)).length).toBe(2);
  });

  it('creates a campaign from a template with every number of the notice', async () => {
    const created = await send(cace, 'POST', '/api/campaigns', { templateId: 'national-2024' });
    expect(created.statusCode, created.body).toBe(201);
    const { campaign } = created.json();
    expect(campaign).toMatchObject({
      year: 2024,
      status: 'draft',
      statusLabel: '筹备中',
      deadline: '2024-04-10',
      rulesVersion: 1,
    });
    expect(campaign.transitions).toEqual([{ to: 'open', label: '开放报送' }]);
    const detail = (await get(cace, `/api/campaigns/${campaign.id}`)).json();
    expect(detail.rules.quotas.byUnitType.provincial_edu).toEqual({
      star: { min: 3, max: 5 },
      project: { min: 3, max: 5 },
    });
    expect(detail.rules.announcement.workingDays).toBe(5);
    expect(detail.history).toHaveLength(1);
    // A draft is invisible to reporting units.
    expect((await get(jilin, `/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
  });

  it('refuses an unknown template and a unit creating a campaign', async () => {
    const unknown = await send(cace, 'POST', '/api/campaigns', { templateId: 'national-1999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('所选的活动模板不存在，请重新选择');
    const unit = await send(changchun, 'POST', '/api/campaigns', { templateId: 'jilin-2023' });
    expect(unit.statusCode).toBe(403);
  });

  it('copies last year’s campaign: same rules, new year, the deadline to be set before opening', async () => {
    const source = (await get(jilin, '/api/campaigns'))
      .json()
      .items.find(
        (c: { organiserName: string; status: string }) =>
          c.organiserName === '吉林省教育厅' && c.status === 'open',
      );
    const copy = await send(jilin, 'POST', '/api/campaigns', {
      copyFromCampaignId: source.id,
      year: source.year + 1,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const { campaign } = copy.json();
    expect(campaign).toMatchObject({ year: source.year + 1, deadline: null, status: 'draft' });
    const detail = (await get(jilin, `/api/campaigns/${campaign.id}`)).json();
    expect(detail.findings.map((f: { code: string }) => f.code)).toContain('DEADLINE_MISSING');
    const open = await send(jilin, 'POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'open' });
    expect(open.statusCode).toBe(400);
    expect(open.json().message).toContain('修改后才能开放报送');
  });

  it('saves edited rules as a new version with the changes in Chinese, audited, and refuses a stale save', async () => {
    const campaign = (await send(cace, 'POST', '/api/campaigns', { templateId: 'national-2024' })).json()
      .campaign;
    const { rules } = (await get(cace, `/api/campaigns/${campaign.id}`)).json();
    rules.quotas.byUnitType.provincial_edu.star.max = 6;
    rules.announcement.workingDays = 7;
    const saved = await send(cace, 'PUT', `/api/campaigns/${campaign.id}/rules`, { rules, rulesVersion: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = saved.json();
    expect(detail.campaign.rulesVersion).toBe(2);
    expect(detail.history[0].changes.map((c: { message: string }) => c.message).join('\n')).toMatch(/3至6/);
    // Only what was edited: the stored rules' key order (jsonb) is not a change.
    expect(detail.history[0].changes.map((c: { path: string }) => c.path)).toEqual([
      'quotas.byUnitType.provincial_edu.star',
      'announcement.workingDays',
    ]);
    const stale = await send(cace, 'PUT', `/api/campaigns/${campaign.id}/rules`, { rules, rulesVersion: 1 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const audit = (
      await get(cace, `/api/audit?entityId=${campaign.id}&action=campaign.rules_changed`)
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after.rulesVersion).toBe(2);
  });

  it('refuses rules of the wrong shape with findings that name the field, and changes nothing', async () => {
    const campaign = (await send(cace, 'POST', '/api/campaigns', { templateId: 'jilin-2023' })).json()
      .campaign;
    const { rules } = (await get(cace, `/api/campaigns/${campaign.id}`)).json();
    rules.announcement.workingDays = 'five';
    const response = await send(cace, 'PUT', `/api/campaigns/${campaign.id}/rules`, {
      rules,
      rulesVersion: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.findings[0].field).toBe('announcement.workingDays');
    expect((await get(cace, `/api/campaigns/${campaign.id}`)).json().campaign.rulesVersion).toBe(1);
  });

  it('shows units the rule changes made after the campaign opened', async () => {
    const open = (await get(jilin, '/api/campaigns'))
      .json()
      .items.find(
        (c: { organiserName: string; status: string }) =>
          c.organiserName === '吉林省教育厅' && c.status === 'open',
      );
    const { rules } = (await get(jilin, `/api/campaigns/${open.id}`)).json();
    rules.quotas.byUnitType.city_edu.star.max = 12;
    const saved = await send(jilin, 'PUT', `/api/campaigns/${open.id}/rules`, {
      rules,
      rulesVersion: open.rulesVersion,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const seenByUnit = (await get(changchun, `/api/campaigns/${open.id}`)).json();
    expect(seenByUnit.history[0]).toMatchObject({ afterOpening: true, changedBy: '吉林省教育厅职成处' });
    expect(seenByUnit.campaign.actions).toEqual(['view', 'nominate']);
    // A unit sees which units report alongside it, by name (the rules name single units by id).
    const names = seenByUnit.reportingUnits.map((u: { name: string }) => u.name);
    expect(names).toHaveLength(15);
    expect(names).toContain('长白山管委会教育科技局');
    expect(seenByUnit.reportingUnits.find((u: { name: string }) => u.name === '吉林大学').typeLabel).toBe(
      '高等学校',
    );
    const unitEdit = await send(changchun, 'PUT', `/api/campaigns/${open.id}/rules`, {
      rules,
      rulesVersion: saved.json().campaign.rulesVersion,
    });
    expect(unitEdit.statusCode).toBe(403);
  });

  it('grants a reporting unit an extension with a reason, audited, and refuses one for a stranger', async () => {
    const open = (await get(jilin, '/api/campaigns'))
      .json()
      .items.find(
        (c: { organiserName: string; status: string }) =>
          c.organiserName === '吉林省教育厅' && c.status === 'open',
      );
    const orgs = (await get(jilin, '/api/organisations')).json().items;
    const baishan = orgs.find((o: { name: string }) => o.name === '白山市教育局');
    const until = new Date(Date.parse(open.deadlineAt) + 3 * 86_400_000).toISOString();
    const granted = await send(jilin, 'POST', `/api/campaigns/${open.id}/extensions`, {
      organisationId: baishan.id,
      until,
      reason: '暴雨影响材料寄送',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().extensions).toEqual([
      expect.objectContaining({ organisationName: '白山市教育局', reason: '暴雨影响材料寄送' }),
    ]);
    const audit = (await get(jilin, '/api/audit?action=campaign.extension_granted')).json();
    expect(audit.items[0].after).toMatchObject({ organisationName: '白山市教育局' });

    const beijing = (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', '北京市教育委员会')
        .executeTakeFirstOrThrow()
    ).id;
    const stranger = await send(jilin, 'POST', `/api/campaigns/${open.id}/extensions`, {
      organisationId: beijing,
      until,
      reason: '不应允许',
    });
    expect(stranger.statusCode).toBe(400);
    const early = await send(jilin, 'POST', `/api/campaigns/${open.id}/extensions`, {
      organisationId: baishan.id,
      until: '2000-01-01T00:00:00+08:00',
      reason: '早于截止时间',
    });
    expect(early.json().message).toContain('须晚于活动截止时间');
  });

  it('moves a campaign only along its transition table', async () => {
    const campaign = (await send(cace, 'POST', '/api/campaigns', { templateId: 'national-2024' })).json()
      .campaign;
    const skip = await send(cace, 'POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'published' });
    expect(skip.statusCode).toBe(409);
    // The states by the names officials know, never the keys the program uses.
    expect(skip.json().message).toBe('活动当前为「筹备中」，不能改为「已公布」；当前可以：「开放报送」');
    const opened = await send(cace, 'POST', `/api/campaigns/${campaign.id}/transitions`, { to: 'open' });
    expect(opened.json().campaign.status).toBe('open');
    const byExpert = await send(expert, 'POST', `/api/campaigns/${campaign.id}/transitions`, {
      to: 'reviewing',
    });
    expect(byExpert.statusCode).toBe(403);
  });
});
