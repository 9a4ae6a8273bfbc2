/**
 * Published results without login (the notice, its list by category and province, its documents as stored)
 * and the Atom feed of announcements and results. The results are the real thing: the 公示 closed on its
 * own, the list approved by the organiser's approver and published by the organiser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCampaign } from '#server/modules/results/approve-campaign.ts';
import { publishResults } from '#server/modules/results/publish-results.ts';
import { newAccount } from '#test/support/factories/index.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

let site: PublicSite;
let notice: {
  id: string;
  title: string;
  issuers: string[];
  docxKey: string | null;
  pdfKey: string | null;
  xlsxKey: string | null;
};

beforeAll(async () => {
  site = await publicSite({
    state: 'closed',
    picks: [
      { name: '王秀兰', special: true },
      { name: '<script>张三</script>' },
      { name: '社区夜校', category: 'project' },
    ],
  });
  const { t, organiser, campaign } = site;
  const approver = await newAccount(t, organiser.admin, {
    organisationId: organiser.organisationId,
    roles: ['approver'],
  });
  await approveCampaign(t.context, approver.actor, campaign.id, {});
  const published = await publishResults(t.context, organiser.admin.actor, campaign.id, {
    docNumber: '吉成教协〔2026〕5号',
  });
  t.context.publicPages.changed();
  notice = await t.context.db
    .selectFrom('resultNotices')
    .select(['id', 'title', 'issuers', 'docxKey', 'pdfKey', 'xlsxKey'])
    .where('id', '=', published.noticeId)
    .executeTakeFirstOrThrow();
}, 240_000);
afterAll(() => site?.t.close());

const get = (url: string) => site.t.app.inject({ method: 'GET', url });

async function stored(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await site.t.context.storage.read(key)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('a published result', () => {
  it('shows the title, 文号, issuers, the list with specials under their own heading as the notice counts them, and the stored documents', async () => {
    const res = await get(`/results/${notice.id}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const unit = site.unit.name;
    expect(html).toContain(
      `<h1>关于公布${site.campaign.rules.year}年“百姓学习之星”和“终身学习品牌项目”推介结果的通知</h1>`,
    );
    expect(html).toContain('文号：吉成教协〔2026〕5号');
    expect(notice.issuers.length).toBeGreaterThan(0);
    expect(html).toContain(`发布单位：${notice.issuers.join('、')}`);
    expect(html).toContain('<caption>百姓学习之星名单（按省份排列）</caption>');
    // The special pick under its own heading, as the notice's body counts it (另有事迹特别感人的…).
    const special = html.slice(html.indexOf('<caption>事迹特别感人的百姓学习之星名单'));
    expect(special).toMatch(new RegExp(`^[^]*?<td>吉林省</td><td>王秀兰</td><td>${unit}</td></tr>`));
    expect(html.slice(0, html.indexOf('<caption>事迹特别感人的百姓学习之星名单'))).not.toContain('王秀兰');
    expect(html).toMatch(/<td>社区夜校<\/td><td>长春市第\d+社区学习中心<\/td>/);
    expect(html).toContain('&lt;script&gt;张三&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<a href="/results/${notice.id}/notice.docx">通知（Word 文档）</a>`);
    expect(html.includes(`/results/${notice.id}/notice.pdf"`)).toBe(notice.pdfKey !== null);
  });

  it('serves a stored document and a Chinese 404 page for one not stored', async () => {
    const docx = await get(`/results/${notice.id}/notice.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.equals(await stored(notice.docxKey!))).toBe(true);
    expect(docx.rawPayload.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004'))).toBe(true);
    expect(docx.headers['x-content-type-options']).toBe('nosniff');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''%E5%85%B3%E4%BA%8E");
    // A document whose file is gone from storage (or was never made) is a page, not an error.
    await site.t.context.storage.remove(notice.xlsxKey!);
    const xlsx = await get(`/results/${notice.id}/notice.xlsx`);
    expect(xlsx.statusCode).toBe(404);
    expect(xlsx.body).toContain('<h1>未找到文件</h1>');
  });

  it('is listed on the results index and the site index', async () => {
    expect((await get('/results/')).body).toContain(`href="/results/${notice.id}"`);
    const index = (await get('/gs/')).body;
    expect(index.indexOf(`href="/results/${notice.id}"`)).toBeGreaterThan(index.indexOf('<h2 id="results">'));
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
    expect(res.body).toContain(`<id>urn:uuid:${notice.id}</id>`);
    expect(res.body).toContain(
      `<link rel="alternate" type="text/html" href="http://localhost:80/results/${notice.id}"/>`,
    );
    expect(res.body).toContain('<title>结果公布：关于公布');
  });
});
