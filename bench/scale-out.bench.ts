/**
 * The deadline-day mix against one instance and against two instances behind nginx, on one machine
 * (issue #16): 200 unit submitters (bench/nominations-load/submitters.ts) each autosaving their draft,
 * listing the round's nominations and sending part of a photo through tus, back to back. Both instances
 * run `tuijie serve` on one PostgreSQL and one files folder; nginx has the configuration
 * `tuijie nginx-config` prints for the two. Prints throughput and p99 of each and their ratios.
 * Goal: p99 through nginx to two instances at most 1.2x one instance's (on one 2-core machine two
 * processes gain little; the bench shows that nothing is lost through the proxy).
 *
 *   npm run bench -- scale-out [--seconds 40] [--sessions 200]
 *
 * One instance and the two alternate in halves (one, two, two, one) so a change in the machine's other
 * load falls on both. Two passes: back to back, where the machine is overloaded and p99 is mostly the
 * length of the queue (nginx is one more process on the same cores, whatever it does); and paced as people
 * work (a pause of a second between turns). Halves still see different seconds of a shared 2-core machine,
 * so a third pass, paced, sends each session's turns alternately to an instance directly and through nginx:
 * both ways in the same seconds, to the same two instances, which measures what the proxy costs. The bench
 * fails (exit 1) when it no longer measures what it claims: a request failed, a save lost its version, or
 * nginx sent one instance nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '#server/platform/db/embedded-postgres.ts';
import { ensureDatabaseExists } from '#server/platform/db/provision.ts';
import { noisePhoto } from '#server/seed/demo-files.ts';
import { waitForIdleJobs } from '#test/support/demo-snapshot.ts';
import { tusMetadata } from '#test/support/materials.ts';
import { type NginxProcess, startPrintedNginx } from '#test/support/nginx.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';
import { drive, quantile, type Run, type Step, untilQuiet } from './nominations-load/drive.ts';
import { type Client, createClient } from './nominations-load/http.ts';
import { loadArgs } from './nominations-load/load-args.ts';
import { type Session, saveAndList, setUpSubmitters } from './nominations-load/submitters.ts';

const GOAL_P99_RATIO = 1.2;
/** Every third turn of a session sends part of a photo: an upload left open, as a slow line leaves it. */
const UPLOAD_EVERY = 3;
const UPLOAD_PART = 64 * 1024;
/** A session's pause between turns in the paced pass, as in nominations-load: a save every 2 s or so. */
const PACE_MS = 1000;
const METRICS_TOKEN = `scale-out-bench-${process.pid}`;
const root = path.resolve(import.meta.dirname, '..');

const { seconds, sessionCount } = loadArgs(40, 4);

