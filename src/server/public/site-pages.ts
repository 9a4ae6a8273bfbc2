/**
 * The public pages that are the same for every reader (the indexes, each announcement, each published
 * result): which exist, and what each says. The app renders them to answer and to publish them as files
 * (site-publisher.ts), from the same code, so both deliveries send the same bytes.
 */
import { getPublicAnnouncement, listPublicAnnouncements } from '#server/modules/announcements/public-view.ts';
import { getPublishedResult, listPublishedResults } from '#server/modules/results/public-view.ts';
import type { Db } from '#server/platform/db/database.ts';
import { page } from './html.ts';
import { announcementBody } from './pages/announcement-page.ts';
import { indexBody, resultsIndexBody } from './pages/index-page.ts';
import { resultBody } from './pages/result-page.ts';
import { acceptsObjections } from './public-route-kit.ts';
import type { ViewPreferences } from './view-preferences.ts';

export interface SitePageContent {
  title: string;
  body: string;
}

/** Every page that exists now: the two indexes, each public announcement and each published result. */
export async function listSitePaths(db: Db): Promise<string[]> {
  const [announcements, results] = await Promise.all([listPublicAnnouncements(db), listPublishedResults(db)]);
  return [
    '/gs/',
    '/results/',
    ...announcements.map((a) => `/gs/${a.id}`),
    ...results.map((r) => `/results/${r.id}`),
  ];
}

/**
 * What the page at `sitePath` shows on `now`'s Beijing date (whether objections are taken online depends
 * on it); undefined when there is no such public page.
 */
export async function renderSitePage(
  db: Db,
  now: Date,
  sitePath: string,
): Promise<SitePageContent | undefined> {
  if (sitePath === '/gs/') {
    const [announcements, results] = await Promise.all([
      listPublicAnnouncements(db),
      listPublishedResults(db),
    ]);
    return { title: '公示公告', body: indexBody(announcements, results) };
  }
  if (sitePath === '/results/') {
    return { title: '结果公布', body: resultsIndexBody(await listPublishedResults(db)) };
  }
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
