import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { removeAnnouncementEntry } from '#server/modules/announcements/remove-entry.ts';
import { restartAnnouncement } from '#server/modules/announcements/restart-announcement.ts';
import { SECURITY_HEADERS } from '#server/public/security-headers.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { createSitePublisher } from '#server/public/site-publisher.ts';
import { findNginx, type NginxProcess, startPrintedNginx } from '#test/support/nginx.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

const available = !!findNginx();
if (!available && process.env.CI) throw new Error('未找到 nginx：CI 中须安装（apt-get install nginx）');

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request as sent, the answer as received (no decompression, no cookie jar). */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let site: PublicSite;
let nginx: NginxProcess | undefined;
let dir: string;
let front: string;
let appRequests = 0;

beforeAll(async () => {
  if (!available) return;
  site = await publicSite({ listen: true });
  site.t.app.server.on('request', () => appRequests++);
  // The factory calls the services; a route would say this after its commit.
  await site.t.context.publicPages.changed();
  dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-nginx-'));
  ({ nginx, front } = await startPrintedNginx(dir, {
    upstreams: [new URL(site.t.url).host],
    siteDir: publicSiteDir(site.t.context.config),
    probePath: '/gs/',
  }));
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await site?.t.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The same request to nginx and to the app; whether the app saw the one through nginx. */
async function both(pathname: string, headers: Record<string, string> = {}) {
  const before = appRequests;
  const viaNginx = await request(front + pathname, { headers });
  const reachedApp = appRequests > before;
  const fromApp = await request(site.t.url + pathname, { headers });
  return { viaNginx, fromApp, reachedApp };
}

describe.skipIf(!available)('the public site behind nginx', () => {
  it('sends the 公示 page from its file, byte for byte the app’s answer, with the app’s headers', async () => {
    for (const pathname of [`/gs/${site.announcement.id}`, '/gs/', '/results/']) {
      const { viaNginx, fromApp, reachedApp } = await both(pathname);
      expect(reachedApp, pathname).toBe(false);
      expect(viaNginx.status).toBe(200);
      expect(viaNginx.body.equals(fromApp.body), pathname).toBe(true);
      expect(viaNginx.headers['content-type']).toBe(fromApp.headers['content-type']);
      expect(viaNginx.headers['last-modified']).toBeDefined();
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(viaNginx.headers[name], name).toBe(value);
      expect(viaNginx.headers['cache-control']).toBe(fromApp.headers['cache-control']);
      // Said of the unpacked answer too: a cache must not hand it to a reader who asked for gzip.
      expect(viaNginx.headers.vary).toMatch(/^Cookie, Accept-Encoding$/);
    }
    expect(nginx!.errors()).toBe('');
  });

  it('sends the large-text, high-contrast and combined pages for the reading-switch cookies', async () => {
    const pathname = `/gs/${site.announcement.id}`;
    const cases = [
      ['gs_text=large', 'class="text-large"'],
      ['gs_contrast=high', 'class="contrast-high"'],
      ['gs_contrast=high; gs_text=large', 'class="text-large contrast-high"'],
      ['gs_text=LARGE; other=1', '<html lang="zh-CN">'],
    ] as const;
    for (const [cookie, mark] of cases) {
      const { viaNginx, fromApp, reachedApp } = await both(pathname, { cookie });
      expect(reachedApp, cookie).toBe(false);
      expect(viaNginx.body.toString('utf8'), cookie).toContain(mark);
      expect(viaNginx.body.equals(fromApp.body), cookie).toBe(true);
    }
  });

  it('sends the precompressed copy to a reader that accepts gzip', async () => {
    const { viaNginx, fromApp } = await both(`/gs/${site.announcement.id}`, { 'accept-encoding': 'gzip' });
    expect(viaNginx.headers['content-encoding']).toBe('gzip');
    expect(viaNginx.headers.vary).toMatch(/^Cookie, Accept-Encoding$/);
    expect(viaNginx.body.length).toBeLessThan(fromApp.body.length / 2);
    expect(gunzipSync(viaNginx.body).equals(fromApp.body)).toBe(true);
  });

  it('passes the objection form, the status query and every POST to the app', async () => {
    const id = site.announcement.id;
    const form = await both(`/gs/${id}/objection`);
    expect(form.reachedApp).toBe(true);
    expect(form.viaNginx.status).toBe(200);
    expect(form.viaNginx.body.toString('utf8')).toContain('captchaToken');
    expect(form.viaNginx.headers['cache-control']).toBe('no-store');
    const status = await both('/gs/status');
    expect(status.reachedApp).toBe(true);
    expect(status.viaNginx.body.equals(status.fromApp.body)).toBe(true);
    for (const pathname of ['/gs/status', `/gs/${id}/objection`, `/gs/${id}`, '/gs/']) {
      const before = appRequests;
      const posted = await request(front + pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'receipt=X',
      });
      expect(appRequests, pathname).toBe(before + 1);
      const direct = await request(site.t.url + pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'receipt=X',
      });
      expect(posted.status, pathname).toBe(direct.status);
    }
    for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
      const before = appRequests;
      const answer = await request(`${front}/gs/${id}`, { method });
      expect(appRequests, method).toBe(before + 1);
      expect(answer.status, method).toBe((await request(`${site.t.url}/gs/${id}`, { method })).status);
    }
  });

  it('sends the new page right after an entry is removed, never the old one', async () => {
    const pathname = `/gs/${site.announcement.id}`;
    const old = await request(front + pathname);
    const entry = site.announcement.entries[1]!;
    await site.t.context.db.transaction().execute((trx) =>
      removeAnnouncementEntry(trx, site.organiser.admin.actor, {
        entryId: entry.id,
        reason: '推荐单位撤回推荐',
        now: site.clock.now(),
      }),
    );
    await site.t.context.publicPages.changed();
    const { viaNginx, fromApp, reachedApp } = await both(pathname);
    expect(reachedApp).toBe(false);
    expect(viaNginx.body.toString('utf8')).toMatch(
      new RegExp(`<tr class="removed">[^\\n]*${entry.name}[^\\n]*已移出名单`),
    );
    expect(viaNginx.body.equals(fromApp.body)).toBe(true);
    expect(viaNginx.headers.etag).not.toBe(old.headers.etag);
    // A reader holding the old page is not told it is still current.
    const revalidated = await request(front + pathname, { headers: { 'if-none-match': old.headers.etag! } });
    expect(revalidated.status).toBe(200);
  });

  it('answers as the app does (its 404 page) once the announcement is no longer public', async () => {
    const { db, jobs, clock, publicPages } = site.t.context;
    const id = site.announcement.id;
    const { version } = await db
      .selectFrom('announcements')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await restartAnnouncement(
      db,
      site.organiser.admin.actor,
      site.campaign.id,
      { version, startDay: addDays(todayInShanghai(clock.now()), 7), reason: '名单有误，更正后重新公示' },
      jobs,
      clock.now(),
    );
    await publicPages.changed();
    const { viaNginx, fromApp, reachedApp } = await both(`/gs/${id}`);
    expect(reachedApp).toBe(true);
    expect(viaNginx.status).toBe(404);
    expect(viaNginx.body.equals(fromApp.body)).toBe(true);
    expect(viaNginx.body.toString('utf8')).toContain('未找到公示');
    const files = await readdir(path.join(publicSiteDir(site.t.context.config), 'gs'));
    expect(files.filter((f) => f.startsWith(id))).toEqual([]);
    const index = await both('/gs/');
    expect(index.reachedApp).toBe(false);
    expect(index.viaNginx.body.toString('utf8')).not.toContain(id);
    expect(index.viaNginx.body.equals(index.fromApp.body)).toBe(true);
  });

  it('publishes everything again at start-up: a page left stale or behind by a stop is healed', async () => {
    const siteDir = publicSiteDir(site.t.context.config);
    const index = path.join(siteDir, 'gs', 'index.nn.html');
    const good = await readFile(index);
    await writeFile(index, '<p>stale</p>');
    const orphan = path.join(siteDir, 'gs', '0192f4d2-6a1e-7c3b-9d4e-5f6a7b8c9d0e.nn.html');
    await writeFile(orphan, '<p>withdrawn</p>');
    const publisher = createSitePublisher(site.t.context, siteDir, { error: () => {} });
    await publisher.publish();
    await publisher.stop();
    expect((await readFile(index)).equals(good)).toBe(true);
    await expect(readFile(orphan)).rejects.toThrow(/ENOENT/);
    const { viaNginx, fromApp } = await both('/gs/');
    expect(viaNginx.body.equals(fromApp.body)).toBe(true);
    // Pages without a file reached the app without an error in nginx's log.
    expect(nginx!.errors()).toBe('');
  });
});
