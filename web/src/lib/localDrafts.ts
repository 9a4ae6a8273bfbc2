/**
 * What the platform keeps in this browser's localStorage between visits: unsaved form and score edits
 * (a safety net for a dropped connection) and unfinished uploads. Officials share office PCs, and a
 * nomination form holds ID numbers and phones: on logout they are cleared (after asking, when some never
 * reached the platform), and a different account logging in on the same PC never finds the last one's.
 */
const PREFIXES = ['tuijie.nomination-draft.', 'tuijie.review-draft.', 'tus::'];
const OWNER_KEY = 'tuijie.drafts-owner';

function keys(): string[] {
  const found: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && PREFIXES.some((p) => key.startsWith(p))) found.push(key);
    }
  } catch {
    // Storage disabled (private mode): nothing is kept either.
  }
  return found;
}

/** Edits kept here that never reached the platform (uploads not counted: they resume, they are not lost). */
export function countUnsavedEdits(): number {
  return keys().filter((k) => !k.startsWith('tus::')).length;
}

export function clearLocalDrafts(): void {
  try {
    for (const key of keys()) localStorage.removeItem(key);
    localStorage.removeItem(OWNER_KEY);
  } catch {
    // ignore
  }
}

/** After a login: what another account left on this PC is removed; this account's own stays. */
export function claimLocalDrafts(accountId: string): void {
  try {
    if (localStorage.getItem(OWNER_KEY) !== accountId) clearLocalDrafts();
    localStorage.setItem(OWNER_KEY, accountId);
  } catch {
    // ignore
  }
}
