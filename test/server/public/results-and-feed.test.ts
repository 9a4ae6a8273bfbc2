/**
 * Published results without login (the notice, its list by category and province, its documents as stored)
 * and the Atom feed of announcements and results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPublishedResult } from '#test/support/factories/results-interim-site.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

let site: PublicSite;
let result: Awaited<ReturnType<typeof newPublishedResult>>;
const DOCX = Buffer.from('PK\u0003\u0004 a stored docx');

beforeAll(async () => {
  site = await publicSite();
  result = await newPublishedResult(site.t, site.campaign, {
    docNumber: '吉成教协〔2026〕5号',
    entries: [
      { category: 'star', name: '王秀兰', unit: '长春市朝阳区', province: '吉林省', special: true },
      { category: 'star', name: '<script>张三</script>', unit: '吉林市', province: '吉林省' },
      { category: 'project', name: '社区夜校', unit: '四平市', entity: '四平市社区学院', province: '吉林省' },
    ],
    documents: { docx: DOCX },
  });
  site.t.context.publicPages.changed();
}, 180_000);
afterAll(() => site?.t.close());

const get = (url: string) => site.t.app.inject({ method: 'GET', url });

describe('a published result', () => {
  it('shows the title, 文号, issuers, the list with specials marked and the stored documents', async () => {
    const res = await get(`/results/${result.id}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1>关于公布\d+年“百姓学习之星”和“终身学习品牌项目”推介结果的通知<\/h1>/);
    expect(html).toContain('文号：吉成教协〔2026〕5号');
    expect(html).toContain(`发布单位：全民终身学习活动周领导小组、${site.campaign.organiser.name}`);
    expect(html).toContain('<caption>百姓学习之星名单（按省份排列）</caption>');
    expect(html).toMatch(
      /<td>吉林省<\/td><td>王秀兰<\/td><td>长春市朝阳区<\/td><td><span class="special">事迹特别感人<\/span><\/td>/,
    );
    expect(html).toContain('<td>社区夜校</td><td>四平市社区学院</td>');
    expect(html).toContain('&lt;script&gt;张三&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<a href="/results/${result.id}/notice.docx">通知（Word 文档）</a>`);
    expect(html).not.toContain('notice.pdf');
  });

  it('serves a stored document and a Chinese 404 page for one not stored', async () => {
    const docx = await get(`/results/${result.id}/notice.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.equals(DOCX)).toBe(true);
    expect(docx.headers['x-content-type-options']).toBe('nosniff');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''%E5%85%B3%E4%BA%8E");
    const pdf = await get(`/results/${result.id}/notice.pdf`);
    expect(pdf.statusCode).toBe(404);
    expect(pdf.body).toContain('<h1>未找到文件</h1>');
  });

  it('is listed on the results index and the site index', async () => {
    expect((await get('/results/')).body).toContain(`href="/results/${result.id}"`);
    const index = (await get('/gs/')).body;
    expect(index.indexOf(`href="/results/${result.id}"`)).toBeGreaterThan(index.indexOf('<h2 id="results">'));
  });
});

describe('the feed', () => {
  // That it parses as XML is checked by a real XML parser in accessibility.test.ts (Chromium's DOMParser).
  it('is Atom with the announcement and the result, linked absolutely', async () => {
    const res = await get('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(res.body).toContain(`<id>urn:uuid:${site.announcement.id}</id>`);
    expect(res.body).toContain(`<id>urn:uuid:${result.id}</id>`);
    expect(res.body).toContain(
      `<link rel="alternate" type="text/html" href="http://localhost:80/results/${result.id}"/>`,
    );
    expect(res.body).toContain('<title>结果公布：关于公布');
  });
});
