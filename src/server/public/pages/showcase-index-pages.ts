/**
 * `/showcase/`: the years with published winners. `/showcase/<year>/`: that year's winners by round
 * (national, then each province's own round) and category, specials first, with links to each
 * province's page. `/showcase/<year>/<省代码>`: one province's winners of the year, every round.
 */
import type { Category } from '#core/campaign/rules.ts';
import type { ShowcaseWinner } from '#server/modules/showcase/public-view.ts';
import { esc } from '../html.ts';
import { CATEGORY_TITLES } from './labels.ts';
import { cards, roundName, SHOWCASE_TITLE } from './showcase-parts.ts';

const CATEGORIES: Category[] = ['star', 'project'];

function searchForm(q = ''): string {
  return `<form class="search no-print" method="get" action="/showcase/search" role="search">
<label for="showcase-q">搜索姓名、地区或关键词</label>
<div class="search-row"><input type="text" id="showcase-q" name="q" value="${esc(q)}" maxlength="50"><button type="submit">搜索</button></div>
</form>`;
}

export function showcaseIndexBody(years: readonly { year: number; winners: number }[]): string {
  return `<h1>${SHOWCASE_TITLE}</h1>
<p>已公布的百姓学习之星、终身学习品牌项目入选者的事迹、照片和视频，按年度浏览。</p>
${searchForm()}
<h2>按年度浏览</h2>
${
  years.length
    ? `<ul class="years">\n${years.map((y) => `<li><a href="/showcase/${y.year}/">${y.year}年</a> <span class="meta">（${y.winners}个入选）</span></li>`).join('\n')}\n</ul>`
    : '<p>暂无公布的入选者。</p>'
}`;
}

/** Winners grouped by category, specials first within each (the order listShowcaseWinners gives). */
function byCategory(winners: readonly ShowcaseWinner[], heading: 'h3' | 'h2'): string {
  return CATEGORIES.map((category) => {
    const mine = winners.filter((w) => w.category === category);
    if (!mine.length) return '';
    return `<${heading}>${CATEGORY_TITLES[category]}（${mine.length}${category === 'star' ? '名' : '个'}）</${heading}>\n${cards(mine)}`;
  })
    .filter(Boolean)
    .join('\n');
}

interface Round {
  key: string;
  title: string;
  winners: ShowcaseWinner[];
}

function roundsOf(winners: readonly ShowcaseWinner[]): Round[] {
  const rounds = new Map<string, Round>();
  for (const w of winners) {
    const key = w.level === 'national' ? 'national' : `r${w.roundProvince ?? w.roundOrganiser}`;
    let round = rounds.get(key);
    if (!round) {
      round = { key, title: roundName(w), winners: [] };
      rounds.set(key, round);
    }
    round.winners.push(w);
  }
  return [...rounds.values()];
}

function provinceLinks(year: number, winners: readonly ShowcaseWinner[], current?: string): string {
  const provinces = new Map<string, { name: string; n: number }>();
  for (const w of winners) {
    if (!w.provinceCode) continue;
    const p = provinces.get(w.provinceCode) ?? { name: w.province, n: 0 };
    p.n += 1;
    provinces.set(w.provinceCode, p);
  }
  const items = [...provinces.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, p]) =>
      code === current
        ? `<li><a href="/showcase/${year}/${code}" aria-current="page">${esc(p.name)}（${p.n}）</a></li>`
        : `<li><a href="/showcase/${year}/${code}">${esc(p.name)}（${p.n}）</a></li>`,
    );
  return `<nav aria-label="按省份浏览" class="filters no-print">
<h2 class="filters-title">按省份浏览</h2>
<ul>\n<li><a href="/showcase/${year}/"${current ? '' : ' aria-current="page"'}>全部省份</a></li>\n${items.join('\n')}\n</ul>
</nav>`;
}

export function showcaseYearBody(year: number, winners: readonly ShowcaseWinner[]): string {
  const rounds = roundsOf(winners);
  const toc = rounds.map(
    (r) => `<li><a href="#${esc(r.key)}">${esc(r.title)}（${r.winners.length}）</a></li>`,
  );
  return `<nav aria-label="当前位置" class="no-print"><a href="/showcase/">${SHOWCASE_TITLE}</a> › ${year}年</nav>
<h1>${year}年${SHOWCASE_TITLE}</h1>
<p class="no-print"><a href="/showcase/${year}/slides">大屏幕轮播</a></p>
${searchForm()}
${provinceLinks(year, winners)}
<nav aria-label="按推介级别浏览" class="filters no-print"><h2 class="filters-title">按推介级别浏览</h2><ul>${toc.join('')}</ul></nav>
${rounds
  .map(
    (r) => `<section aria-labelledby="${esc(r.key)}">
<h2 id="${esc(r.key)}">${esc(r.title)}</h2>
${byCategory(r.winners, 'h3')}
</section>`,
  )
  .join('\n')}
${winners.length ? '' : '<p>本年度暂无公布的入选者。</p>'}`;
}

export function showcaseProvinceBody(
  year: number,
  province: { code: string; name: string },
  all: readonly ShowcaseWinner[],
): string {
  const mine = all.filter((w) => w.provinceCode === province.code);
  const rounds = roundsOf(mine);
  return `<nav aria-label="当前位置" class="no-print"><a href="/showcase/">${SHOWCASE_TITLE}</a> › <a href="/showcase/${year}/">${year}年</a> › ${esc(province.name)}</nav>
<h1>${year}年${esc(province.name)}入选者</h1>
${provinceLinks(year, all, province.code)}
${rounds.map((r) => `<h2>${esc(r.title)}</h2>\n${byCategory(r.winners, 'h3')}`).join('\n')}`;
}

export function showcaseSearchBody(q: string, found: readonly ShowcaseWinner[]): string {
  return `<nav aria-label="当前位置" class="no-print"><a href="/showcase/">${SHOWCASE_TITLE}</a> › 搜索</nav>
<h1>搜索入选者</h1>
${searchForm(q)}
${q ? `<p role="status">“${esc(q)}”共找到${found.length}个入选者${found.length > 100 ? '，显示前100个' : ''}。</p>` : '<p>请输入姓名、地区、单位或事迹中的关键词。</p>'}
${found.length ? cards(found.slice(0, 100)) : ''}`;
}
