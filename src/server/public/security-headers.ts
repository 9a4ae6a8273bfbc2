/**
 * The public site's security headers, written once. @fastify/helmet builds helmet's middleware again for
 * every request (measured at about a quarter of a millisecond of CPU per answer), which the public pages,
 * read by everyone at once during a 公示, cannot afford; their routes skip it (`helmet: false`) and send
 * these instead: helmet's defaults, with a policy stricter than the app's (the public site runs no script
 * but the showcase slideshow's, allowed by its hash).
 */
import { SLIDES_SCRIPT_HASH } from './pages/showcase-slides-script.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': `default-src 'self';script-src ${SLIDES_SCRIPT_HASH};style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self'`,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});
