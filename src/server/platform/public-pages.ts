/**
 * The public site (公示, results) serves pages rendered once and kept until something they show changes.
 * Whatever changes such data (an announcement opens, an entry is removed, results are published) says so
 * here after its transaction commits; the site drops its rendered pages. Saying it before the commit
 * could let a page be rendered again from the old rows and kept.
 */
export interface PublicPages {
  /** Something public changed: rendered pages are stale. Call after the transaction commits. */
  changed(): void;
  /** The site listens to drop its cache; returns the way to stop listening. */
  onChange(listener: () => void): () => void;
}

export function createPublicPages(): PublicPages {
  const listeners = new Set<() => void>();
  return {
    changed() {
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
