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

/**
 * A clock that starts at `start` and runs on in real time: for rehearsing a round on demo data, or a
 * browser test, at a chosen date (`TUIJIE_CLOCK`). Never for a real round.
 */
export function runningClockFrom(start: Date | string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The clock `TUIJIE_CLOCK` asks for (an ISO instant with its offset), else the system clock. */
export function clockFromEnv(value: string | undefined): Clock {
  if (!value) return systemClock;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  )
    throw new Error(`TUIJIE_CLOCK 应为带时区的时刻，如 2027-01-01T00:00:00+08:00，实为「${value}」`);
  return runningClockFrom(value);
}
