/**
 * Load on the nomination API as 200 unit submitters would put it: each session autosaves its own star
 * draft and lists the campaign's nominations, in turn, as fast as the server answers, for 60 s on
 * loopback. Goal: p99 under 100 ms and no errors (a 409 on a save that sent the version of its own last
 * save counts as one). The baseline, measured in the same run with the same client and connections, is
 * GET /api/health: no session, no database. Then the quota race: 50 complete drafts of one unit whose
 * star quota is 5, submitted all at once; exactly 5 must succeed (exit code 1 otherwise).
 *
 *   npm run bench -- nominations-load [--seconds 60] [--sessions 200]
 *
 * The real server (`serve --demo`, as `npm start`) runs on a throwaway data folder with the per-address
 * request limit raised (RATE_LIMIT_PER_MINUTE). Login keeps its own 60/min per address, so the setup logs
 * the 200 submitters in from several loopback source addresses (127.0.0.1–127.0.0.8), as 200 units would
 * come from their own addresses; every request goes to 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignRules } from '../src/core/campaign/rules.ts';
import { freePort } from '../src/server/platform/free-port.ts';
import { completeStar } from '../test/support/nominations.ts';

/** A session's pause between requests in the paced run: with save and list alternating, a save every 2 s. */
const PACE_MS = 1000;
const GOAL_P99_MS = 100;
const QUOTA = 5;
const RACERS = 50;
const SOURCES = 8;
const root = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '60' },
    sessions: { type: 'string', default: process.env.BENCH_SESSIONS ?? '200' },
  },
});
const seconds = Number(args.seconds);
const sessionCount = Number(args.sessions);
if (
  !(seconds > 0 && seconds <= 600) ||
  !(Number.isInteger(sessionCount) && sessionCount > 0 && sessionCount <= 400)
) {
  throw new Error('--seconds must be in (0, 600] and --sessions an integer in [1, 400]');
}

// ---------------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive, one pool per loopback source address; every request to 127.0.0.1.

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const source = (i: number) => `127.0.0.${(i % SOURCES) + 1}`;
let port = 0;

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}
interface Caller {
  localAddress: string;
  cookie?: string;
  csrf?: string;
}

