import { describe, expect, it } from 'vitest';
import { publicSiteDir, SITE_VIEWS, siteFileOf } from './site-files.ts';
import { variantOf } from './view-preferences.ts';

const ID = '0192f4d2-6a1e-7c3b-9d4e-5f6a7b8c9d0e';

describe('the published file of a public page', () => {
  it('is one file per page and reading-switch combination', () => {
    expect(SITE_VIEWS.map(variantOf)).toEqual(['nn', 'ln', 'nh', 'lh']);
    const normal = { largeText: false, highContrast: false };
    const large = { largeText: true, highContrast: false };
    const contrast = { largeText: false, highContrast: true };
    const both = { largeText: true, highContrast: true };
    expect(siteFileOf('/gs/', normal)).toBe('gs/index.nn.html');
    expect(siteFileOf('/results/', both)).toBe('results/index.lh.html');
    expect(siteFileOf(`/gs/${ID}`, large)).toBe(`gs/${ID}.ln.html`);
    expect(siteFileOf(`/results/${ID}`, contrast)).toBe(`results/${ID}.nh.html`);
  });

  it('is none for paths that are not kept pages, so nothing can be written outside the folder', () => {
    const view = SITE_VIEWS[0]!;
    for (const p of [
      '/gs',
      '/gs/status',
      '/gs/view',
      `/gs/${ID}/objection`,
      `/gs/${ID.toUpperCase()}`,
      `/gs/../${ID}`,
      `/gs/${ID}/`,
      '/feed.xml',
      '/other/',
      `/results/${ID}x`,
    ]) {
      expect(siteFileOf(p, view), p).toBeUndefined();
    }
  });

  it('sits in var/files/public-site', () => {
    expect(publicSiteDir({ filesDir: '/srv/tuijie/var/files' })).toBe('/srv/tuijie/var/files/public-site');
  });
});
