/** `--seconds` (or BENCH_SECONDS) and `--sessions` (or BENCH_SESSIONS, default 200) of a load bench. */
import { parseArgs } from 'node:util';

export function loadArgs(defaultSeconds: number, minSeconds = 0) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? String(defaultSeconds) },
      sessions: { type: 'string', default: process.env.BENCH_SESSIONS ?? '200' },
    },
  });
  const seconds = Number(values.seconds);
  const sessionCount = Number(values.sessions);
  if (
    !(seconds > 0 && seconds >= minSeconds && seconds <= 600) ||
    !(Number.isInteger(sessionCount) && sessionCount > 0 && sessionCount <= 400)
  ) {
    const range = minSeconds > 0 ? `[${minSeconds}, 600]` : '(0, 600]';
    throw new Error(`--seconds must be in ${range} and --sessions an integer in [1, 400]`);
  }
  return { seconds, sessionCount };
}
