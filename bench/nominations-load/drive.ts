/**
 * Driving load: `workers` loops sending requests until the time is up, with latency, status and error
 * code counts per kind of request, and the CPU the client, the server and PostgreSQL used meanwhile.
 */
import { readdir, readFile } from 'node:fs/promises';
import { codeOf, type Reply, sleep } from './http.ts';

/** CPU seconds used so far by this process and by the servers' process trees (Linux /proc; else zero). */
export async function cpuSeconds(serverPids: readonly number[]) {
  const client = process.cpuUsage();
  const out = { client: (client.user + client.system) / 1e6, server: 0, postgres: 0 };
  try {
    const procs: { pid: number; ppid: number; comm: string; cpu: number }[] = [];
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (close < 0) continue;
      const f = stat.slice(close + 2).split(' ');
      procs.push({
        pid: Number(name),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        ppid: Number(f[1]),
        // utime + stime, and cutime + cstime: the children it has reaped (PostgreSQL's backends that ended
        // during a run, a conversion that finished), which would otherwise take their CPU with them.
        // In USER_HZ (100 on Linux).
        cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100,
      });
    }
    const tree = new Set(serverPids);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs) {
        if (!tree.has(p.pid) && tree.has(p.ppid)) {
          tree.add(p.pid);
          grew = true;
        }
      }
    }
    for (const p of procs) {
      if (!tree.has(p.pid)) continue;
      if (p.comm.startsWith('postgres')) out.postgres += p.cpu;
      else out.server += p.cpu;
    }
  } catch {}
  return out;
}

/**
 * Waits until the servers and their database have been idle for two seconds in a row: a first start's
 * jobs (thumbnails, films, documents, publishing the public pages) would otherwise fall on the first
 * runs measured and make them look slower than they are. Fails after `limitS` seconds.
 */
export async function untilQuiet(serverPids: readonly number[], limitS = 300): Promise<number> {
  const started = performance.now();
  let last = await cpuSeconds(serverPids);
  for (let quietFor = 0; quietFor < 2; ) {
    if (performance.now() - started > limitS * 1000)
      throw new Error(`the servers were still busy after ${limitS} s: the runs would measure their own work`);
    await sleep(1000);
    const now = await cpuSeconds(serverPids);
    const busy = now.server - last.server + (now.postgres - last.postgres);
    quietFor = busy < 0.05 ? quietFor + 1 : 0;
    last = now;
  }
  return (performance.now() - started) / 1000;
}

interface Stats {
  latencies: number[];
  statuses: Map<number, number>;
  codes: Map<string, number>;
  networkErrors: number;
}
const newStats = (): Stats => ({ latencies: [], statuses: new Map(), codes: new Map(), networkErrors: 0 });
export const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** `r` is the reply, or the error of a request that got none (printed with the codes: which one it was). */
function record(stats: Stats, ms: number, r: Reply | Error) {
  stats.latencies.push(ms);
  if (r instanceof Error) {
    stats.networkErrors++;
    bump(stats.codes, `no answer (${r.message})`);
    return;
  }
  bump(stats.statuses, r.status);
  if (r.status >= 300) bump(stats.codes, `${r.status} ${codeOf(r)}`);
}

export type Summary = ReturnType<typeof summary>;

/** The `q` quantile of ascending `sorted` (nearest rank). */
export const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

function summary(stats: Stats, elapsedMs: number) {
  const sorted = Float64Array.from(stats.latencies).sort();
  const at = (q: number) => quantile(sorted, q);
  let errors = stats.networkErrors;
  for (const [status, n] of stats.statuses) if (status < 200 || status >= 300) errors += n;
  return {
    /** Every latency, ascending: runs of one kind are judged on their latencies together. */
    sorted,
    count: sorted.length,
    rps: sorted.length / (elapsedMs / 1000),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errors,
    codes: stats.codes,
  };
}

export interface Step {
  kind: string;
  run: () => Promise<Reply>;
  after?: (r: Reply) => void;
}

export type Run = Awaited<ReturnType<typeof drive>>;

/**
 * `workers` loops, each sending `step(i, n)`'s request until the time is up: back to back, or with
 * `thinkMs` between a reply and the next request (a person typing: the page autosaves every so often).
 */
export async function drive(
  serverPids: readonly number[],
  workers: number,
  ms: number,
  step: (i: number, n: number) => Step,
  thinkMs = 0,
) {
  const stats = new Map<string, Stats>();
  const all = newStats();
  const cpuBefore = await cpuSeconds(serverPids);
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      // Spread the first requests so that paced sessions do not all fire in the same millisecond.
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      for (let n = 0; performance.now() < deadline; n++) {
        const { kind, run, after } = step(i, n);
        const t0 = performance.now();
        const r = await run().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        const took = performance.now() - t0;
        if (!stats.has(kind)) stats.set(kind, newStats());
        record(stats.get(kind)!, took, r);
        record(all, took, r);
        if (r instanceof Error)
          await sleep(10); // a refused connection must not spin
        else if (after) after(r);
        if (thinkMs > 0) await sleep(thinkMs);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpuAfter = await cpuSeconds(serverPids);
  const busy = (k: keyof typeof cpuAfter) => (cpuAfter[k] - cpuBefore[k]) / (elapsed / 1000);
  return {
    all: summary(all, elapsed),
    byKind: new Map([...stats].map(([k, s]) => [k, summary(s, elapsed)])),
    cpu: { client: busy('client'), server: busy('server'), postgres: busy('postgres') },
  };
}
