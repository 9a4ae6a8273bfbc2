/**
 * Runs ffmpeg as a child process: never through a shell, killed (with SIGKILL) when it takes longer
 * than `timeoutMs`, stderr kept (the last 2 KB) for the reason of a failure, stdout handed over line by
 * line (`-progress pipe:1`).
 */
import { spawn } from 'node:child_process';
import { FFMPEG_MISSING_MESSAGE, ffmpegPath } from './ffmpeg-path.ts';

export interface RunFfmpegOptions {
  timeoutMs: number;
  onStdoutLine?: (line: string) => void;
}

export class FfmpegError extends Error {
  readonly stderr: string;

  constructor(message: string, stderr: string) {
    super(message);
    this.stderr = stderr;
  }
}

export function runFfmpeg(args: string[], options: RunFfmpegOptions): Promise<void> {
  const command = ffmpegPath();
  if (!command) return Promise.reject(new FfmpegError(FFMPEG_MISSING_MESSAGE, ''));
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-hide_banner', '-nostdin', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine?.(line.trim());
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (caught) => {
      clearTimeout(timer);
      reject(new FfmpegError(`无法启动 ffmpeg：${caught.message}`, stderr));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending.trim()) options.onStdoutLine?.(pending.trim());
      if (code === 0) return resolve();
      const why = timedOut
        ? `处理超过 ${Math.round(options.timeoutMs / 60_000)} 分钟仍未完成，已停止`
        : `ffmpeg 退出（${signal ?? `代码 ${code}`}）`;
      reject(new FfmpegError(why, stderr));
    });
  });
}
