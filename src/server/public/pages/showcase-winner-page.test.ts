import { describe, expect, it } from 'vitest';
import type { PublicActivity } from '#server/modules/activities/public-activities.ts';
import type { ShowcaseWinner } from '#server/modules/showcase/public-view.ts';
import { showcaseWinnerBody, winnerHead } from './showcase-winner-page.ts';

const winner: ShowcaseWinner = {
  id: '2f0c8a4e-1b2c-4d5e-8f90-123456789abc',
  year: 2025,
  level: 'provincial',
  roundOrganiser: '吉林省教育厅',
  roundProvince: '22',
  resultId: '3a0c8a4e-1b2c-4d5e-8f90-123456789abc',
  category: 'star',
  special: true,
  name: '周玉梅',
  unit: '长春市教育局',
  entity: '长春市朝阳区桂林街道社区学校',
  provinceCode: '22',
  province: '吉林省',
  story: '坚持学习二十年。',
  photos: [{ materialId: '4b0c8a4e-1b2c-4d5e-8f90-123456789abc', width: 1600, height: 1200 }],
  videos: [],
};

const activity: PublicActivity = {
  kind: 'community',
  form: '阅读分享会',
  occurredOn: '2025-10-19',
  place: '桂林街道社区学校',
  host: '长春市教育局',
  audience: 1200,
  report: '与居民分享学习经历。\n现场交流热烈。',
  photoUrls: ['/api/public/activity-photos/5c0c8a4e-1b2c-4d5e-8f90-123456789abc.jpg'],
};

describe('a winner page’s head', () => {
  it('gives a shared link absolute addresses from the public address', () => {
    const head = winnerHead(winner, 'https://xuexi.jl.gov.cn');
    const page = `https://xuexi.jl.gov.cn/showcase/winner/${winner.id}`;
    expect(head).toContain(`<meta property="og:url" content="${page}">`);
    expect(head).toContain(`<link rel="canonical" href="${page}">`);
    expect(head).toContain(
      `<meta property="og:image" content="https://xuexi.jl.gov.cn/showcase/media/${winner.photos[0]!.materialId}/w1280.jpg">`,
    );
    expect(head).not.toMatch(/content="\/|href="\/|[^:]\/\//);
  });

  it('leaves the address, canonical link and image out without one, never printing them relative', () => {
    const head = winnerHead(winner, null);
    expect(head).toContain(
      '<meta property="og:title" content="周玉梅 - 2025年吉林省教育厅推介百姓学习之星">',
    );
    expect(head).toContain('<meta property="og:description" content="坚持学习二十年。">');
    expect(head).not.toMatch(/og:url|canonical|og:image|twitter:card/);
  });
});

describe('a winner page’s activities', () => {
  it('lists each with date, kind, form, place, host, audience, report and lazy photos with Chinese alt text', () => {
    const body = showcaseWinnerBody(winner, [activity]);
    expect(body).toContain('<h2 id="activities-title">宣传推介活动</h2>');
    expect(body).toContain('<h3>2025年10月19日 · 进社区 · 阅读分享会</h3>');
    expect(body).toContain('<dt>地点</dt><dd>桂林街道社区学校</dd>');
    expect(body).toContain('<dt>主办单位</dt><dd>长春市教育局</dd>');
    expect(body).toContain('<dt>参与人数</dt><dd>1,200人次</dd>');
    expect(body).toContain('<p>与居民分享学习经历。</p>\n<p>现场交流热烈。</p>');
    expect(body).toContain(
      `<img src="${activity.photoUrls[0]}" alt="周玉梅的宣传推介活动：2025年10月19日阅读分享会照片" loading="lazy" decoding="async">`,
    );
    // Headings in order: the section's h2 after the page's h2s, each activity an h3 in a list.
    const headings = [...body.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    expect(headings).toEqual([1, 2, 2, 2, 3]);
    expect(body).toMatch(/<ol class="activities">\s*<li class="activity">/);
  });

  it('escapes every text an activity holds', () => {
    const evil = '<script>alert("x")</script>';
    const body = showcaseWinnerBody(winner, [
      { ...activity, form: evil, place: evil, host: evil, report: evil, photoUrls: [] },
    ]);
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(body).not.toContain('class="gallery" aria-label');
  });

  it('shows no section when there is none', () => {
    expect(showcaseWinnerBody(winner, [])).not.toContain('宣传推介活动');
  });
});
