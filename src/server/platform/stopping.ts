import { isDatabaseUnavailable } from './db/unavailable.ts';

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
  if (!isDatabaseUnavailable(error)) {
    report();
    return;
  }
  setTimeout(() => {
    if (!stopping) report();
  }, SIGNAL_RACE_MS).unref();
}
