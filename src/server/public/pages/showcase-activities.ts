/**
 * A winner's 宣传推介活动 (五进) on their showcase page: newest first, each with its date, kind, form,
 * place, host, audience, short report and the public copies of its photos. Only what
 * `listPublicActivities` gives the public site: never the recorder, never an original photo.
 */
import { activityKindLabel } from '#core/activities/kinds.ts';
import { formatChineseDate } from '#core/calendar/format.ts';
import type { PublicActivity } from '#server/modules/activities/public-activities.ts';
import { esc, paragraphs } from '../html.ts';

function activityItem(a: PublicActivity, winnerName: string): string {
  const date = formatChineseDate(a.occurredOn);
  const title = `${date} · ${activityKindLabel(a.kind)} · ${a.form}`;
  // Each photo links to itself: on a phone a tap shows it whole (the copy is at most 1280 px).
  const photos = a.photoUrls
    .map(
      (url, i) =>
        `<li><a href="${esc(url)}"><img src="${esc(url)}" alt="${esc(`${winnerName}的宣传推介活动：${date}${a.form}照片${a.photoUrls.length > 1 ? i + 1 : ''}`)}" loading="lazy" decoding="async"></a></li>`,
    )
    .join('\n');
  return `<li class="activity">
<h3>${esc(title)}</h3>
<dl class="facts">
<dt>地点</dt><dd>${esc(a.place)}</dd>
<dt>主办单位</dt><dd>${esc(a.host)}</dd>
<dt>参与人数</dt><dd>${esc(a.audience.toLocaleString('zh-CN'))}人次</dd>
</dl>
${paragraphs(a.report)}
${photos ? `<ul class="gallery" aria-label="${esc(`${date}活动照片`)}">\n${photos}\n</ul>` : ''}
</li>`;
}

/** The section, or nothing when the winner has no activity on record. */
export function activitiesSection(activities: readonly PublicActivity[], winnerName: string): string {
  if (activities.length === 0) return '';
  return `<section aria-labelledby="activities-title">
<h2 id="activities-title">宣传推介活动</h2>
<p>共${activities.length}次，按时间由近及远排列。</p>
<ol class="activities">
${activities.map((a) => activityItem(a, winnerName)).join('\n')}
</ol>
</section>`;
}
