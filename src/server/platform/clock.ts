/**
 * The time the platform acts on. Deadlines, 公示 periods and New Year are crossed in tests by moving this
 * clock, never by editing rows; the server reads the time only through it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ManualClock extends Clock {
  /** Jump to an instant, e.g. '2027-01-01T00:00:00+08:00'. */
  set(to: Date | string): void;
  advance(ms: number): void;
}

/** A clock that stands still until it is moved: for tests, and for rehearsing a year on demo data. */
export function manualClock(start: Date | string = new Date()): ManualClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set(to) {
      at = new Date(to).getTime();
    },
    advance(ms) {
      at += ms;
    },
  };
}
