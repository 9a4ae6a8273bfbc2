/**
 * Whether this process is stopping (a stop signal came), and which failures that makes expected. Ctrl-C in
 * a terminal, or a service manager stopping the whole group, reaches the embedded PostgreSQL at the same
 * moment as the app: queries then fail with "the database system is shutting down" while the app is still
 * closing. Those are part of a clean stop, not errors to print with a stack.
 */
let stopping = false;

export function markStopping(): void {
  stopping = true;
}

export function isStopping(): boolean {
  return stopping;
}

/** PostgreSQL's SQLSTATEs for a server being stopped (57P01 admin, 57P02 crash) or not taking connections yet or any more (57P03). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** A failure because the database server went away (stopped, restarting, unreachable), not because of the query. */
export function isDatabaseGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SHUTDOWN_STATES.has(code) || CONNECTION_LOST.has(code))) return true;
  return /^Connection terminated/.test(error.message);
}

/**
 * The terminal's Ctrl-C reaches PostgreSQL and the app at the same moment, and the database may end the
 * app's connections a moment before the app has seen its own signal: wait this long before telling.
 */
const SIGNAL_RACE_MS = 250;

/**
 * Runs `report` for a failure, unless the process is stopping. A failure because the database went away is
 * held back briefly, and dropped if a stop begins meanwhile: it was the same stop, seen first by the database.
 */
export function reportUnlessStopping(error: unknown, report: () => void): void {
  if (stopping) return;
  if (!isDatabaseGone(error)) {
    report();
    return;
  }
  setTimeout(() => {
    if (!stopping) report();
  }, SIGNAL_RACE_MS).unref();
}