function send(who: Caller, method: string, pathname: string, json?: unknown): Promise<Reply> {
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  const headers: http.OutgoingHttpHeaders = {};
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf && method !== 'GET') headers['x-csrf-token'] = who.csrf;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers, agent, localAddress: who.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function call<T>(who: Caller, method: string, pathname: string, json?: unknown, expect = [200]) {
  const r = await send(who, method, pathname, json);
  if (!expect.includes(r.status))
    throw new Error(`${method} ${pathname} → ${r.status}: ${r.body.slice(0, 500)}`);
  return (r.body ? JSON.parse(r.body) : null) as T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Logs in (waiting out the login route's own per-address limit, a bounded number of times). */
async function login(localAddress: string, username: string, password: string): Promise<Caller> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = await send({ localAddress }, 'POST', '/api/auth/login', { username, password });
    if (r.status === 429) {
      const wait = Math.min(Number(r.headers['retry-after'] ?? 60), 65);
      console.error(`  login rate-limited on ${localAddress}; waiting ${wait} s`);
      await sleep(wait * 1000);
      continue;
    }
    if (r.status !== 200) throw new Error(`login ${username} → ${r.status}: ${r.body}`);
    const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
    const cookie = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('tuijie_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return { localAddress, cookie, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
  }
  throw new Error(`login ${username}: still rate-limited`);
}

async function firstLogin(localAddress: string, username: string, initial: string): Promise<Caller> {
  const who = await login(localAddress, username, initial);
  await call(
    who,
    'POST',
    '/api/auth/password',
    { currentPassword: initial, newPassword: 'Bench-load-2024' },
    [204],
  );
  return who;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The server.

async function startServer(varDir: string) {
  port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TUIJIE_VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const started = performance.now();
  while (!out.includes('推介平台已启动')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (performance.now() - started > 120_000) throw new Error(`server did not start within 120 s:\n${out}`);
    await sleep(50);
  }
  await sleep(200);
  const passwords = new Map([...out.matchAll(/^ {2}(\S+) +(\S{12}) {3}/gm)].map((m) => [m[1]!, m[2]!]));
  return {
    passwords,
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Measuring.

/** CPU seconds used so far by this process and by the server's process tree (Linux /proc; else zero). */
async function cpuSeconds(serverPid: number) {
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
        cpu: (Number(f[11]) + Number(f[12])) / 100, // utime + stime in USER_HZ (100 on Linux)
      });
    }
    const tree = new Set([serverPid]);
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

interface Stats {
  latencies: number[];
  statuses: Map<number, number>;
  codes: Map<string, number>;
  networkErrors: number;
}
const newStats = (): Stats => ({ latencies: [], statuses: new Map(), codes: new Map(), networkErrors: 0 });
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

function record(stats: Stats, ms: number, r: Reply | undefined) {
  stats.latencies.push(ms);
  if (!r) {
    stats.networkErrors++;
    return;
  }
  bump(stats.statuses, r.status);
  if (r.status >= 300) {
    const code = (() => {
      try {
        return String((JSON.parse(r.body) as { code?: string }).code);
      } catch {
        return '?';
      }
    })();
    bump(stats.codes, `${r.status} ${code}`);
  }
}

function summary(stats: Stats, elapsedMs: number) {
  const sorted = Float64Array.from(stats.latencies).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  let errors = stats.networkErrors;
  for (const [status, n] of stats.statuses) if (status < 200 || status >= 300) errors += n;
  return {
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

/**
 * `workers` loops, each sending `step(i, n)`'s request until the time is up: back to back, or with
 * `thinkMs` between a reply and the next request (a person typing: the page autosaves every so often).
 */
async function drive(
  serverPid: number,
  workers: number,
  ms: number,
  step: (i: number, n: number) => { kind: string; run: () => Promise<Reply>; after?: (r: Reply) => void },
  thinkMs = 0,
) {
  const stats = new Map<string, Stats>();
  const all = newStats();
  const cpuBefore = await cpuSeconds(serverPid);
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      // Spread the first requests so that paced sessions do not all fire in the same millisecond.
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      for (let n = 0; performance.now() < deadline; n++) {
        const { kind, run, after } = step(i, n);
        const t0 = performance.now();
        const r = await run().catch(() => undefined);
        const took = performance.now() - t0;
        if (!stats.has(kind)) stats.set(kind, newStats());
        record(stats.get(kind)!, took, r);
        record(all, took, r);
        if (r && after) after(r);
        if (!r) await sleep(10); // a refused connection must not spin
        if (thinkMs > 0) await sleep(thinkMs);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpuAfter = await cpuSeconds(serverPid);
  const busy = (k: keyof typeof cpuAfter) => (cpuAfter[k] - cpuBefore[k]) / (elapsed / 1000);
  return {
    all: summary(all, elapsed),
    byKind: new Map([...stats].map(([k, s]) => [k, summary(s, elapsed)])),
    cpu: { client: busy('client'), server: busy('server'), postgres: busy('postgres') },
  };
}

// ---------------------------------------------------------------------------------------------------

interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
}
interface Campaign {
  id: string;
  organiserName: string;
  status: string;
  rulesVersion: number;
}
interface Nomination {
  id: string;
  version: number;
}
interface Session extends Caller {
  n: number;
  nominationId: string;
  version: number;
  form: Record<string, unknown>;
}

await mkdir(path.join(root, '.tmp'), { recursive: true });
const varDir = await mkdtemp(path.join(root, '.tmp', 'bench-load-'));
// mkdtemp makes the folder owner-only; the embedded server (run as `postgres` under root) must enter it.
await chmod(varDir, 0o755);
let exitCode = 0;
const server = await startServer(varDir);
try {
  const t0 = performance.now();
  const adminPassword = server.passwords.get('jilin-admin');
  if (!adminPassword) throw new Error(`no demo password for jilin-admin in:\n${server.output()}`);
  const admin = await firstLogin(source(0), 'jilin-admin', adminPassword);
  const me = await call<{ me: { organisation: { id: string } } }>(admin, 'GET', '/api/auth/me');
  const jilinId = me.me.organisation.id;
  const { items: orgs } = await call<{ items: Organisation[] }>(admin, 'GET', '/api/organisations');
  const units = orgs.filter((o) => o.parentId === jilinId).sort((a, b) => a.name.localeCompare(b.name));
  if (units.length === 0) throw new Error('吉林省教育厅 has no reporting units');
  const raceUnit = units[units.length - 1]!;

  // 200 submitters over the units (the last unit is the race's and gets none of them).
  const loadUnits = units.length > 1 ? units.slice(0, -1) : units;
  const created = await pool(
    Array.from({ length: sessionCount }, (_, i) => i),
    8,
    async (i) => {
      const unit = loadUnits[i % loadUnits.length]!;
      const username = `bench-unit-${String(i).padStart(3, '0')}`;
      const r = await call<{ initialPassword: string }>(
        admin,
        'POST',
        '/api/accounts',
        { username, displayName: `压测填报员${i}`, organisationId: unit.id, roles: ['unit_submitter'] },
        [201],
      );
      return { i, username, initialPassword: r.initialPassword };
    },
  );
  const first = await firstLogin(source(1), created[0]!.username, created[0]!.initialPassword);
  const { items: campaigns } = await call<{ items: Campaign[] }>(first, 'GET', '/api/campaigns');
  const campaign = campaigns.find((c) => c.organiserName === '吉林省教育厅' && c.status === 'open');
  if (!campaign) throw new Error('no open campaign of 吉林省教育厅');
  const { rules } = await call<{ rules: CampaignRules }>(first, 'GET', `/api/campaigns/${campaign.id}`);

  const sessions: Session[] = await pool(created, 8, async ({ i, username, initialPassword }) => {
    const who = i === 0 ? first : await firstLogin(source(i + 1), username, initialPassword);
    const { nomination } = await call<{ nomination: Nomination }>(
      who,
      'POST',
      '/api/nominations',
      { campaignId: campaign.id, category: 'star' },
      [201],
    );
    const form = completeStar(rules, i) as unknown as Record<string, unknown>;
    return { ...who, n: i, nominationId: nomination.id, version: nomination.version, form };
  });
  const setupMs = performance.now() - t0;
  console.log(
    `load average before the run: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `setup: ${sessions.length} unit submitters over ${loadUnits.length} units, one star draft each, ${(setupMs / 1000).toFixed(1)} s`,
  );

  // Baseline: the same client, connections and addresses on GET /api/health.
  const ms = seconds * 1000;
  const baseline = await drive(server.pid, sessions.length, ms, (i) => ({
    kind: 'GET /api/health',
    run: () => send({ localAddress: sessions[i]!.localAddress }, 'GET', '/api/health'),
  }));

  // The load: each session saves its own draft (with the version its last save returned), then lists.
  let stale = 0;
  const listPath = `/api/nominations?campaignId=${campaign.id}`;
  const draftStep = (i: number, n: number) => {
    const s = sessions[i]!;
    if (n % 2 === 1) return { kind: 'GET /api/nominations', run: () => send(s, 'GET', listPath) };
    // What changes between two autosaves: a line of the story being typed.
    const form = { ...s.form, story: `${s.form.story}\n第${n / 2}次保存：参加社区读书会，带动邻里共学。` };
    return {
      kind: 'PUT /api/nominations/:id',
      run: () => send(s, 'PUT', `/api/nominations/${s.nominationId}`, { form, version: s.version }),
      after: (r: Reply) => {
        if (r.status === 200)
          s.version = (JSON.parse(r.body) as { nomination: Nomination }).nomination.version;
        else if (r.status === 409 && r.body.includes('STALE_VERSION')) stale++;
      },
    };
  };
  // Back to back: what the machine can serve at most (every session hammering without a pause).
  const saturated = await drive(server.pid, sessions.length, ms, draftStep);
  // As people use it: the editor autosaves every 2 s while someone types, the list is reloaded in between.
  const load = await drive(server.pid, sessions.length, ms, draftStep, PACE_MS);

  const fmt = (x: number) => x.toFixed(1).padStart(8);
  const ratio = (x: number, b: number) => `${(x / b).toFixed(1)}x`.padStart(7);
  console.log(
    `\n${sessions.length} concurrent sessions, ${seconds} s each, loopback; latency in ms (goal p99 < ${GOAL_P99_MS} ms, no errors)`,
  );
  console.log(
    `${'run'.padEnd(30)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p90'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}${'errors'.padStart(8)}   p99/goal  p50,p99 / baseline`,
  );
  const row = (name: string, s: ReturnType<typeof summary>) =>
    console.log(
      `${name.padEnd(30)}${String(s.count).padStart(9)}${s.rps.toFixed(0).padStart(9)}${fmt(s.p50)}${fmt(s.p90)}${fmt(s.p99)}${fmt(s.max)}${String(s.errors).padStart(8)}   ${(s.p99 / GOAL_P99_MS).toFixed(2).padStart(8)}  ${ratio(s.p50, baseline.all.p50)}${ratio(s.p99, baseline.all.p99)}` +
        (s.codes.size > 0 ? `   ${[...s.codes].map(([c, k]) => `${c}×${k}`).join(', ')}` : ''),
    );
  row('baseline: GET /api/health', baseline.all);
  row('saturated: save + list, all', saturated.all);
  for (const [kind, s] of saturated.byKind) row(`  ${kind}`, s);
  row(`paced (${PACE_MS} ms think): all`, load.all);
  for (const [kind, s] of load.byKind) row(`  ${kind}`, s);
  console.log(`stale-version 409s on own drafts: ${stale}`);
  const cpu = (name: string, c: typeof load.cpu) =>
    console.log(
      `CPU cores busy during ${name}: client ${c.client.toFixed(2)}, server node ${c.server.toFixed(2)}, postgres ${c.postgres.toFixed(2)} (machine: ${os.availableParallelism()} cores)`,
    );
  cpu('baseline', baseline.cpu);
  cpu('saturated', saturated.cpu);
  cpu('paced', load.cpu);
  const loadOk =
    load.all.errors === 0 && saturated.all.errors === 0 && stale === 0 && load.all.p99 < GOAL_P99_MS;
  console.log(
    `load goal (paced sessions): ${loadOk ? 'met' : 'NOT met'} (p99 ${load.all.p99.toFixed(1)} ms, ${load.all.errors + saturated.all.errors} errors); saturated throughput ${(saturated.all.rps / baseline.all.rps).toFixed(2)}x baseline`,
  );

  // The race: a unit allowed 5 stars, 50 complete drafts, 50 submits at once.
  const detail = await call<{ campaign: Campaign; rules: CampaignRules }>(
    admin,
    'GET',
    `/api/campaigns/${campaign.id}`,
  );
  const raced = structuredClone(detail.rules);
  raced.quotas.unitOverrides[raceUnit.id] = { star: { min: 1, max: QUOTA } };
  await call(admin, 'PUT', `/api/campaigns/${campaign.id}/rules`, {
    rules: raced,
    rulesVersion: detail.campaign.rulesVersion,
  });
  const racer = await call<{ initialPassword: string }>(
    admin,
    'POST',
    '/api/accounts',
    {
      username: 'bench-race',
      displayName: '压测抢名额',
      organisationId: raceUnit.id,
      roles: ['unit_submitter'],
    },
    [201],
  );
  const racerSession = await firstLogin(source(SOURCES - 1), 'bench-race', racer.initialPassword);
  const drafts = await pool(
    Array.from({ length: RACERS }, (_, k) => k),
    8,
    async (k) => {
      const { nomination } = await call<{ nomination: Nomination }>(
        racerSession,
        'POST',
        '/api/nominations',
        { campaignId: campaign.id, category: 'star' },
        [201],
      );
      await call(racerSession, 'PUT', `/api/nominations/${nomination.id}`, {
        form: completeStar(raced, 500 + k),
        version: nomination.version,
      });
      return nomination.id;
    },
  );
  const raceStarted = performance.now();
  const results = await Promise.all(
    drafts.map((id) =>
      send(racerSession, 'POST', `/api/nominations/${id}/submit`).catch((e: Error) => ({
        status: 0,
        body: JSON.stringify({ code: e.message }),
        headers: {},
      })),
    ),
  );
  const raceMs = performance.now() - raceStarted;
  const succeeded = results.filter((r) => r.status === 200).length;
  const rest = new Map<string, number>();
  for (const r of results.filter((x) => x.status !== 200)) {
    let code = '?';
    try {
      code = String((JSON.parse(r.body) as { code?: string }).code);
    } catch {}
    bump(rest, `${r.status} ${code}`);
  }
  console.log(
    `\nquota race: ${RACERS} parallel submits against a quota of ${QUOTA} in ${raceUnit.name}: ${succeeded} succeeded` +
      ` (${raceMs.toFixed(0)} ms); the rest: ${[...rest].map(([c, k]) => `${c}×${k}`).join(', ') || 'none'}` +
      ` — ${succeeded === QUOTA ? 'goal met' : 'NOT exactly the quota'}`,
  );
  if (succeeded !== QUOTA) exitCode = 1;
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  agent.destroy();
  await server.stop();
  await rm(varDir, { recursive: true, force: true });
  await rm(`${varDir}.password`, { force: true });
}
process.exit(exitCode);
