/**
 * One HTTP load tool for the page benches: wrk (C, epoll; apt `wrk`, installed by .ci/run), run as its own
 * process on one thread unless told otherwise. A load tool written in JavaScript spends more CPU per request than nginx does
 * answering it, so on a 2-core machine it measured itself: its p99 was nginx's queueing behind the tool.
 * The Lua hook prints wrk's own summary as JSON, so nothing is parsed from its human-readable text.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Load {
  requestsPerSecond: number;
  /** 99th percentile of latency, in milliseconds. */
  p99: number;
  /** Answers received. */
  total: number;
  /** Bytes received, headers included. */
  bytes: number;
}

const SUMMARY_SCRIPT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p99_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

let script: string | undefined;
function summaryScript(): string {
  if (!script) {
    script = path.join(mkdtempSync(path.join(tmpdir(), 'tuijie-wrk-')), 'summary.lua');
    writeFileSync(script, SUMMARY_SCRIPT);
  }
  return script;
}

/**
 * Loads `url` with `connections` kept-open connections for `seconds`. Any error, timeout or answer that
 * is not 2xx/3xx (wrk's `status` errors) fails the run: a bench must not report speed of failures.
 */
export function loadWithWrk(url: string, connections: number, seconds: number, threads = 1): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'wrk',
      [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', summaryScript(), url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', (error) =>
      reject(new Error(`wrk could not start (apt install wrk): ${error.message}`)),
    );
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      const r = JSON.parse(line);
      const bad = r.connect + r.read + r.write + r.status + r.timeout;
      if (bad > 0 || r.requests === 0) {
        return reject(
          new Error(
            `${url}: ${r.requests} answers; errors connect ${r.connect}, read ${r.read}, write ${r.write}, non-2xx ${r.status}, timeouts ${r.timeout}`,
          ),
        );
      }
      resolve({
        requestsPerSecond: r.requests / (r.duration_us / 1e6),
        p99: r.p99_us / 1000,
        total: r.requests,
        bytes: r.bytes,
      });
    });
  });
}
