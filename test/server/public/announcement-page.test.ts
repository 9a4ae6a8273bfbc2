/**
 * The public 公示 page without login: what a Chinese notice carries, nothing personal, everything escaped,
 * kept until something public changes or the Beijing date turns, and Chinese 404 pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { getAnnouncement } from '#server/modules/announcements/get-announcement.ts';
import { openAnnouncement } from '#server/modules/announcements/open-announcement.ts';
import { removeAnnouncementEntry } from '#server/modules/announcements/remove-entry.ts';
import { scheduleAnnouncement } from '#server/modules/announcements/schedule-announcement.ts';
import { updateAnnouncement } from '#server/modules/announcements/update-announcement.ts';
import { findNomination } from '#server/modules/nominations/queries.ts';
import { newAnnouncement } from '#test/support/factories/index.ts';
import {
  END_DAY,
  type PublicSite,
  personalValues,
  publicSite,
  shortlistedCampaign,
} from './public-site-fixture.ts';

let site: PublicSite;

beforeAll(async () => {
  site = await publicSite();
}, 180_000);
afterAll(() => site?.t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  site.t.app.inject({ method: 'GET', url, headers });

describe('the announcement page', () => {
  it('carries the title, the list, the period on the official calendar, how to object and the issuer', async () => {
    const { announcement, campaign } = site;
    const res = await get(`/gs/${announcement.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('<a class="skip" href="#main">跳到正文</a>');
    expect(html).toMatch(/<main id="main"/);
    const { rules } = campaign;
    expect(html).toContain(
      `<h1>关于${rules.year}年${rules.categories.star.label}和${rules.categories.project.label}拟推介名单的公示</h1>`,
    );
    for (const entry of announcement.entries) expect(html).toContain(`<td>${entry.name}</td>`);
    expect(html).toContain('<caption>百姓学习之星拟推介名单</caption>');
    expect(html).toContain('<caption>终身学习品牌项目拟推介名单</caption>');
    expect(html).toContain('<th scope="col">姓名</th>');
    // The project's entity is shown beside its name.
    expect(html).toMatch(/<td>长春市第\d+社区学习中心<\/td>/);
    expect(html).toContain('公示期：2026年9月30日至2026年10月12日，共5个工作日');
    expect(html).toContain('国庆节放假');
    expect(html).toContain('国庆节调休上班');
    expect(html).toContain('匿名异议、超出公示期提出的异议，不予受理');
    expect(html).toContain('严格保密');
    expect(html).toContain('请于公示期内（2026年10月12日前）');
    const { announcement: made } = await getAnnouncement(
      site.t.context.db,
      campaign.organiser.admin.actor,
      campaign.id,
      site.clock.now(),
    );
    expect(made!.objectionContact.phone).not.toBe('');
    expect(html).toContain(`<dt>联系电话</dt><dd>${made!.objectionContact.phone}</dd>`);
    expect(html).toContain(`<a href="/gs/${announcement.id}/objection">在线提出异议</a>`);
    expect(html).toContain(`<p>${made!.issuer}</p>\n<p>2026年9月30日</p>`);
  });

  it('never shows ID numbers, phones or addresses of the nominees', async () => {
    const html = (await get(`/gs/${site.announcement.id}`)).body;
    let checked = 0;
    for (const n of site.nominations) {
      const row = (await findNomination(site.t.context.db, n.id))!;
      for (const value of personalValues(row.form)) {
        checked += 1;
        expect(html).not.toContain(value);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('is on the index under its organiser and year, open first', async () => {
    const html = (await get('/gs/')).body;
    const open = html.indexOf('<h2 id="open">');
    const past = html.indexOf('<h2 id="past">');
    const link = html.indexOf(`href="/gs/${site.announcement.id}"`);
    expect(open).toBeGreaterThan(0);
    expect(link).toBeGreaterThan(open);
    expect(link).toBeLessThan(past);
    expect(html).toContain(site.campaign.organiser.name);
  });

  it('answers 304 to a reader who has the same page', async () => {
    const first = await get(`/gs/${site.announcement.id}`);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.vary).toBe('Cookie');
    // The public routes send their own security headers (helmet is skipped on them for speed).
    // No script runs but the showcase slideshow's, allowed by its hash alone.
    expect(first.headers['content-security-policy']).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['x-frame-options']).toBe('SAMEORIGIN');
    const again = await get(`/gs/${site.announcement.id}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('escaping', () => {
  it('shows script text in a name, the title and the intro as text, never as markup', async () => {
    const { t } = site;
    const { db, jobs, clock } = t.context;
    // The name as the unit typed it on the form; the title and intro as the organiser wrote them.
    const other = await shortlistedCampaign(t, [{ name: '<script>alert(1)</script>"王\'' }]);
    const actor = other.organiser.admin.actor;
    const { campaign } = other;
    const draft = await newAnnouncement(t, campaign, { state: 'draft' });
    const { announcement: shown } = await getAnnouncement(db, actor, campaign.id, clock.now());
    const edited = await updateAnnouncement(
      db,
      actor,
      campaign.id,
      {
        version: shown!.version,
        intro: '第一段<img src=x onerror=alert(1)>\n\n第二段&amp;',
        title: '标题</title><script>x()</script>',
      },
      clock.now(),
    );
    const today = todayInShanghai(clock.now());
    const scheduled = await scheduleAnnouncement(
      db,
      actor,
      campaign.id,
      { version: edited.version, startDay: today },
      jobs,
      clock.now(),
    );
    await openAnnouncement(db, actor, campaign.id, { version: scheduled.version }, jobs, clock.now());
    t.context.publicPages.changed();
    const html = (await get(`/gs/${draft.id}`)).body;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;王&#39;');
    expect(html).toContain('<p>第一段&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toContain('<p>第二段&amp;amp;</p>');
    expect(html).toContain(
      '<title>标题&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; - 推介平台公示公告</title>',
    );
    const feed = (await get('/feed.xml')).body;
    expect(feed).toContain(`urn:uuid:${draft.id}`);
    expect(feed).not.toContain('<script>');
  });
});

describe('the kept page', () => {
  it('is served as kept until something public changes, then rendered again', async () => {
    const { db } = site.t.context;
    const url = `/gs/${site.announcement.id}`;
    const before = await get(url);
    const entry = site.announcement.entries[1]!;
    // The service changes the list; only the route that calls it tells the site (changed()).
    await db.transaction().execute((trx) =>
      removeAnnouncementEntry(trx, site.organiser.admin.actor, {
        entryId: entry.id,
        reason: '推荐单位撤回推荐',
        now: site.clock.now(),
      }),
    );
    const kept = await get(url);
    expect(kept.body).toBe(before.body);
    expect(kept.headers.etag).toBe(before.headers.etag);
    site.t.context.publicPages.changed();
    const after = await get(url);
    expect(after.body).toMatch(new RegExp(`<tr class="removed">[^\\n]*${entry.name}[^\\n]*已移出名单`));
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('is rendered again when the Beijing date turns: after the last day the form is no longer offered', async () => {
    const url = `/gs/${site.announcement.id}`;
    site.clock.set(`${END_DAY}T15:59:00Z`); // 23:59 on the last day
    expect((await get(url)).body).toContain('在线提出异议</a>');
    site.clock.set(`${END_DAY}T16:00:00Z`); // midnight: the period is over, nobody said changed()
    const html = (await get(url)).body;
    expect(html).not.toContain('在线提出异议</a>');
    expect(html).toContain('公示期已结束，不再受理异议');
    const form = await get(`${url}/objection`);
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain('现在不在公示期内，不受理异议');
    expect(form.headers['cache-control']).toBe('no-store');
  });
});

describe('pages that do not exist', () => {
  it.each([
    ['/gs/00000000-0000-4000-8000-000000000000', '未找到公示'],
    ['/gs/not-an-id', '未找到公示'],
    ['/gs/a/b/c', '未找到页面'],
    ['/results/00000000-0000-4000-8000-000000000000', '未找到结果公布'],
    ['/results/00000000-0000-4000-8000-000000000000/notice.pdf', '未找到文件'],
  ])('%s answers a Chinese 404 page', async (url, heading) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(`<h1>${heading}</h1>`);
    expect(res.body).toContain('<html lang="zh-CN"');
  });
});

describe('the reading switches (适老化)', () => {
  it('set a remembered choice by a plain link and come back to the page', async () => {
    const back = `/gs/${site.announcement.id}`;
    const res = await get(`/gs/view?text=large&back=${encodeURIComponent(back)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(back);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/gs_text=large; Max-Age=31536000; Path=\//);
    const contrast = await get(`/gs/view?contrast=high&back=${encodeURIComponent(back)}`);
    const large = await get(back, { cookie: 'gs_text=large; gs_contrast=high' });
    expect(contrast.statusCode).toBe(303);
    expect(large.body).toContain('<html lang="zh-CN" class="text-large contrast-high">');
    expect(large.body).toContain('aria-current="true">大字</a>');
    const plain = await get(back);
    expect(plain.body).toContain('<html lang="zh-CN">');
    expect(plain.headers.etag).not.toBe(large.headers.etag);
  });

  it('never send the reader to another site', async () => {
    for (const back of ['//evil.example/', 'https://evil.example/', '/gs/../api/health', '/api/auth/me']) {
      const res = await get(`/gs/view?text=large&back=${encodeURIComponent(back)}`);
      expect(res.headers.location).toBe('/gs/');
    }
  });
});

describe('an announcement not yet public', () => {
  it('is neither on the index nor at its address while a draft or before its first day', async () => {
    const { t } = site;
    const { db, jobs, clock } = t.context;
    const other = await shortlistedCampaign(t, [{}]);
    const actor = other.organiser.admin.actor;
    const draft = await newAnnouncement(t, other.campaign, { state: 'draft' });
    const hidden = async () => {
      t.context.publicPages.changed();
      expect((await get(`/gs/${draft.id}`)).statusCode).toBe(404);
      expect((await get(`/gs/${draft.id}/objection`)).statusCode).toBe(404);
      expect((await get('/gs/')).body).not.toContain(draft.id);
      expect((await get('/feed.xml')).body).not.toContain(draft.id);
    };
    await hidden();
    const { announcement: shown } = await getAnnouncement(db, actor, other.campaign.id, clock.now());
    const startDay = addDays(todayInShanghai(clock.now()), 7);
    const scheduled = await scheduleAnnouncement(
      db,
      actor,
      other.campaign.id,
      { version: shown!.version, startDay },
      jobs,
      clock.now(),
    );
    expect(scheduled.state).toBe('scheduled');
    await hidden();
  });
});
