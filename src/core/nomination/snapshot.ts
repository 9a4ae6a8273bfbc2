/**
 * A submitted nomination is a frozen snapshot of its form with a content hash: reviewers, the paper
 * copy and the audit trail can then prove they saw the same content. The hash is over a canonical
 * JSON text (object keys sorted at every level), so the order in which a browser or a database
 * returns keys never changes it. Web Crypto (`crypto.subtle`) exists in Node 24; browsers offer it only in
 * secure contexts (HTTPS or localhost), and an intranet serving the platform over plain HTTP has none, so
 * the web app never calls this. It is asynchronous, hence so is `contentHash`.
 */

import { canonicalJson } from '../canonical-json.ts';

export { canonicalJson };

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The content hash of a form: same content, in any key order, gives the same hash. */
export function contentHash(form: unknown): Promise<string> {
  return sha256Hex(canonicalJson(form));
}

export interface Snapshot<T> {
  /** A deep copy, frozen: later edits to the draft cannot reach it. */
  form: Readonly<T>;
  contentHash: string;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The snapshot stored at submission: a frozen deep copy of the canonical form and its hash. */
export async function takeSnapshot<T>(form: T): Promise<Snapshot<T>> {
  const text = canonicalJson(form);
  return { form: deepFreeze(JSON.parse(text) as T), contentHash: await sha256Hex(text) };
}
