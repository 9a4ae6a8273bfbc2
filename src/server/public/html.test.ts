import { describe, expect, it } from 'vitest';
import { esc, paragraphs } from './html.ts';
import { safeBackPath, variantOf } from './view-preferences.ts';

describe('escaping', () => {
  it('makes markup, entities and both quotes inert', () => {
    expect(esc(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(esc(null)).toBe('');
    expect(paragraphs('一<b>\n\n二')).toBe('<p>一&lt;b&gt;</p>\n<p>二</p>');
  });
});

describe('the reading switches', () => {
  it('come back only to a page of the public site', () => {
    expect(safeBackPath('/gs/2f0c8a4e-1b2c-4d5e-8f90-123456789abc')).toBe(
      '/gs/2f0c8a4e-1b2c-4d5e-8f90-123456789abc',
    );
    expect(safeBackPath('/results/')).toBe('/results/');
    for (const bad of [
      '//evil.example',
      '/gs//evil',
      '/gs/../api',
      'https://x',
      '/api/me',
      '/gs/"><script>',
      3,
    ]) {
      expect(safeBackPath(bad)).toBe('/gs/');
    }
    expect(variantOf({ largeText: true, highContrast: false })).toBe('ln');
  });
});
