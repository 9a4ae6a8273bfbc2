/**
 * `/metrics` (issue #16 item 5): Prometheus text for a scraper with the METRICS_TOKEN bearer token, refused
 * without it, absent when the setting is not given; latency by route pattern, job queues by kind, uploads,
 * conversion and PDF durations, the database pool.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '#server/platform/jobs/jobs.ts';
import { convertVideo } from '#server/platform/media/convert-video.ts';
import { film, tempFolder } from '#test/fixtures/media/generate.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

const TOKEN = 'metrics-test-token-0123456789';
let t: TestApp;
let unit: Session;
let nominationId: string;
const media = tempFolder();

const scrape = async (token = TOKEN) => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
};

/** The value of one sample, e.g. `tuijie_uploads_active` or `tuijie_job_queue_depth{kind="x",state="created"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  t = await createTestApp({ config: { metricsToken: TOKEN } });
  unit = await loginAs(t, 'changchun');
  const { campaign, rules } = await campaignOf(t, unit, '吉林省教育厅');
  nominationId = (await draftWith(t, unit, campaign.id, completeStar(rules, 1))).id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  media.remove();
});

describe('/metrics', () => {
  it('refuses a scrape without the token, or with a wrong one', async () => {
    const bare = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(bare.statusCode).toBe(401);
    expect(bare.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('访问令牌'),
    });
    expect(bare.headers['www-authenticate']).toContain('Bearer');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
    // A session is no substitute for the token.
    const session = await t.app.inject({ method: 'GET', url: '/metrics', headers: as(unit) });
    expect(session.statusCode).toBe(401);
  });

  it('is not in the API document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('times requests by route pattern, never by the address with its ids', async () => {
    await t.app.inject({ method: 'GET', url: `/api/nominations/${nominationId}`, headers: as(unit) });
    await t.app.inject({ method: 'GET', url: `/api/nominations/${randomUUID()}`, headers: as(unit) });
    const text = await scrape();
    expect(
      sample(
        text,
        'tuijie_http_request_duration_seconds_count{method="GET",route="/api/nominations/:id",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        text,
        'tuijie_http_request_duration_seconds_count{method="GET",route="/api/nominations/:id",status="404"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(nominationId);
  });

  it('counts uploaded bytes, and no upload is left counted as active', async () => {
    const text = await scrape();
    // draftWith uploaded the required photos through tus.
    expect(sample(text, 'tuijie_upload_bytes_total')).toBeGreaterThan(10_000);
    expect(sample(text, 'tuijie_uploads_active')).toBe(0);
  });

  it('records PDF and video conversion durations', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/nominations/${nominationId}/form.pdf`,
      headers: as(unit),
    });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const input = film(path.join(media.dir, 'in.mp4'), { seconds: 1, size: '320x240' });
    await convertVideo(
      input,
      path.join(media.dir, 'out.mp4'),
      { width: 160, height: 120, fps: 25 },
      1,
      () => {},
    );
    const text = await scrape();
    expect(sample(text, 'tuijie_pdf_conversion_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'tuijie_video_conversion_duration_seconds_count{outcome="ok"}')).toBe(1);
  }, 120_000);

  it('shows the database pool', async () => {
    const text = await scrape();
    expect(sample(text, 'tuijie_db_pool_connections{state="max"}')).toBe(30);
    expect(sample(text, 'tuijie_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
  });

  it('shows job queue depth and the age of the oldest waiting job, by kind', async () => {
    // The app's workers stop; a job sent now waits, as it would when every worker is busy or down.
    await t.context.jobs.stop();
    const sender = await startJobs(t.database.url);
    try {
      await sender.send('package-sweep', {});
      await sender.send(
        'export-package',
        { packageId: randomUUID() },
        { startAfter: new Date('2100-01-01') },
      );
      await new Promise((r) => setTimeout(r, 1100));
      const text = await scrape();
      expect(sample(text, 'tuijie_job_queue_depth{kind="package-sweep",state="created"}')).toBe(1);
      expect(sample(text, 'tuijie_job_queue_oldest_seconds{kind="package-sweep"}')).toBeGreaterThanOrEqual(1);
      // Waiting for its start date is not waiting for a worker: counted, but no age.
      expect(sample(text, 'tuijie_job_queue_depth{kind="export-package",state="created"}')).toBe(1);
      expect(sample(text, 'tuijie_job_queue_oldest_seconds{kind="export-package"}')).toBe(0);
      expect(sample(text, 'tuijie_job_queue_depth{kind="material-convert",state="created"}')).toBe(0);
    } finally {
      await sender.stop();
    }
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp({ config: { metricsToken: null, rateLimitPerMinute: 2 } });
  });
  afterAll(() => bare?.close());

  it('does not exist, says how to turn it on, and never counts against the rate limit', async () => {
    for (let i = 0; i < 4; i++) {
      const response = await bare.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer x' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('METRICS_TOKEN'),
      });
    }
  });
});
