/** `/feed.xml`: an Atom feed of announcements and published results, newest first. */
import type { PublicAnnouncementSummary } from '#server/modules/announcements/public-view.ts';
import type { PublicResultSummary } from '#server/modules/results/public-view.ts';
import { esc } from './html.ts';
import { chineseDay } from './pages/labels.ts';

interface FeedItem {
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary: string;
}

export function atomFeed(
  origin: string,
  announcements: PublicAnnouncementSummary[],
  results: PublicResultSummary[],
): string {
  const items: FeedItem[] = [
    ...announcements.map((a) => ({
      id: `urn:uuid:${a.id}`,
      title: `公示：${a.title}`,
      link: `${origin}/gs/${a.id}`,
      updated: a.updatedAt,
      summary: `${a.issuer}，公示期${chineseDay(a.startDay)}至${chineseDay(a.endDay)}`,
    })),
    ...results.map((r) => ({
      id: `urn:uuid:${r.id}`,
      title: `结果公布：${r.title}`,
      link: `${origin}/results/${r.id}`,
      updated: r.publishedAt,
      summary: `${r.issuers.join('、')}${r.docNumber ? `，${r.docNumber}` : ''}`,
    })),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const updated = (items[0]?.updated ?? new Date(0)).toISOString();
  const entries = items.map(
    (i) => `<entry>
<id>${esc(i.id)}</id>
<title>${esc(i.title)}</title>
<link rel="alternate" type="text/html" href="${esc(i.link)}"/>
<updated>${i.updated.toISOString()}</updated>
<summary>${esc(i.summary)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${esc(`${origin}/feed.xml`)}</id>
<title>推介平台公示公告</title>
<subtitle>百姓学习之星、终身学习品牌项目的公示与结果公布</subtitle>
<link rel="self" type="application/atom+xml" href="${esc(`${origin}/feed.xml`)}"/>
<link rel="alternate" type="text/html" href="${esc(`${origin}/gs/`)}"/>
<author><name>推介平台</name></author>
<updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}
