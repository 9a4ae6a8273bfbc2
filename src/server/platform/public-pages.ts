/**
 * The public site (公示, results) serves pages rendered once and kept until something they show changes:
 * the app keeps them in memory and publishes them as files for the front web server. Whatever changes such
 * data (an announcement opens, an entry is removed, results are published) says so here after its
 * transaction commits; the site drops its rendered pages and publishes them again. Saying it before the
 * commit could let a page be rendered again from the old rows and kept.
 */
export interface PublicPages {
  /**
   * Something public changed: rendered pages are stale. Call after the transaction commits; the promise
   * settles once the published pages show the change (so the answer to the change comes after it is
   * public), and never rejects: a failed publication is logged and healed by the next one.
   */
  changed(): Promise<void>;
  /** The site listens to drop its cache and publish again; returns the way to stop listening. */
  onChange(listener: () => void | Promise<void>): () => void;
}

export function createPublicPages(): PublicPages {
  const listeners = new Set<() => void | Promise<void>>();
  return {
    async changed() {
      await Promise.allSettled([...listeners].map(async (listener) => listener()));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
