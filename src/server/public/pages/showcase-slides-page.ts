/**
 * `/showcase/<year>/slides`: the year's winners one by one for a big screen at the 活动周 opening. Without
 * script it is a plain list of large slides to scroll; with script one slide shows at a time, moving on
 * by itself every few seconds (stopped while the reader asks for reduced motion, and by the pause
 * button), and by the arrow keys, space and the buttons.
 */
import type { ShowcaseWinner } from '#server/modules/showcase/public-view.ts';
import { esc } from '../html.ts';
import { CATEGORY_TITLES } from './labels.ts';
import { mediaPath, picture, roundName, SHOWCASE_TITLE, specialBadge } from './showcase-parts.ts';
import { SLIDES_SCRIPT } from './showcase-slides-script.ts';

function slide(w: ShowcaseWinner, i: number, total: number): string {
  const image = w.photos[0]
    ? picture(w.photos[0], `${w.name}的照片`, false, i > 1)
    : w.videos[0]
      ? `<img src="${mediaPath(w.videos[0], 'poster.jpg')}" alt="${esc(w.name)}的视频画面" loading="lazy">`
      : '';
  return `<li class="slide${w.special ? ' card-special' : ''}" aria-roledescription="幻灯片" aria-label="第${i + 1}张，共${total}张">
${image ? `<div class="slide-image">${image}</div>` : ''}<div class="slide-text">
<h2><a href="/showcase/winner/${esc(w.id)}">${esc(w.name)}</a></h2>
<p>${specialBadge(w)}${esc(roundName(w))} · ${CATEGORY_TITLES[w.category]}</p>
<p class="meta">${esc(w.province)} · ${esc(w.entity || w.unit)}</p>
</div>
</li>`;
}

export function showcaseSlidesBody(year: number, winners: readonly ShowcaseWinner[]): string {
  return `<nav aria-label="当前位置" class="no-print"><a href="/showcase/">${SHOWCASE_TITLE}</a> › <a href="/showcase/${year}/">${year}年</a> › 大屏幕轮播</nav>
<h1>${year}年百姓学习之星和终身学习品牌项目</h1>
<div id="slides-controls" class="slides-controls no-print" hidden>
<button type="button" id="slides-prev">上一位</button>
<button type="button" id="slides-pause" aria-pressed="false">暂停</button>
<button type="button" id="slides-next">下一位</button>
<span id="slides-count" aria-live="polite"></span>
</div>
<ul class="slides" aria-label="入选者轮播">
${winners.map((w, i) => slide(w, i, winners.length)).join('\n')}
</ul>
<script>${SLIDES_SCRIPT}</script>`;
}
