import os from 'node:os';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * On SIGINT (Ctrl-C), SIGTERM (kill, systemd, docker stop) or SIGHUP (the terminal closed): runs `close`
 * once, then exits with `exitCode(signal)`. Left to Node's default, these signals end the process at once
 * and the embedded PostgreSQL (in its own process group) would keep running. Should `close` hang past
 * `graceMs`, or a second signal come, the process exits anyway: the database's exit hook still stops it.
 * Returns a function that removes the handlers (once the command has closed by itself).
 */
export function stopOnSignals(
  close: () => Promise<void>,
  exitCode: (signal: StopSignal) => number = (signal) => 128 + os.constants.signals[signal],
  graceMs = 30_000,
): () => void {
  let closing = false;
  const handler = (signal: StopSignal) => {
    if (closing) process.exit(exitCode(signal));
    closing = true;
    const timer = setTimeout(() => {
      console.error(`关闭超过 ${graceMs / 1000} 秒，强制退出。`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(exitCode(signal)),
      (error: unknown) => {
        console.error('关闭时出错：', error);
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  };
}
