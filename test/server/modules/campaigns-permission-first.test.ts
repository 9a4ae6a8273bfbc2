import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';

// Permission is answered before the request's shape: a caller who may not act learns nothing about
// what a valid body looks like, and gets the answer that matters to them (403), not a form error.
let t: TestApp;
let changchun: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  changchun = await loginAs(t, 'changchun');
  const items = (await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: as(changchun) })).json()
    .items;
  campaignId = items[0].id;
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: as(changchun), payload });

describe('organiser routes check permission before the body', () => {
  it('refuses a reporting unit a malformed rules body with 403', async () => {
    for (const payload of [{ rules: { nonsense: true }, rulesVersion: 1 }, { rules: 'x' }, {}]) {
      const response = await send('PUT', `/api/campaigns/${campaignId}/rules`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
  });

  it('does the same for moves, extensions and new campaigns', async () => {
    const moves = await send('POST', `/api/campaigns/${campaignId}/transitions`, { to: 'nowhere' });
    expect(moves.statusCode).toBe(403);
    const extension = await send('POST', `/api/campaigns/${campaignId}/extensions`, { until: 'soon' });
    expect(extension.statusCode).toBe(403);
    const created = await send('POST', '/api/campaigns', { templateId: 42 });
    expect(created.statusCode).toBe(403);
  });
});
