/**
 * The public showcase over a real published round: the winners' pages published as files, web copies of
 * their photos (and a video) made by the background job and sent by byte ranges, never an original; the
 * organiser's public text refused when it holds personal data (nothing stored), shown only once approved.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaterial } from '#server/modules/materials/transition-material.ts';
import { approveCampaign } from '#server/modules/results/approve-campaign.ts';
import { publishResults } from '#server/modules/results/publish-results.ts';
import { saveStory } from '#server/modules/showcase/save-story.ts';
import { materialsAwaitingDerivatives, queueShowcaseDerivatives } from '#server/modules/showcase/workers.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { ffmpegAvailability, film, tempFolder } from '#test/fixtures/media/generate.ts';
import { type PublicSite, personalValues, publicSite } from '#test/server/public/public-site-fixture.ts';
import { as } from '#test/support/app.ts';
import { newAccount, sessionOf } from '#test/support/factories/index.ts';

let site: PublicSite;
const video = ffmpegAvailability();
let videoMaterialId = '';

/** Waits until every photo and video of the published winners has its web copies. */
async function derivativesMade() {
  for (let i = 0; i < 600; i++) {
    if ((await materialsAwaitingDerivatives(site.t.context.db)).length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('derivatives not made in time');
}

beforeAll(async () => {
  site = await publicSite({
    state: 'closed',
    picks: [{ name: '王秀兰', special: true }, { name: '李春生' }, { name: '社区夜校', category: 'project' }],
  });
  const { t, organiser, campaign } = site;
  const approver = await newAccount(t, organiser.admin, {
    organisationId: organiser.organisationId,
    roles: ['approver'],
  });
  await approveCampaign(t.context, approver.actor, campaign.id, {});
  await publishResults(t.context, organiser.admin.actor, campaign.id, { docNumber: '吉成教协〔2026〕5号' });
  if (video.available) {
    // A short film on the first winner, as the national round's video slot would hold it.
    const folder = tempFolder();
    const file = film(path.join(folder.dir, 'film.mp4'), { seconds: 3, audio: true });
    const key = `materials/test/${site.nominations[0]!.id}.mp4`;
    const stored = await t.context.storage.write(key, Readable.from([await readFile(file)]));
    folder.remove();
    const probed = await t.context.storage.withLocalFile(key, (p) => probeMaterial(p, { maxBytes: 1e9 }));
    videoMaterialId = await t.context.db.transaction().execute((trx) =>
      createMaterial(trx, undefined, {
        origin: 'seeded',
        values: {
          nominationId: site.nominations[0]!.id,
          setKey: 'specialStar',
          slotId: 'video',
          storageKey: key,
          fileName: '事迹视频.mp4',
          bytes: stored.bytes,
          sha256: stored.sha256,
          uploadedBy: null,
        },
        verdict: { findings: [], probed },
      }),
    );
    await queueShowcaseDerivatives(t.context);
  }
  await derivativesMade();
  await t.context.publicPages.changed();
}, 300_000);
afterAll(() => site?.t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  site.t.app.inject({ method: 'GET', url, headers });
const year = () => site.campaign.rules.year;

describe('the showcase pages', () => {
  it('lists the year, its winners by round and category with the special highlighted, and links each province', async () => {
    const index = await get('/showcase/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`<a href="/showcase/${year()}/">${year()}年</a>`);
    const list = await get(`/showcase/${year()}/`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('百姓学习之星（2名）');
    expect(list.body).toContain('终身学习品牌项目（1个）');
    expect(list.body).toMatch(
      /<li class="card card-special">[\s\S]*?<span class="badge-special">事迹特别感人<\/span>/,
    );
    expect(list.body).toContain(`<a href="/showcase/${year()}/22">吉林省（3）</a>`);
    const province = await get(`/showcase/${year()}/22`);
    expect(province.statusCode).toBe(200);
    expect(province.body).toContain('王秀兰');
    expect((await get(`/showcase/${year()}/11`)).statusCode).toBe(404);
    const slides = await get(`/showcase/${year()}/slides`);
    expect(slides.body).toContain('aria-roledescription="幻灯片"');
    expect(slides.headers['content-security-policy']).toMatch(/script-src 'sha256-[^']+'/);
  });

  it('shows a winner without personal data, with photos as web copies and Open Graph tags', async () => {
    const n = site.nominations[0]!;
    const res = await get(`/showcase/winner/${n.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>王秀兰</h1>');
    expect(res.body).toContain('事迹介绍正在整理，审核后在此公布。');
    for (const value of personalValues(n.row.form)) expect(res.body).not.toContain(value);
    expect(res.body).toContain('<meta property="og:title" content="王秀兰 - ');
    // No public address configured: no preview address or image at all rather than a relative one.
    expect(res.body).not.toMatch(/og:url|og:image|rel="canonical"/);
    const photo = /<img src="(\/showcase\/media\/[0-9a-f-]+\/w480\.jpg)"/.exec(res.body)![1]!;
    const image = await site.t.app.inject({ method: 'GET', url: photo });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toContain('immutable');
    const meta = await sharp(image.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(480);
    expect(meta.exif).toBeUndefined();
    // Only the named web copies: nothing else stored under the material can be asked for.
    const materialId = photo.split('/')[3]!;
    expect((await get(`/showcase/media/${materialId}/original`)).statusCode).toBe(404);
    // Published as a file for the front web server.
    const file = path.join(publicSiteDir(site.t.context.config), `showcase/winner/${n.id}.nn.html`);
    expect((await stat(file)).size).toBeGreaterThan(0);
  });

  it.skipIf(!video.available)(
    'streams the video’s web rendition by byte ranges, with its poster frame',
    async () => {
      const res = await get(`/showcase/winner/${site.nominations[0]!.id}`);
      expect(res.body).toContain(`poster="/showcase/media/${videoMaterialId}/poster.jpg"`);
      expect(res.body).toContain(
        `<source src="/showcase/media/${videoMaterialId}/web.mp4" type="video/mp4">`,
      );
      const url = `/showcase/media/${videoMaterialId}/web.mp4`;
      const whole = await get(url);
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['accept-ranges']).toBe('bytes');
      const part = await get(url, { range: 'bytes=0-99' });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.rawPayload.length}`);
      expect(part.rawPayload.equals(whole.rawPayload.subarray(0, 100))).toBe(true);
      // ftyp first and moov before mdat: +faststart, so a phone starts before the whole file arrives.
      expect(whole.rawPayload.subarray(4, 8).toString()).toBe('ftyp');
      expect(whole.rawPayload.indexOf('moov')).toBeLessThan(whole.rawPayload.indexOf('mdat'));
      expect((await get(url, { range: `bytes=${whole.rawPayload.length}-` })).statusCode).toBe(416);
      const poster = await get(`/showcase/media/${videoMaterialId}/poster.jpg`);
      expect(poster.headers['content-type']).toBe('image/jpeg');
    },
  );

  it('makes each photo once, however often the public pages change before its copies are made', async () => {
    const { db } = site.t.context;
    const photoId = (/\/showcase\/media\/([0-9a-f-]+)\/w480\.jpg/.exec(
      (await get(`/showcase/winner/${site.nominations[1]!.id}`)).body,
    ) ?? [])[1]!;
    const jobsFor = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pgboss.job
          where name = ${QUEUES.showcaseDerivatives} and data->>'materialId' = ${photoId}`.execute(db)
      ).rows[0]!.n;
    const before = await jobsFor();
    await db.deleteFrom('showcaseMedia').where('materialId', '=', photoId).execute();
    // Three changes in a row, each asking for the copies still missing.
    for (let i = 0; i < 3; i++) await site.t.context.publicPages.changed();
    await derivativesMade();
    expect(await jobsFor()).toBe(before + 1);
  });

  it('finds winners by name, place and keyword', async () => {
    const byName = await get(`/showcase/search?q=${encodeURIComponent('王秀兰')}`);
    expect(byName.body).toContain('共找到1个入选者');
    const byPlace = await get(`/showcase/search?q=${encodeURIComponent('吉林')}`);
    expect(byPlace.body).toContain('共找到3个入选者');
  });
});

describe('the public text', () => {
  const url = () => `/api/showcase/stories/${site.nominations[1]!.id}`;

  it('refuses a text with an ID number or phone number, in Chinese, storing nothing', async () => {
    const session = await sessionOf(site.t, site.organiser.admin);
    for (const text of ['李春生，身份证号220102197509209434，自学农机维修。', '联系电话：138 0000 1234。']) {
      const res = await site.t.app.inject({
        method: 'PUT',
        url: url(),
        headers: as(session),
        payload: { text },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('PERSONAL_DATA_IN_PUBLIC_TEXT');
      expect(res.json().message).toMatch(/公开展示不得含(身份证号|联系电话)/);
    }
    const stored = await site.t.context.db.selectFrom('showcaseStories').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('lets only the organiser edit it, and shows it only once approved', async () => {
    await expect(
      saveStory(site.t.context, site.unit.submitter.actor, site.nominations[1]!.id, {
        text: '自学农机维修。',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const session = await sessionOf(site.t, site.organiser.admin);
    const list = await site.t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${site.campaign.id}/showcase/stories`,
      headers: as(session),
    });
    expect(list.statusCode).toBe(200);
    const entry = list
      .json()
      .winners.find((w: { nominationId: string }) => w.nominationId === site.nominations[1]!.id);
    expect(entry.state).toBe('none');
    const text = '农机合作社负责人，自学农业机械维修与电商运营，在村里开办“田间课堂”。';
    const saved = await site.t.app.inject({
      method: 'PUT',
      url: url(),
      headers: as(session),
      payload: { text },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ state: 'draft', version: 1 });
    const page = `/showcase/winner/${site.nominations[1]!.id}`;
    expect((await get(page)).body).not.toContain(text);

    const approved = await site.t.app.inject({
      method: 'POST',
      url: `${url()}/approval`,
      headers: as(session),
      payload: { version: 1 },
    });
    expect(approved.statusCode).toBe(200);
    expect((await get(page)).body).toContain(`<p>${text}</p>`);
    const audit = await site.t.context.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', site.nominations[1]!.id)
      .where('action', 'like', 'showcase.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['showcase.story.saved', 'showcase.story.approved']);
  });
});
