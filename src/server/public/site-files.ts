/**
 * Where a published public page lives in the public-site folder: one file per page and reading-switch
 * combination, e.g. `/gs/` → `gs/index.nn.html`, `/gs/<id>` with large text → `gs/<id>.ln.html`. The front
 * web server finds the same file from the request path and the cookies (nginx-config.ts), so both sides
 * build names from what this file exports.
 */
import path from 'node:path';
import type { Config } from '#server/platform/config.ts';
import { type ViewPreferences, variantOf } from './view-preferences.ts';

/** Every reading-switch combination, each published as its own file. */
export const SITE_VIEWS: readonly ViewPreferences[] = Object.freeze([
  { largeText: false, highContrast: false },
  { largeText: true, highContrast: false },
  { largeText: false, highContrast: true },
  { largeText: true, highContrast: true },
]);

/** The site's sections; each has an index page and pages named by a lower-case UUID. */
export const SITE_SECTIONS = ['gs', 'results'] as const;

/** A page id as the platform writes it (PostgreSQL prints UUIDs in lower case). */
export const PAGE_ID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const PAGE_PATH = new RegExp(`^/(${SITE_SECTIONS.join('|')})/(${PAGE_ID_PATTERN})?$`);

/**
 * The showcase's pages (issue #14): `/showcase/`, a year `/showcase/2025/`, a province of a year
 * `/showcase/2025/22`, a year's slideshow `/showcase/2025/slides`, a winner `/showcase/winner/<id>`.
 */
export const SHOWCASE_PAGE = new RegExp(
  `^/showcase/(?:(\\d{4})/(\\d{2}|slides)?|winner/(${PAGE_ID_PATTERN}))?$`,
);

/** The file (relative to the public-site folder) of a page in one view; undefined for any other path. */
export function siteFileOf(sitePath: string, view: ViewPreferences): string | undefined {
  const match = PAGE_PATH.exec(sitePath);
  if (match) return `${match[1]}/${match[2] ?? 'index'}.${variantOf(view)}.html`;
  const showcase = SHOWCASE_PAGE.exec(sitePath);
  if (!showcase) return undefined;
  const [, year, part, winner] = showcase;
  const name = winner ? `winner/${winner}` : year ? `${year}/${part ?? 'index'}` : 'index';
  return `showcase/${name}.${variantOf(view)}.html`;
}

/** The folder the pages are published to: `public-site` in the files folder (`var/files/public-site`). */
export function publicSiteDir(config: Pick<Config, 'filesDir'>): string {
  return path.join(config.filesDir, 'public-site');
}
