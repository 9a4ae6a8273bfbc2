/**
 * `/showcase/winner/<id>`: one winner: name, round, category (a special pick highlighted), unit,
 * province, the approved story (before approval: name, unit, category and photos only), the photos
 * (web copies, each linking to its larger copy) and the video (the web rendition, streamed by ranges,
 * with its poster frame), and their publicity activities (五进). Its head carries the Open Graph tags a
 * shared link previews with.
 */
import type { PublicActivity } from '#server/modules/activities/public-activities.ts';
import type { ShowcaseWinner } from '#server/modules/showcase/public-view.ts';
import { esc, paragraphs } from '../html.ts';
import { CATEGORY_TITLES } from './labels.ts';
import { activitiesSection } from './showcase-activities.ts';
import { mediaPath, picture, roundName, SHOWCASE_TITLE, specialBadge, winnerPath } from './showcase-parts.ts';

function summary(w: ShowcaseWinner): string {
  const first = w.story ? [...w.story.replace(/\s+/g, ' ')].slice(0, 80).join('') : '';
  return first || `${roundName(w)}${CATEGORY_TITLES[w.category]}：${w.name}（${w.entity || w.unit}）`;
}

/**
 * The Open Graph, canonical and description tags for the page's head. `publicUrl` is the site's public
 * address (TUIJIE_PUBLIC_URL, no trailing slash). Without it the page's address, canonical link and
 * preview image are left out: WeChat and other previewers fetch them from another place than the reader's
 * browser and read a relative address as nothing (or as the wrong page), so a relative one would only
 * claim an address that does not work there. Title and description still give a text preview.
 */
export function winnerHead(w: ShowcaseWinner, publicUrl: string | null): string {
  const image = w.photos[0]
    ? mediaPath(w.photos[0], 'w1280.jpg')
    : w.videos[0]
      ? mediaPath(w.videos[0], 'poster.jpg')
      : undefined;
  const url = publicUrl && `${publicUrl}${winnerPath(w)}`;
  return [
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(`${w.name} - ${roundName(w)}${CATEGORY_TITLES[w.category]}`)}">`,
    `<meta property="og:description" content="${esc(summary(w))}">`,
    ...(url
      ? [`<meta property="og:url" content="${esc(url)}">`, `<link rel="canonical" href="${esc(url)}">`]
      : []),
    `<meta property="og:site_name" content="推介平台 · ${SHOWCASE_TITLE}">`,
    ...(image && publicUrl
      ? [
          `<meta property="og:image" content="${esc(publicUrl + image)}">`,
          `<meta name="twitter:card" content="summary_large_image">`,
        ]
      : []),
  ].join('\n');
}

export function winnerDescription(w: ShowcaseWinner): string {
  return summary(w);
}

export function showcaseWinnerBody(w: ShowcaseWinner, activities: readonly PublicActivity[]): string {
  const video = w.videos
    .map(
      (v, i) => `<figure class="video">
<video controls playsinline preload="metadata" poster="${mediaPath(v, 'poster.jpg')}" width="${v.width}" height="${v.height}" aria-label="${esc(w.name)}的视频${w.videos.length > 1 ? i + 1 : ''}">
<source src="${mediaPath(v, 'web.mp4')}" type="video/mp4">
</video>
<figcaption>视频（约${Math.max(0.1, Math.round(v.bytes / 104857.6) / 10)} MB）。无法播放时可<a href="${mediaPath(v, 'web.mp4')}">下载观看</a>。</figcaption>
</figure>`,
    )
    .join('\n');
  const photos = w.photos
    .map(
      (p, i) =>
        `<li><a href="${mediaPath(p, 'w1280.jpg')}">${picture(p, `${w.name}的照片${i + 1}`, true, i > 1)}</a></li>`,
    )
    .join('\n');
  return `<nav aria-label="当前位置" class="no-print"><a href="/showcase/">${SHOWCASE_TITLE}</a> › <a href="/showcase/${w.year}/">${w.year}年</a>${w.provinceCode ? ` › <a href="/showcase/${w.year}/${w.provinceCode}">${esc(w.province)}</a>` : ''}</nav>
<article class="winner${w.special ? ' winner-special' : ''}">
<h1>${esc(w.name)}</h1>
<p class="meta">${specialBadge(w)}${esc(roundName(w))} · ${CATEGORY_TITLES[w.category]}${w.province ? ` · ${esc(w.province)}` : ''}</p>
<dl class="facts">
${w.entity ? `<dt>${w.category === 'star' ? '工作单位' : '申报主体'}</dt><dd>${esc(w.entity)}</dd>` : ''}
<dt>推荐单位</dt><dd>${esc(w.unit)}</dd>
<dt>结果公布</dt><dd><a href="/results/${esc(w.resultId)}">查看${w.year}年推介结果通知</a></dd>
</dl>
${video ? `<h2>视频</h2>\n${video}` : ''}
<h2>${w.category === 'star' ? '事迹' : '项目介绍'}</h2>
${w.story ? paragraphs(w.story) : '<p class="notice">事迹介绍正在整理，审核后在此公布。</p>'}
${photos ? `<h2>照片</h2>\n<ul class="gallery">\n${photos}\n</ul>` : ''}
${activitiesSection(activities, w.name)}
</article>`;
}
