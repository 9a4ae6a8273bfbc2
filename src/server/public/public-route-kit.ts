/** What the public site's route files share: the route config, the 404 page, whether objections are open. */

import type { FastifyReply } from 'fastify';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { PublicAnnouncement } from '#server/modules/announcements/public-view.ts';
import { page } from './html.ts';
import { notFoundBody } from './pages/not-found-page.ts';
import { HTML } from './respond.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import type { ViewPreferences } from './view-preferences.ts';

/** Public pages are read by anyone at any rate a cache can bear: no per-address limit on them. */
export const PUBLIC_PAGE = { access: 'public', rateLimit: false } as const;

/** HTML pages, not API operations: left out of the OpenAPI description. */
export const NOT_API = { hide: true } as const;

/** Options of every public route: no per-address limit, not in OpenAPI, security headers of its own. */
export const PUBLIC_ROUTE = { config: PUBLIC_PAGE, schema: NOT_API, helmet: false } as const;

/** The period is open today (Beijing), so the online form is offered. */
export function acceptsObjections(a: PublicAnnouncement, now: Date): boolean {
  const today = todayInShanghai(now);
  return a.state === 'open' && !!a.startDay && !!a.endDay && a.startDay <= today && today <= a.endDay;
}

export function notFoundPage(reply: FastifyReply, path: string, view: ViewPreferences, what = '页面') {
  return reply
    .headers(SECURITY_HEADERS)
    .status(404)
    .header('cache-control', 'no-cache')
    .header('content-type', HTML)
    .send(page({ title: `未找到${what}`, path, view, body: notFoundBody(what) }));
}
