/** `/gs/`: announcements now open first, then past ones and published results by organiser and year. */
import { formatBeijingDate } from '#core/calendar/beijing-time.ts';
import type { PublicAnnouncementSummary } from '#server/modules/announcements/public-view.ts';
import type { PublishedUnitPublicity } from '#server/modules/publicity/published-publicities.ts';
import type { PublicResultSummary } from '#server/modules/results/public-view.ts';
import { esc } from '../html.ts';
import { groupByOrganiserYear } from './group-by.ts';
import { CATEGORY_TITLES, chineseDay, STATE_LABELS } from './labels.ts';

function announcementItem(a: PublicAnnouncementSummary): string {
  return `<li><a href="/gs/${esc(a.id)}">${esc(a.title)}</a>
<span class="meta">（${esc(a.organiserName)}；公示期 ${esc(chineseDay(a.startDay))}至${esc(chineseDay(a.endDay))}；<span class="state state-${a.state}">${STATE_LABELS[a.state]}</span>）</span></li>`;
}

function resultItem(r: PublicResultSummary): string {
  return `<li><a href="/results/${esc(r.id)}">${esc(r.title)}</a>
<span class="meta">（${r.docNumber ? `${esc(r.docNumber)}；` : ''}${esc(formatBeijingDate(r.publishedAt))}公布）</span></li>`;
}

/** A unit's own 公示 as its notice said it; the link only when it is a web address (never a script). */
function unitPublicityItem(p: PublishedUnitPublicity): string {
  const link =
    p.url && /^https?:\/\//i.test(p.url)
      ? `；<a href="${esc(p.url)}" rel="noopener nofollow">查看原公示</a>`
      : '';
  const byCategory = new Map<string, string[]>();
  for (const n of p.nominees) byCategory.set(n.category, [...(byCategory.get(n.category) ?? []), n.title]);
  const nominees = [...byCategory]
    .map(
      ([category, titles]) =>
        `${CATEGORY_TITLES[category as keyof typeof CATEGORY_TITLES] ?? category}：${titles.map(esc).join('、')}`,
    )
    .join('；');
  return `<li>${esc(p.unitName)}：${esc(p.campaignTitle)}
<span class="meta">（公示时间 ${esc(chineseDay(p.fromDay))}至${esc(chineseDay(p.toDay))}；公示地点：${esc(p.place)}${link}）</span>${nominees ? `<br>推介对象：${nominees}` : ''}</li>`;
}

function grouped<T extends { organiserName: string; year: number }>(
  items: readonly T[],
  item: (x: T) => string,
  empty: string,
): string {
  if (items.length === 0) return `<p>${empty}</p>`;
  return groupByOrganiserYear(items)
    .map(
      (g) => `<h3>${esc(g.organiserName)}</h3>
${g.years.map((y) => `<h4>${y.year}年</h4>\n<ul>\n${y.items.map(item).join('\n')}\n</ul>`).join('\n')}`,
    )
    .join('\n');
}

export function indexBody(
  announcements: PublicAnnouncementSummary[],
  results: PublicResultSummary[],
  unitPublicities: PublishedUnitPublicity[] = [],
): string {
  const open = announcements.filter((a) => a.state === 'open');
  const past = announcements.filter((a) => a.state === 'closed');
  return `<h1>公示公告</h1>
<p>百姓学习之星、终身学习品牌项目拟推介名单的公示，以及审定后公布的推介结果。公示期内对名单有异议的，可在公示页面按说明提出。</p>
<h2 id="open">正在公示</h2>
${open.length ? `<ul>\n${open.map(announcementItem).join('\n')}\n</ul>` : '<p>目前没有正在公示的名单。</p>'}
<h2 id="past">往期公示</h2>
${grouped(past, announcementItem, '暂无往期公示。')}
<h2 id="results">结果公布</h2>
${grouped(results, resultItem, '暂无公布的推介结果。')}${
  unitPublicities.length
    ? `\n<h2 id="units">报送单位的公示</h2>
<p>报送单位在推介前对推介对象所作的公示，由各单位登记并选择在此展示。</p>
${grouped(unitPublicities, unitPublicityItem, '')}`
    : ''
}`;
}

export function resultsIndexBody(results: PublicResultSummary[]): string {
  return `<h1>结果公布</h1>
<p>经审定后公布的百姓学习之星、终身学习品牌项目推介结果，按发布单位和年度排列。</p>
${grouped(results, resultItem, '暂无公布的推介结果。')}`;
}
