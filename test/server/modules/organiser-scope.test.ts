/**
 * Scope of an organiser (issue #15 item 4, decision 0015): the national association's admin is not the
 * organiser of a province's campaign. It is refused (403, in Chinese) on the province's rules and on its
 * nominations' 形式审查, and sees the province's nominees, masked, only where the campaign's rules allow
 * supervision. The province's own admin keeps every right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let changchun: Session;
let jilin: Session;
let cace: Session;
let platform: Session;
let campaignId: string;
let rules: CampaignRules;
let rulesVersion: number;

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
  platform = await loginAs(t, 'admin');
  ({
    campaign: { id: campaignId, rulesVersion },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
}, 60_000);
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });

let sequence = 900;
async function submitted(name: string) {
  const draft = await draftWith(t, changchun, campaignId, completeStar(rules, sequence++, { name }));
  const response = await call(changchun, 'POST', `/api/nominations/${draft.id}/submit`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return { id: draft.id as string, idNumber: draft.form.idNumber as string };
}

async function saveRules(s: Session, next: CampaignRules) {
  return call(s, 'PUT', `/api/campaigns/${campaignId}/rules`, { rules: next, rulesVersion });
}

function expectRefusedInChinese(response: {
  statusCode: number;
  json: () => { code: string; message: string };
}) {
  expect(response.statusCode).toBe(403);
  expect(response.json().code).toBe('FORBIDDEN');
  expect(response.json().message).toMatch(/吉林省教育厅组织/);
}

describe('an admin above the organiser', () => {
  it('may not change a province campaign rules; the province admin may', async () => {
    const changed = { ...rules, contacts: [] };
    for (const above of [cace, platform]) expectRefusedInChinese(await saveRules(above, changed));
    const own = await saveRules(jilin, changed);
    expect(own.statusCode, own.body).toBe(200);
    rulesVersion = own.json().campaign.rulesVersion;
    rules = own.json().rules;
  });

  it('may not accept or return its nominations, nor see them, while supervision is off', async () => {
    const n = await submitted('王上级');
    for (const decision of ['accept', 'return'] as const) {
      const refused = await call(cace, 'POST', `/api/nominations/${n.id}/review`, {
        decision,
        reason: '越级',
      });
      expectRefusedInChinese(refused);
    }
    expectRefusedInChinese(await call(cace, 'GET', `/api/nominations/${n.id}`));
    expectRefusedInChinese(await call(cace, 'GET', `/api/campaigns/${campaignId}`));
    const list = await call(cace, 'GET', '/api/campaigns');
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(campaignId);
    const state = await t.database.db
      .selectFrom('nominations')
      .select('state')
      .where('id', '=', n.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('submitted');
    // The province's own admin sees the full number and accepts.
    const own = await call(jilin, 'GET', `/api/nominations/${n.id}`);
    expect(own.json().nomination.form.idNumber).toBe(n.idNumber);
    const accepted = await call(jilin, 'POST', `/api/nominations/${n.id}/review`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().nomination.state).toBe('accepted');
  });

  it('sees nominations masked and read-only once the campaign allows supervision', async () => {
    const n = await submitted('李监督');
    const allowed = await saveRules(jilin, { ...rules, supervision: { parentMayView: true } });
    expect(allowed.statusCode, allowed.body).toBe(200);
    rulesVersion = allowed.json().campaign.rulesVersion;
    rules = allowed.json().rules;

    const campaign = await call(cace, 'GET', `/api/campaigns/${campaignId}`);
    expect(campaign.statusCode, campaign.body).toBe(200);
    expect(campaign.json().campaign.actions).toEqual(['view']);
    expect(campaign.json().campaign.transitions).toEqual([]);

    const seen = await call(cace, 'GET', `/api/nominations/${n.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const masked = seen.json().nomination.form.idNumber as string;
    expect(masked).not.toBe(n.idNumber);
    expect(masked.slice(2, 14)).toBe('*'.repeat(12));
    expect(seen.json().nomination.transitions).toEqual([]);
    const listed = await call(cace, 'GET', `/api/nominations?campaignId=${campaignId}&state=submitted`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(n.id);
    expect(listed.body).not.toContain(n.idNumber);
    const exported = await call(cace, 'GET', `/api/nominations/export?campaignId=${campaignId}`);
    expect(exported.statusCode).toBe(403);

    // Supervision never writes.
    expectRefusedInChinese(
      await call(cace, 'POST', `/api/nominations/${n.id}/review`, { decision: 'return', reason: '越级' }),
    );
    expect((await saveRules(cace, { ...rules, contacts: [] })).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', n.id)
      .where('action', '=', 'nomination.identity_viewed')
      .execute();
    expect(audit).toHaveLength(0);
  });
});
