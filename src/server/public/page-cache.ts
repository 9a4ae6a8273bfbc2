/**
 * Rendered public pages kept as bytes with their ETag until something public changes
 * (`publicPages.onChange`) or the Beijing date turns (a period opens or ends at midnight, and what a page
 * says about "today" changes with it). Only public pages come here; nothing personal is ever kept.
 */
import { createHash } from 'node:crypto';
import { beijingIsoDate } from '#core/calendar/beijing-time.ts';
import type { Clock } from '#server/platform/clock.ts';
import type { PublicPages } from '#server/platform/public-pages.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface RenderedPage {
  body: Buffer;
  etag: string;
  contentType: string;
  /** Every header of the answer but its type, built once with the page. */
  headers: Readonly<Record<string, string>>;
}

export interface PageCache {
  /**
   * The page under `key`, rendered by `render` when not kept; `render` answering undefined (nothing to show)
   * is not kept, so a page published later is found.
   */
  get(
    key: string,
    contentType: string,
    render: () => Promise<string | undefined>,
  ): Promise<RenderedPage | undefined>;
  /** How many pages are kept (tests check the cache is dropped). */
  size(): number;
  stop(): void;
}

/** Pages kept at most; the feed is kept per host name a request gives, so a bound is needed. */
const MAX_PAGES = 2000;

export function createPageCache(publicPages: PublicPages, clock: Clock, maxPages = MAX_PAGES): PageCache {
  let pages = new Map<string, RenderedPage>();
  let rendering = new Map<string, Promise<RenderedPage | undefined>>();
  let day = '';
  // A render that started before a change must not be kept after it: it may hold the old rows.
  let generation = 0;
  const drop = () => {
    generation += 1;
    pages = new Map();
    rendering = new Map();
  };
  const stop = publicPages.onChange(drop);

  return {
    async get(key, contentType, render) {
      const today = beijingIsoDate(clock.now());
      if (today !== day) {
        drop();
        day = today;
      }
      const kept = pages.get(key);
      if (kept) return kept;
      const pending = rendering.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = render().then((html) => {
        if (html === undefined) return undefined;
        const body = Buffer.from(html, 'utf8');
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        const headers = {
          ...SECURITY_HEADERS,
          etag,
          'cache-control': 'public, no-cache',
          vary: 'Cookie',
        };
        const page = { body, etag, contentType, headers };
        if (generation === started) {
          if (pages.size >= maxPages) pages = new Map();
          pages.set(key, page);
        }
        return page;
      });
      rendering.set(key, promise);
      try {
        return await promise;
      } finally {
        if (rendering.get(key) === promise) rendering.delete(key);
      }
    },
    size: () => pages.size,
    stop,
  };
}
