/**
 * The public pages that are the same for every reader (the indexes, each announcement, each published
 * result): which exist, and what each says. The app renders them to answer and to publish them as files
 * (site-publisher.ts), from the same code, so both deliveries send the same bytes.
 */

import { provinceName } from '#core/nomination/province-code.ts';
import { listPublicActivities } from '#server/modules/activities/public-activities.ts';
import { getPublicAnnouncement, listPublicAnnouncements } from '#server/modules/announcements/public-view.ts';
import { listPublishedUnitPublicities } from '#server/modules/publicity/published-publicities.ts';
import { getPublishedResult, listPublishedResults } from '#server/modules/results/public-view.ts';
import {
  getShowcaseWinner,
  listShowcaseWinners,
  showcaseYears,
} from '#server/modules/showcase/public-view.ts';
import type { Db } from '#server/platform/db/database.ts';
import { page } from './html.ts';
import { announcementBody } from './pages/announcement-page.ts';
import { indexBody, resultsIndexBody } from './pages/index-page.ts';
import { resultBody } from './pages/result-page.ts';
import { showcaseIndexBody, showcaseProvinceBody, showcaseYearBody } from './pages/showcase-index-pages.ts';
import { SHOWCASE_TITLE } from './pages/showcase-parts.ts';
import { showcaseSlidesBody } from './pages/showcase-slides-page.ts';
import { showcaseWinnerBody, winnerDescription, winnerHead } from './pages/showcase-winner-page.ts';
import { acceptsObjections } from './public-route-kit.ts';
import { SHOWCASE_PAGE } from './site-files.ts';
import type { ViewPreferences } from './view-preferences.ts';

export interface SitePageContent {
  title: string;
  body: string;
  /** Tags for the head (a winner's Open Graph preview). */
  head?: string;
  description?: string;
}

/** Every page that exists now: the two indexes, each public announcement and each published result. */
export async function listSitePaths(db: Db): Promise<string[]> {
  const [announcements, results] = await Promise.all([listPublicAnnouncements(db), listPublishedResults(db)]);
  return [
    '/gs/',
    '/results/',
    ...announcements.map((a) => `/gs/${a.id}`),
    ...results.map((r) => `/results/${r.id}`),
    ...(await listShowcasePaths(db)),
  ];
}

/** The showcase's pages: its index, each year with its slideshow and provinces, each winner. */
async function listShowcasePaths(db: Db): Promise<string[]> {
  const winners = await listShowcaseWinners(db);
  const paths = new Set(['/showcase/']);
  for (const w of winners) {
    paths.add(`/showcase/${w.year}/`).add(`/showcase/${w.year}/slides`).add(`/showcase/winner/${w.id}`);
    if (w.provinceCode) paths.add(`/showcase/${w.year}/${w.provinceCode}`);
  }
  return [...paths];
}

async function renderWinnerPage(
  db: Db,
  winnerId: string,
  publicUrl: string | null,
): Promise<SitePageContent | undefined> {
  const w = await getShowcaseWinner(db, winnerId);
  if (!w) return undefined;
  const activities = await listPublicActivities(db, w.id);
  return {
    title: `${w.name} - ${SHOWCASE_TITLE}`,
    body: showcaseWinnerBody(w, activities),
    // The activities' styles travel with the pages that show them.
    head: winnerHead(w, publicUrl),
    description: winnerDescription(w),
  };
}

async function renderShowcasePage(
  db: Db,
  sitePath: string,
  publicUrl: string | null,
): Promise<SitePageContent | undefined> {
  const match = SHOWCASE_PAGE.exec(sitePath);
  if (!match) return undefined;
  const [, yearText, part, winnerId] = match;
  if (winnerId) return renderWinnerPage(db, winnerId, publicUrl);
  if (!yearText) return { title: SHOWCASE_TITLE, body: showcaseIndexBody(await showcaseYears(db)) };
  const year = Number(yearText);
  const winners = await listShowcaseWinners(db, year);
  if (winners.length === 0) return undefined;
  if (part === 'slides')
    return { title: `${year}年大屏幕轮播 - ${SHOWCASE_TITLE}`, body: showcaseSlidesBody(year, winners) };
  if (part) {
    const name = provinceName(part);
    if (!name || !winners.some((w) => w.provinceCode === part)) return undefined;
    return {
      title: `${year}年${name} - ${SHOWCASE_TITLE}`,
      body: showcaseProvinceBody(year, { code: part, name }, winners),
    };
  }
  return { title: `${year}年${SHOWCASE_TITLE}`, body: showcaseYearBody(year, winners) };
}

/**
 * What the page at `sitePath` shows on `now`'s Beijing date (whether objections are taken online depends
 * on it); undefined when there is no such public page. `publicUrl` is the site's public address
 * (TUIJIE_PUBLIC_URL) for the addresses a shared link's preview needs whole; null when not configured.
 */
export async function renderSitePage(
  db: Db,
  now: Date,
  sitePath: string,
  publicUrl: string | null,
): Promise<SitePageContent | undefined> {
  if (sitePath === '/gs/') {
    const [announcements, results, unitPublicities] = await Promise.all([
      listPublicAnnouncements(db),
      listPublishedResults(db),
      listPublishedUnitPublicities(db),
    ]);
    return { title: '公示公告', body: indexBody(announcements, results, unitPublicities) };
  }
  if (sitePath === '/results/') {
    return { title: '结果公布', body: resultsIndexBody(await listPublishedResults(db)) };
  }
  if (sitePath.startsWith('/showcase/')) return renderShowcasePage(db, sitePath, publicUrl);
  const match = /^\/(gs|results)\/([^/]+)$/.exec(sitePath);
  if (match?.[1] === 'gs') {
    const a = await getPublicAnnouncement(db, match[2]!);
    return a && { title: a.title, body: announcementBody(a, acceptsObjections(a, now)) };
  }
  if (match?.[1] === 'results') {
    const r = await getPublishedResult(db, match[2]!);
    return r && { title: r.title, body: resultBody(r) };
  }
  return undefined;
}

/** The whole document of a page in one reading-switch combination. */
export function framedSitePage(content: SitePageContent, sitePath: string, view: ViewPreferences): string {
  return page({ ...content, path: sitePath, view });
}