/** How many requests a process has answered, by its own counter (/metrics). */
async function answeredBy(server: ServerProcess): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return (await response.text())
    .split('\n')
    .filter((l) => l.startsWith('tuijie_http_request_duration_seconds_count{') && !l.includes('/metrics'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** The photo slot of a star's form, where the sessions' partial uploads go. */
async function photoSlot(client: Client, session: Session) {
  const { slots } = await client.call<{
    slots: { setKey: string; slot: { id: string; kind: string } }[];
  }>(session, 'GET', `/api/nominations/${session.nominationId}/materials`);
  const photo = slots.find((s) => s.slot.kind === 'photo');
  if (!photo) throw new Error('the star form has no photo slot');
  return { setKey: photo.setKey, slotId: photo.slot.id };
}

/** The mix through `client`: saves and lists, and every third turn an upload's first part. */
function deadlineDay(
  client: Client,
  sessions: Session[],
  campaignId: string,
  slot: { setKey: string; slotId: string },
  photo: Buffer,
) {
  const { step: saveOrList, counts } = saveAndList(client, sessions, campaignId);
  const part = photo.subarray(0, UPLOAD_PART);
  const step = (i: number, n: number): Step => {
    if (n % UPLOAD_EVERY !== UPLOAD_EVERY - 1) return saveOrList(i, n - Math.floor(n / UPLOAD_EVERY));
    const s = sessions[i]!;
    return {
      kind: 'tus POST + PATCH (64 KB)',
      run: async () => {
        const created = await client.send(s, 'POST', '/api/uploads', undefined, {
          'tus-resumable': '1.0.0',
          'upload-length': String(photo.length),
          'upload-metadata': tusMetadata({ nominationId: s.nominationId, ...slot, filename: `照片${n}.jpg` }),
        });
        if (created.status !== 201) return created;
        const location = new URL(String(created.headers.location), 'http://127.0.0.1');
        return client.send(s, 'PATCH', location.pathname, part, {
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        });
      },
    };
  };
  return { step, counts };
}

/** The `q` quantile of the latencies of `runs` together (of the kinds of request `kinds` takes, or of all). */
function pooled(runs: Run[], q: number, kinds?: (kind: string) => boolean): number {
  const parts = runs.flatMap((r) =>
    kinds === undefined ? [r.all.sorted] : [...r.byKind].filter(([k]) => kinds(k)).map(([, s]) => s.sorted),
  );
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return quantile(all.sort(), q);
}

/**
 * Halves of one kind as one run: requests/s averaged, counts and errors summed, p50 and p99 of all their
 * requests together (the worse half's p99 alone would judge the machine's worst 20 s, not the setup).
 */
function combined(runs: Run[]) {
  return {
    count: runs.reduce((sum, r) => sum + r.all.count, 0),
    rps: runs.reduce((sum, r) => sum + r.all.rps, 0) / runs.length,
    p50: pooled(runs, 0.5),
    p99: pooled(runs, 0.99),
    errors: runs.reduce((sum, r) => sum + r.all.errors, 0),
    codes: runs.flatMap((r) => [...r.all.codes].map(([c, k]) => `${c}×${k}`)),
    cpu: (['client', 'server', 'postgres'] as const).map(
      (k) => `${k} ${(runs.reduce((sum, r) => sum + r.cpu[k], 0) / runs.length).toFixed(2)}`,
    ),
  };
}

await mkdir(path.join(root, '.tmp'), { recursive: true });
const dir = await mkdtemp(path.join(root, '.tmp', 'bench-scale-out-'));
process.env.METRICS_TOKEN = METRICS_TOKEN;
// Both instances seal and open personal data with one key, as production sets it for every process.
process.env.TUIJIE_DATA_KEY = randomBytes(32).toString('base64');
process.env.RATE_LIMIT_PER_MINUTE = '100000000';
let ok = false;
const stops: (() => Promise<unknown>)[] = [];
try {
  const t0 = performance.now();
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'));
  stops.unshift(() => pg.stop());
  await ensureDatabaseExists(pg.serverUrl, 'tuijie');
  const databaseUrl = pg.serverUrl.replace(/\/postgres$/, '/tuijie');
  const postmaster = Number((await readFile(path.join(pg.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const filesDir = path.join(dir, 'files');
  const a = await startServerProcess(databaseUrl, { filesDir });
  stops.unshift(() => a.stop());
  const b = await startServerProcess(databaseUrl, { filesDir });
  stops.unshift(() => b.stop());
  const nginxDir = path.join(dir, 'nginx');
  await mkdir(nginxDir);
  const { nginx, front } = await startPrintedNginx(nginxDir, {
    upstreams: [new URL(a.url).host, new URL(b.url).host],
    siteDir: path.join(filesDir, 'public-site'),
    probePath: '/api/health/live',
  });
  stops.unshift(() => (nginx as NginxProcess).stop());

  const one = createClient(Number(new URL(a.url).port));
  const two = createClient(Number(new URL(front).port));
  const toB = createClient(Number(new URL(b.url).port));
  stops.unshift(async () => {
    one.close();
    toB.close();
    two.close();
  });
  // The demo's first jobs (thumbnails, films, documents) done first: they would fall on the first halves.
  await waitForIdleJobs(databaseUrl);
  const { campaign, sessions } = await setUpSubmitters(one, a.passwords, sessionCount);
  const slot = await photoSlot(one, sessions[0]!);
  const photo = await noisePhoto(UPLOAD_PART * 2);
  const pids = [a.pid(), b.pid(), nginx.pid, postmaster];
  const waitedS = await untilQuiet(pids);
  console.log(
    `setup: two instances, nginx, ${sessions.length} unit submitters with a draft each, ${((performance.now() - t0) / 1000).toFixed(1)} s, of which ${waitedS.toFixed(0)} s until they were idle; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const mixes = {
    one: deadlineDay(one, sessions, campaign.id, slot, photo),
    two: deadlineDay(two, sessions, campaign.id, slot, photo),
    toB: deadlineDay(toB, sessions, campaign.id, slot, photo),
  };
  const half = (seconds / 2) * 1000;
  // Warm every way (connections opened, plans cached) before anything is measured: B directly too, which
  // only the interleaved pass uses, or its first connections would count against the direct way.
  for (const way of [mixes.one, mixes.two, mixes.toB]) await drive(pids, sessions.length, 3000, way.step);

  /** One instance and the two in halves one-two-two-one, each session pausing `thinkMs` between turns. */
  async function alternate(thinkMs: number) {
    const runs: Record<'one' | 'two', Run[]> = { one: [], two: [] };
    const servedDuringTwo = [0, 0];
    for (const which of ['one', 'two', 'two', 'one'] as const) {
      const before = which === 'two' ? [await answeredBy(a), await answeredBy(b)] : [];
      runs[which].push(await drive(pids, sessions.length, half, mixes[which].step, thinkMs));
      if (which === 'two') {
        servedDuringTwo[0]! += (await answeredBy(a)) - before[0]!;
        servedDuringTwo[1]! += (await answeredBy(b)) - before[1]!;
      }
    }
    return { runs, servedDuringTwo };
  }

  const fmt = (x: number) => x.toFixed(1).padStart(8);
  /** Prints one pass; returns its p99 ratio and what makes it not measure what it claims. */
  function report(title: string, { runs, servedDuringTwo }: Awaited<ReturnType<typeof alternate>>) {
    const single = combined(runs.one);
    const pair = combined(runs.two);
    console.log(`\n${title}; latency in ms`);
    console.log(
      `${'run'.padEnd(34)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'errors'.padStart(8)}   CPU cores busy`,
    );
    for (const [name, r] of [
      ['one instance (direct)', single],
      ['two instances behind nginx', pair],
    ] as const)
      console.log(
        `${name.padEnd(34)}${String(r.count).padStart(9)}${r.rps.toFixed(0).padStart(9)}${fmt(r.p50)}${fmt(r.p99)}${String(r.errors).padStart(8)}   ${r.cpu.join(', ')}${r.codes.length > 0 ? `   ${r.codes.join(', ')}` : ''}`,
      );
    for (const [kind] of runs.two[0]!.byKind) {
      const p99 = (rs: Run[]) => pooled(rs, 0.99, (k) => k === kind);
      console.log(`  ${kind.padEnd(32)}p99 one ${fmt(p99(runs.one))}, two ${fmt(p99(runs.two))}`);
    }
    console.log(
      `requests each instance answered during the two-instance halves: ${servedDuringTwo.join(' and ')}`,
    );
    const p99Ratio = pair.p99 / single.p99;
    console.log(
      `two behind nginx / one: throughput ${(pair.rps / single.rps).toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x`,
    );
    const errors = single.errors + pair.errors;
    return {
      p99Ratio,
      problems: [
        ...(errors > 0 ? [`${errors} requests failed`] : []),
        ...(servedDuringTwo.some((n) => n === 0) ? ['nginx sent one instance nothing'] : []),
      ],
    };
  }

  /**
   * Paced, each session's turns alternating between an instance directly (A for half the sessions, B for
   * the other) and nginx in front of both: the same two instances, equally loaded, in the same seconds of
   * the machine, so the difference is what the way through nginx costs, and the machine's other work
   * falls on both ways alike (between halves, the one-instance p99 alone moved 261–680 ms run to run).
   */
  async function interleave(thinkMs: number) {
    const step = (i: number, n: number): Step => {
      const way = (i + n) % 2 === 0 ? 'direct' : 'nginx';
      const turn = (way === 'nginx' ? mixes.two : i % 2 === 0 ? mixes.one : mixes.toB).step(i, n);
      return { ...turn, kind: `${way} ${turn.kind}` };
    };
    const before = [await answeredBy(a), await answeredBy(b)];
    const run = await drive(pids, sessions.length, seconds * 1000, step, thinkMs);
    const answered = [(await answeredBy(a)) - before[0]!, (await answeredBy(b)) - before[1]!];
    return { run, answered };
  }

  function reportInterleaved({ run, answered }: Awaited<ReturnType<typeof interleave>>) {
    const p99 = (way: 'direct' | 'nginx', kind = '') =>
      pooled([run], 0.99, (k) => k.startsWith(`${way} ${kind}`));
    console.log(
      `\nthe same paced mix for ${seconds} s, each session's turns alternating between an instance directly and nginx in front of both; p99 in ms`,
    );
    const line = (name: string, kind?: string) =>
      console.log(
        `  ${name.padEnd(32)}p99 direct ${fmt(p99('direct', kind))}, through nginx ${fmt(p99('nginx', kind))}`,
      );
    line('all');
    for (const kind of new Set([...run.byKind.keys()].map((k) => k.slice(k.indexOf(' ') + 1))))
      line(kind, kind);
    console.log(`requests each instance answered: ${answered.join(' and ')}`);
    const p99Ratio = p99('nginx') / p99('direct');
    console.log(`through nginx / directly: p99 ${p99Ratio.toFixed(2)}x`);
    return {
      p99Ratio,
      problems: [
        ...(run.all.errors > 0 ? [`${run.all.errors} requests failed`] : []),
        ...(answered.some((n) => n === 0) ? ['an instance answered nothing'] : []),
      ],
    };
  }

  const mix = `${sessions.length} sessions (save, list, and every ${UPLOAD_EVERY}rd turn a 64 KB tus part), ${seconds / 2} s per half, halves one-two-two-one`;
  const saturated = report(`the deadline-day mix back to back: ${mix}`, await alternate(0));
  const paced = report(
    `the same, each session pausing ${PACE_MS} ms between turns as people do`,
    await alternate(PACE_MS),
  );
  const interleaved = reportInterleaved(await interleave(PACE_MS));
  const stale = mixes.one.counts.stale + mixes.two.counts.stale + mixes.toB.counts.stale;
  console.log(`\nstale-version 409s on own drafts: ${stale}`);
  const problems = [
    ...saturated.problems.map((p) => `back to back: ${p}`),
    ...paced.problems.map((p) => `paced: ${p}`),
    ...interleaved.problems.map((p) => `interleaved: ${p}`),
    ...(stale > 0 ? [`${stale} saves lost their version`] : []),
  ];
  if (problems.length > 0) console.log(`NOT measuring what it claims: ${problems.join('; ')}`);
  ok = problems.length === 0;
  const verdict = (ratio: number) => `${ratio.toFixed(2)}x, ${ratio <= GOAL_P99_RATIO ? 'met' : 'NOT met'}`;
  console.log(
    `p99 goal (two behind nginx ≤ ${GOAL_P99_RATIO}x one): interleaved ${verdict(interleaved.p99Ratio)}; paced ${verdict(paced.p99Ratio)}; back to back ${verdict(saturated.p99Ratio)}`,
  );
} catch (e) {
  console.error(e);
} finally {
  for (const stop of stops) await stop().catch((e) => console.error(e));
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
