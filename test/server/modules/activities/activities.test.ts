/**
 * Publicity activities (五进) of the demo's published Jilin 2025 winners through the API, against real
 * PostgreSQL and the real file storage: the reporting unit records an activity with a photo, the public
 * sees only its public fields and a resized copy of the photo; a date more than a year ahead, a negative
 * audience, a text file named .jpg and another province recording are refused in Chinese with nothing
 * stored; changes are the recorder's or the organiser's, audited, with the version read. The winner's
 * showcase page (as published for the front web server and as the app answers it) lists them, escaped,
 * without the recorder, with absolute preview addresses from the configured public address.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublicActivities } from '#server/modules/activities/public-activities.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { noisePhoto } from '#server/seed/demo-files.ts';
import { as, createTestApp, loginAs as loginDemo, type Session, type TestApp } from '#test/support/app.ts';
import { loginAs, newAccount, platformAdmin } from '#test/support/factories/index.ts';
import { showcaseCopiesMade } from '#test/support/showcase-copies.ts';

let t: TestApp;
let unit: Session;
let organiser: Session;
let liaoning: Session;
let national: Session;
let winnerId: string;
let colleague: Session;
let publicChanges = 0;

const PUBLIC_URL = 'https://xuexi.jl.gov.cn';

const good = {
  kind: 'community',
  form: '阅读分享会',
  occurredOn: '2025-10-19',
  place: '长春市朝阳区桂林街道社区学校',
  host: '长春市教育局',
  audience: 120,
  report: '走进社区，与居民分享坚持学习的经历，现场交流热烈。',
};

beforeAll(async () => {
  t = await createTestApp({ demoNominations: true, config: { publicUrl: PUBLIC_URL } });
  t.context.publicPages.onChange(() => {
    publicChanges += 1;
  });
  const db = t.database.db;
  const winner = await db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .select('n.id')
    .where('c.status', '=', 'published')
    .where('n.title', '=', '周玉梅')
    .executeTakeFirstOrThrow();
  winnerId = winner.id;
  unit = await loginDemo(t, 'changchun');
  organiser = await loginDemo(t, 'jilin-admin');
  national = await loginDemo(t, 'cace-admin');
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;
  const admin = await platformAdmin(t);
  liaoning = await loginAs(
    t.app,
    await newAccount(t, admin, {
      organisationId: orgId('辽宁省教育厅'),
      roles: ['organiser_admin', 'unit_submitter'],
    }),
  );
  colleague = await loginAs(
    t.app,
    await newAccount(t, admin, { organisationId: orgId('长春市教育局'), roles: ['unit_submitter'] }),
  );
  await showcaseCopiesMade(t.context);
}, 240_000);
afterAll(() => t.close());

const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s ? as(s) : {}, payload });
const record = (s: Session, body: object) => call(s, 'POST', `/api/winners/${winnerId}/activities`, body);
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('winnerActivities')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
function upload(s: Session, id: string, data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return t.app.inject({ method: 'POST', url: `/api/activities/${id}/photos`, headers: as(s), payload: form });
}
async function files(activityId: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(t.filesDir, 'winner-activities', activityId), {
      recursive: true,
      withFileTypes: true,
    });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

describe('the demo’s published round', () => {
  it('has activities with photos on first start, each with its public copy', async () => {
    const shown = await listPublicActivities(t.database.db, winnerId);
    expect(shown.map((a) => `${a.occurredOn} ${a.kind} ${a.form}`)).toEqual([
      '2025-11-12 campus 报告会',
      '2025-10-18 community 阅读分享会',
    ]);
    const list = (await call(organiser, 'GET', '/api/activities')).json();
    expect(list.items).toHaveLength(5);
    expect(list.provinces).toEqual([
      { id: expect.any(String), name: '吉林省教育厅', activities: 5, audience: 2306 },
    ]);
    for (const a of shown) {
      expect(a.photoUrls).toHaveLength(1);
      const copy = await call(null, 'GET', a.photoUrls[0]!);
      expect(copy.statusCode).toBe(200);
      expect((await sharp(copy.rawPayload).metadata()).format).toBe('jpeg');
    }
  });
});

describe('a winner’s publicity activities', () => {
  let activityId: string;

  it('lets the winner’s unit record a 进社区 activity, listed with its province and audited', async () => {
    const changes = publicChanges;
    const response = await record(unit, good);
    expect(response.statusCode, response.body).toBe(201);
    // The showcase lists it: the public site's cached pages are dropped.
    expect(publicChanges).toBe(changes + 1);
    const { activity } = response.json();
    activityId = activity.id;
    expect(activity).toMatchObject({
      winnerName: '周玉梅',
      kind: 'community',
      provinceName: '吉林省教育厅',
      unitName: '长春市教育局',
      audience: 120,
      actions: ['edit', 'delete'],
    });
    const list = (await call(organiser, 'GET', '/api/activities?month=2025-10')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(activityId);
    expect(list.provinces[0]).toMatchObject({ name: '吉林省教育厅' });
    expect(list.items.every((a: { occurredOn: string }) => a.occurredOn.startsWith('2025-10-'))).toBe(true);
    expect((await call(organiser, 'GET', '/api/activities?month=2025-12')).json().items).toEqual([]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName'])
      .where('entityId', '=', activityId)
      .execute();
    expect(audit).toEqual([{ action: 'activity.recorded', actorName: '长春市教育局填报员' }]);
    // The national association above the organiser reads it; the winners list offers it no recording.
    const seen = (await call(national, 'GET', `/api/activities?nominationId=${winnerId}`)).json().items;
    expect(seen.map((a: { id: string }) => a.id)).toContain(activityId);
    const winners = (await call(national, 'GET', '/api/activity-winners')).json().items;
    expect(winners.find((w: { nominationId: string }) => w.nominationId === winnerId)).toMatchObject({
      mayRecord: false,
      // Two from the demo's own activities, and this one.
      activities: 3,
    });
  });

  it('refuses a date more than a year ahead and a negative audience in Chinese, storing nothing', async () => {
    const before = await count();
    const far = await record(unit, { ...good, occurredOn: '2099-01-01' });
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(far.json().message).toMatch(/活动日期不能晚于今天起一年/);
    const negative = await record(unit, { ...good, audience: -3 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toBe('参与人数应为不小于0的整数。');
    expect(await count()).toBe(before);
  });

  it('refuses another province recording for a Jilin winner (403, in Chinese), storing nothing', async () => {
    const before = await count();
    const refused = await record(liaoning, good);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.json().message).toMatch(/不能为其他单位或其他省份的推介对象登记/);
    const above = await record(national, good);
    expect(above.statusCode).toBe(403);
    expect(above.json().message).toMatch(/上级单位可查看/);
    expect(await count()).toBe(before);
    // Nor does it see Jilin's activities, or change them.
    expect((await call(liaoning, 'GET', '/api/activities')).json().items).toEqual([]);
    const list = await call(liaoning, 'GET', `/api/activities?nominationId=${winnerId}`);
    expect(list.statusCode).toBe(404);
    const change = await call(liaoning, 'PUT', `/api/activities/${activityId}`, { ...good, version: 1 });
    expect(change.statusCode).toBe(404);
  });

  it('keeps a real photo and a resized public copy; refuses a text file named .jpg and keeps nothing', async () => {
    const photo = await noisePhoto(300_000);
    const kept = await upload(unit, activityId, photo, '社区分享会.jpg');
    expect(kept.statusCode, kept.body).toBe(201);
    const [p] = kept.json().activity.photos;
    expect(p).toMatchObject({ fileName: '社区分享会.jpg', contentType: 'image/jpeg' });
    expect((await files(activityId)).sort()).toHaveLength(2);

    const before = await files(activityId);
    const fake = await upload(
      unit,
      activityId,
      Buffer.from('这不是照片，只是改了扩展名的文本。\n'),
      '活动照片.jpg',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(fake.json().message).toMatch(/活动照片应为 JPEG 或 PNG 图片/);
    expect((await files(activityId)).sort()).toEqual(before.sort());
    const stored = await t.database.db
      .selectFrom('winnerActivityPhotos')
      .select('id')
      .where('activityId', '=', activityId)
      .execute();
    expect(stored).toHaveLength(1);

    // The public copy: no login, a JPEG no larger than 1280 px, not the original's bytes.
    const open = await call(null, 'GET', p.publicUrl);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(open.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1280);
    expect(open.rawPayload.equals(photo)).toBe(false);
    // The original only signed in.
    expect((await call(null, 'GET', p.url)).statusCode).toBe(401);
    const original = await call(unit, 'GET', p.url);
    expect(original.rawPayload.equals(photo)).toBe(true);

    const shown = await listPublicActivities(t.database.db, winnerId);
    expect(shown.filter((a) => a.occurredOn === '2025-10-19')).toEqual([
      {
        kind: 'community',
        form: '阅读分享会',
        occurredOn: '2025-10-19',
        place: good.place,
        host: good.host,
        audience: 120,
        report: good.report,
        photoUrls: [p.publicUrl],
      },
    ]);
  });

  it('leaves changes to the recorder and the organiser, with the version read, audited', async () => {
    const byColleague = await call(colleague, 'PUT', `/api/activities/${activityId}`, {
      ...good,
      version: 1,
    });
    expect(byColleague.statusCode).toBe(403);
    expect(byColleague.json().message).toMatch(/登记人或组织单位/);
    const changed = await call(unit, 'PUT', `/api/activities/${activityId}`, {
      ...good,
      audience: 150,
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().activity).toMatchObject({ audience: 150, version: 2 });
    const stale = await call(organiser, 'PUT', `/api/activities/${activityId}`, { ...good, version: 1 });
    expect(stale.statusCode).toBe(409);
    const staleDelete = await call(organiser, 'DELETE', `/api/activities/${activityId}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await call(organiser, 'DELETE', `/api/activities/${activityId}?version=2`);
    expect(deleted.statusCode).toBe(204);
    expect(await files(activityId)).toEqual([]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', activityId)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'activity.recorded',
      'activity.photo_uploaded',
      'activity.updated',
      'activity.deleted',
    ]);
  });
});

describe('the winner’s showcase page', () => {
  /** The page as the public gets it: the file the front web server sends, the same bytes the app answers. */
  async function publicPage(): Promise<string> {
    const file = await readFile(
      path.join(publicSiteDir(t.context.config), `showcase/winner/${winnerId}.nn.html`),
      'utf8',
    );
    const answered = await call(null, 'GET', `/showcase/winner/${winnerId}`);
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toBe(file);
    return file;
  }
  const section = (html: string) =>
    /<section aria-labelledby="activities-title">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  it('lists the demo’s activities with their photos, never who recorded them', async () => {
    const html = await publicPage();
    const shown = section(html);
    expect(shown).toContain('<h2 id="activities-title">宣传推介活动</h2>');
    expect([...shown.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      '2025年11月12日 · 进校园 · 报告会',
      '2025年10月18日 · 进社区 · 阅读分享会',
    ]);
    expect(shown).toContain('<dt>地点</dt><dd>吉林开放大学报告厅</dd>');
    expect(shown).toContain('<dt>主办单位</dt><dd>吉林省教育厅</dd>');
    expect(shown).toContain('<dt>参与人数</dt><dd>320人次</dd>');
    for (const a of await listPublicActivities(t.database.db, winnerId)) {
      expect(shown).toContain(`<img src="${a.photoUrls[0]}" alt="周玉梅`);
      expect((await call(null, 'GET', a.photoUrls[0]!)).statusCode).toBe(200);
    }
    expect(shown.match(/loading="lazy"/g)).toHaveLength(2);
    const recorders = await t.database.db
      .selectFrom('winnerActivities as a')
      .innerJoin('accounts as ac', 'ac.id', 'a.recordedBy')
      .select(['ac.displayName', 'ac.username'])
      .where('a.nominationId', '=', winnerId)
      .execute();
    expect(recorders.length).toBeGreaterThan(0);
    for (const r of recorders) {
      expect(html).not.toContain(r.displayName);
      expect(html).not.toContain(r.username);
    }
    // A shared link previews from absolute addresses.
    const page = `${PUBLIC_URL}/showcase/winner/${winnerId}`;
    expect(html).toContain(`<meta property="og:url" content="${page}">`);
    expect(html).toContain(`<link rel="canonical" href="${page}">`);
    expect(html).toMatch(
      /<meta property="og:image" content="https:\/\/xuexi\.jl\.gov\.cn\/showcase\/media\/[0-9a-f-]+\/w1280\.jpg">/,
    );
  });

  it('shows an activity recorded through the API, escaped, and drops it once deleted', async () => {
    const evil = '<script>alert("学习")</script>';
    const recorded = await record(unit, {
      ...good,
      occurredOn: '2025-12-01',
      kind: 'enterprise',
      form: '经验交流会',
      place: `长春一汽职工书屋${evil}`,
      report: `与职工交流业余学习的做法。${evil}`,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id } = recorded.json().activity;
    const kept = await upload(unit, id, await noisePhoto(200_000), '职工书屋.jpg');
    expect(kept.statusCode, kept.body).toBe(201);
    const { version, photos } = kept.json().activity;
    const publicUrl = photos[0].publicUrl;

    const shown = section(await publicPage());
    expect(shown).toContain('<h3>2025年12月1日 · 进企业 · 经验交流会</h3>');
    expect(shown).not.toContain('<script>');
    expect(shown).toContain('长春一汽职工书屋&lt;script&gt;alert(&quot;学习&quot;)&lt;/script&gt;');
    expect(shown).toContain('<p>与职工交流业余学习的做法。&lt;script&gt;');
    expect(shown).toContain(
      `<img src="${publicUrl}" alt="周玉梅的宣传推介活动：2025年12月1日经验交流会照片"`,
    );
    // Newest first.
    expect(shown.indexOf('2025年12月1日')).toBeLessThan(shown.indexOf('2025年11月12日'));

    const deleted = await call(unit, 'DELETE', `/api/activities/${id}?version=${version}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const after = section(await publicPage());
    expect(after).not.toContain('2025年12月1日');
    expect(after).not.toContain('经验交流会');
    expect(after).toContain('2025年11月12日 · 进校园 · 报告会');
    expect((await call(null, 'GET', publicUrl)).statusCode).toBe(404);
  });
});
