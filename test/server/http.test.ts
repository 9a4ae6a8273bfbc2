import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('HTTP surface', () => {
  it('reports database and storage health without a login', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: { ok: true }, storage: { ok: true } });
  });

  it('publishes OpenAPI with a unique, stable operationId on every operation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    const operations = Object.values(
      spec.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((p) => Object.values(p));
    const ids = operations.map((o) => o.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'login',
        'logout',
        'getMe',
        'changePassword',
        'listMySessions',
        'signOutElsewhere',
        'listOrganisations',
        'createAccount',
        'importAccounts',
        'listAuditLog',
        'getHealth',
        // Expert review (issue #12).
        'createReviewRound',
        'assignReviews',
        'listMyReviews',
        'saveReview',
        'submitReview',
        'declareConflict',
        'getRanking',
        'confirmShortlist',
        'listNotifications',
        // Units' own 公示 (issue 13, item 6).
        'recordUnitPublicity',
        'listUnitPublicities',
        'updateUnitPublicity',
        'deleteUnitPublicity',
        // Objections (issue #13).
        'submitObjection',
        'getObjectionStatus',
        'getObjectionCaptcha',
        'handleObjection',
        'listObjections',
        'getObjection',
        'viewObjectorIdentity',
        'requestExplanation',
        'answerObjectionExplanation',
        // Approval and publication (issue 13).
        'approveCampaign',
        'returnCampaign',
        'requestApproval',
        'listApprovals',
        'getResultsStatus',
        'publishResults',
        'getResultNotice',
        'downloadResultNotice',
        // 公示 (issue #13).
        'createAnnouncement',
        'getAnnouncement',
        'updateAnnouncement',
        'scheduleAnnouncement',
        'openAnnouncement',
        'restartAnnouncement',
        'previewCampaignMove',
      ]),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown API paths and unauthenticated calls with JSON codes in Chinese', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/accounts' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' });
  });

  it('refuses a login posted as a form, which a cross-site page could send', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin&password=x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
