/**
 * Where the sign-in pages live. The login page is a page of its own (web/login.html, decision 0020), not
 * a route of the app: the app reaches it with a full page load, and both read these names from here.
 */
export const LOGIN_PATH = '/login';
export const PASSWORD_PATH = '/account/password';

/** Only same-site paths: `next` comes from the address bar and must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The login page's address that brings the user back to `next` (a path with its query) afterwards. */
export function loginPathFor(next: string): string {
  return next === '/' || next.startsWith(LOGIN_PATH)
    ? LOGIN_PATH
    : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/**
 * Leaves the app for the login page with a full page load (the login page is no route of the app), in
 * place of the current history entry so the back button does not return to a page that needs a session.
 */
export function goToLogin(next: string, signedOut = false): void {
  const target = loginPathFor(next);
  window.location.replace(signedOut ? `${target}${target.includes('?') ? '&' : '?'}signedOut=1` : target);
}
