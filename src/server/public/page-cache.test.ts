import { describe, expect, it } from 'vitest';
import { manualClock } from '#server/platform/clock.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { createPageCache } from './page-cache.ts';

function counting() {
  let renders = 0;
  return {
    render: async () => `<p>${++renders}</p>`,
    count: () => renders,
  };
}

describe('the page cache', () => {
  it('keeps a page until something public changes', async () => {
    const pages = createPublicPages();
    const cache = createPageCache(pages, manualClock('2026-09-30T02:00:00Z'));
    const r = counting();
    const first = await cache.get('a', 'text/html', r.render);
    expect((await cache.get('a', 'text/html', r.render))?.etag).toBe(first?.etag);
    expect(r.count()).toBe(1);
    pages.changed();
    expect((await cache.get('a', 'text/html', r.render))?.body.toString()).toBe('<p>2</p>');
  });

  it('drops every page when the Beijing date turns', async () => {
    const clock = manualClock('2026-09-30T15:59:59Z');
    const cache = createPageCache(createPublicPages(), clock);
    const r = counting();
    await cache.get('a', 'text/html', r.render);
    clock.set('2026-09-30T16:00:00Z');
    await cache.get('a', 'text/html', r.render);
    expect(r.count()).toBe(2);
  });

  it('does not keep a page rendered from rows read before a change', async () => {
    const pages = createPublicPages();
    const cache = createPageCache(pages, manualClock('2026-09-30T02:00:00Z'));
    let release: () => void = () => {};
    const slow = cache.get('a', 'text/html', () => new Promise((ok) => (release = () => ok('<p>old</p>'))));
    pages.changed();
    release();
    await slow;
    expect(cache.size()).toBe(0);
  });

  it('keeps nothing for a page that does not exist, and stays bounded', async () => {
    const cache = createPageCache(createPublicPages(), manualClock('2026-09-30T02:00:00Z'), 3);
    expect(await cache.get('missing', 'text/html', async () => undefined)).toBeUndefined();
    expect(cache.size()).toBe(0);
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, 'text/html', async () => key);
    expect(cache.size()).toBeLessThanOrEqual(3);
  });
});
