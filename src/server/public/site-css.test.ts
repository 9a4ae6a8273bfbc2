import { describe, expect, it } from 'vitest';
import { SITE_CSS } from './site-css.ts';

describe('the public site styles', () => {
  it('keep a [hidden] element hidden whatever display its class gives it', () => {
    // The slideshow hides every slide but one with `hidden`; `.slide{display:grid}` alone would show them all.
    expect(SITE_CSS).toContain('[hidden]{display:none!important}');
  });
});
