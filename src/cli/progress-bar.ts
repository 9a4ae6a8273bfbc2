/**
 * A progress bar on stderr, so stdout keeps only the result. On a terminal one line redrawn in place
 * (at most ten times a second); in a log or a pipe, where `\r` would pile up, a plain line at every
 * tenth of the way instead.
 */
const WIDTH = 30;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the bar's line so what follows starts on a fresh one. */
  finish(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const percent = Math.floor(share * 100);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const filled = Math.round(share * WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
        stream.write(`\r${label} ${bar} ${String(percent).padStart(3)}%  ${done}/${total} 个文件`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label} ${percent}%（${done}/${total} 个文件）\n`);
    },
    finish() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
