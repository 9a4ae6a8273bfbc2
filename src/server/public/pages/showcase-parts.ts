/** What the showcase pages share: media addresses, a winner's card, a round's name. */
import type { ShowcasePhoto, ShowcaseWinner } from '#server/modules/showcase/public-view.ts';
import { esc } from '../html.ts';
import { CATEGORY_TITLES, SPECIAL_LABELS } from './labels.ts';

/** A derivative's public address; its content hash is in the path, so it may be kept for a year. */
export const mediaPath = (m: { materialId: string }, name: string) =>
  `/showcase/media/${m.materialId}/${name}`;

export const winnerPath = (w: { id: string }) => `/showcase/winner/${w.id}`;

export function roundName(w: Pick<ShowcaseWinner, 'year' | 'level' | 'roundOrganiser'>): string {
  return w.level === 'national' ? `${w.year}年全国推介` : `${w.year}年${w.roundOrganiser}推介`;
}

/** A picture as a phone and a desktop want it: WebP where read, JPEG otherwise, sized to avoid a jump. */
export function picture(photo: ShowcasePhoto, alt: string, small: boolean, lazy = true): string {
  const w = small ? 480 : 1280;
  const scale = Math.min(1, w / Math.max(photo.width, photo.height));
  const width = Math.round(photo.width * scale);
  const height = Math.round(photo.height * scale);
  return `<picture><source type="image/webp" srcset="${mediaPath(photo, `w${w}.webp`)}"><img src="${mediaPath(photo, `w${w}.jpg`)}" width="${width}" height="${height}" alt="${esc(alt)}"${lazy ? ' loading="lazy"' : ''}></picture>`;
}

export function specialBadge(w: Pick<ShowcaseWinner, 'special' | 'category'>): string {
  return w.special ? `<span class="badge-special">${SPECIAL_LABELS[w.category]}</span>` : '';
}

/** One winner in a list: photo (or poster), name, unit, province, category. */
export function winnerCard(w: ShowcaseWinner): string {
  const cover = w.photos[0] ?? w.videos[0];
  const image = w.photos[0]
    ? picture(w.photos[0], `${w.name}的照片`, true)
    : cover
      ? `<img src="${mediaPath(cover, 'poster.jpg')}" alt="${esc(w.name)}的视频画面" loading="lazy">`
      : '';
  return `<li class="card${w.special ? ' card-special' : ''}">
${image ? `<div class="card-image">${image}</div>` : ''}<h4><a href="${winnerPath(w)}">${esc(w.name)}</a></h4>
<p>${specialBadge(w)}${esc(CATEGORY_TITLES[w.category])}${w.province ? ` · ${esc(w.province)}` : ''}</p>
<p class="meta">${esc(w.entity || w.unit)}</p>
</li>`;
}

export function cards(winners: readonly ShowcaseWinner[]): string {
  return `<ul class="cards">\n${winners.map(winnerCard).join('\n')}\n</ul>`;
}

export const SHOWCASE_TITLE = '优秀事迹展示';
