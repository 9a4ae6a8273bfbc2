/**
 * 适老化 reading switches: large text and high contrast, chosen by following a plain link (no script) that
 * sets a cookie and comes back. They are not personal: a page is rendered once per combination.
 */

export interface ViewPreferences {
  largeText: boolean;
  highContrast: boolean;
}

export const TEXT_COOKIE = 'gs_text';
export const CONTRAST_COOKIE = 'gs_contrast';
/** Remembered for a year. */
export const PREFERENCE_MAX_AGE = 365 * 24 * 3600;

export function readPreferences(cookies: Record<string, string | undefined>): ViewPreferences {
  return { largeText: cookies[TEXT_COOKIE] === 'large', highContrast: cookies[CONTRAST_COOKIE] === 'high' };
}

/** The cache key part of a combination: `nn`, `ln`, `nh`, `lh`. */
export function variantOf(view: ViewPreferences): string {
  return `${view.largeText ? 'l' : 'n'}${view.highContrast ? 'h' : 'n'}`;
}

/**
 * Where the switch may send the reader back to: a path of the public site only, so the link cannot be
 * used to bounce anyone to another site.
 */
export function safeBackPath(back: unknown): string {
  if (typeof back !== 'string') return '/gs/';
  if (
    !/^\/(gs|results|showcase)(\/[A-Za-z0-9\-/.]*)?$/.test(back) ||
    back.includes('//') ||
    back.includes('..')
  ) {
    return '/gs/';
  }
  return back;
}
