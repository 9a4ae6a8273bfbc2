/**
 * The showcase's list page of a year with 400 winners (issue #14), measured as bench/public-pages.bench.ts
 * measures the 公示 page (same method, same three deliveries, same goal: (b) ≥ 1.0x nginx sending the same
 * bytes, p99 ≤ 10 ms):
 *   (a) nginx (1 worker, sendfile) sending the page's bytes from a file;
 *   (b) nginx with `tuijie nginx-config` in front of the app, sending the page the app published;
 *   (c) the app alone, from its memory cache.
 *
 *   npm run bench -- showcase-pages [--seconds 10] [--connections 64]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime } from '#cli/runtime.ts';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/platform/config.ts';
import { freePort } from '#server/platform/free-port.ts';
import { nginxSiteConfig } from '#server/public/nginx-config.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { type NginxProcess, startNginx } from '#test/support/nginx.ts';

const GOAL_RATIO = 1.0;
const GOAL_P99_MS = 10;
const ENTRIES = 400;
const root = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    connections: { type: 'string', default: '64' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
if (!(seconds > 0 && seconds <= 300) || !(Number.isInteger(connections) && connections > 0)) {
  throw new Error('--seconds must be in (0, 300] and --connections a positive integer');
}

interface Load {
  requestsPerSecond: number;
  p99: number;
  total: number;
  bytes: number;
}

/** autocannon as its own process, so it does not share this process's event loop with the platform. */
function autocannon(url: string, duration: number): Promise<Load> {
  const bin = path.join(root, 'node_modules', '.bin', 'autocannon');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-c', String(connections), '-d', String(duration), '-j', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      const bad = r.non2xx + r.errors + r.timeouts;
      if (bad > 0 || r['2xx'] === 0) {
        return reject(
          new Error(
            `${url}: ${r['2xx']} answers 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
          ),
        );
      }
      resolve({
        requestsPerSecond: r.requests.average,
        p99: r.latency.p99,
        total: r['2xx'],
        bytes: r.throughput.total,
      });
    });
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Two halves as one load: requests/s averaged, the worse p99 (conservative), answers and bytes summed. */
function combined(loads: Load[]): Load {
  return {
    requestsPerSecond: loads.reduce((sum, l) => sum + l.requestsPerSecond, 0) / loads.length,
    p99: Math.max(...loads.map((l) => l.p99)),
    total: loads.reduce((sum, l) => sum + l.total, 0),
    bytes: loads.reduce((sum, l) => sum + l.bytes, 0),
  };
}

async function bytesOf(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

await mkdir(path.join(root, '.tmp'), { recursive: true });
const dir = await mkdtemp(path.join(root, '.tmp', 'bench-public-'));
// The embedded server (run as `postgres` under root) and nginx's worker (as `nobody`) must enter it.
await chmod(dir, 0o755);
const config = {
  ...loadConfig({ ...process.env, TUIJIE_VAR_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' }),
};
const runtime = await openRuntime(config);
const nginxes: NginxProcess[] = [];
let ok = false;
try {
  const { db } = runtime;
  await seedDemo(db, { nominations: false, now: runtime.clock.now() });
  const campaign = await db
    .selectFrom('campaigns as c')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .select(['c.id', 'c.organiserId', 'c.year', 'o.name'])
    .orderBy('c.createdAt')
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('parentId', '=', campaign.organiserId)
    .executeTakeFirstOrThrow();
  // 400 winners of a published round, as the publication leaves them (the notice row, the nominations
  // 入选); without photos, which the page links and does not carry.
  await db
    .insertInto('nominations')
    .values(
      Array.from({ length: ENTRIES }, (_, i) => ({
        campaignId: campaign.id,
        unitId: unit.id,
        category: i < ENTRIES / 2 ? ('star' as const) : ('project' as const),
        special: i % 25 === 0,
        state: 'selected' as const,
        title: i < ENTRIES / 2 ? `学习之星${i + 1}号` : `第${i + 1}号社区学习品牌项目`,
        form: JSON.stringify({
          workUnit: `${unit.name}${(i % 31) + 1}`,
          entityName: `第${i + 1}社区学习中心`,
        }),
      })),
    )
    .execute();
  await db
    .insertInto('resultNotices')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiserId,
      year: campaign.year,
      title: `关于公布${campaign.year}年推介结果的通知`,
      issuers: [campaign.name],
      entries: '[]',
      publishedAt: runtime.clock.now(),
    })
    .execute();

  const app = await buildApp(runtime, { logger: { level: 'warn' } });
  runtime.onClose(() => app.close());
  let appRequests = 0;
  const lastSeen: string[] = [];
  app.server.on('request', (req: { method?: string; url?: string; headers: Record<string, unknown> }) => {
    appRequests++;
    lastSeen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    if (lastSeen.length > 3) lastSeen.shift();
  });
  const appPort = await freePort();
  await app.listen({ host: '127.0.0.1', port: appPort });
  // The rows above were written without the service's route, which would say this after its commit.
  const publishStarted = performance.now();
  await runtime.publicPages.changed();
  const publishMs = performance.now() - publishStarted;
  const pagePath = `/showcase/${campaign.year}/`;
  const appUrl = `http://127.0.0.1:${appPort}${pagePath}`;
  const page = await bytesOf(appUrl);
  const rows = (page.toString('utf8').match(/<li class="card/g) ?? []).length;
  if (rows < ENTRIES) throw new Error(`the page shows ${rows} winners, not the ${ENTRIES} it should`);

  // (a) the reference: the page's bytes in a file of their own.
  const file = path.join(dir, 'page.html');
  await writeFile(file, page);
  await chmod(file, 0o644);
  const basePort = await freePort();
  const baseUrl = `http://127.0.0.1:${basePort}/page`;
  const baseDir = path.join(dir, 'nginx-reference');
  await mkdir(baseDir);
  nginxes.push(
    await startNginx(
      baseDir,
      `  server {
    listen 127.0.0.1:${basePort};
    location = /page { default_type "text/html; charset=utf-8"; alias ${file}; }
  }`,
      baseUrl,
    ),
  );
  // (b) the platform as deployed: its printed configuration in front of the app.
  const frontPort = await freePort();
  const frontUrl = `http://127.0.0.1:${frontPort}${pagePath}`;
  const frontDir = path.join(dir, 'nginx-front');
  await mkdir(frontDir);
  const siteConfig = nginxSiteConfig({
    upstream: `127.0.0.1:${appPort}`,
    listen: `127.0.0.1:${frontPort}`,
    siteDir: publicSiteDir(config),
    serverName: '_',
    brotli: false,
  });
  nginxes.push(await startNginx(frontDir, siteConfig, frontUrl));
  const [base, front] = nginxes as [NginxProcess, NginxProcess];

  /** (b) answers from the published file: nginx's Last-Modified, the same bytes, and the app not asked. */
  const checkFront = async () => {
    const before = appRequests;
    const res = await fetch(frontUrl, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    if (
      res.status !== 200 ||
      !body.equals(page) ||
      !res.headers.get('last-modified') ||
      appRequests !== before
    )
      throw new Error(
        `(b) is not served from the published file: nginx asked the app or sent other bytes (${res.status}, ${body.length} against ${page.length} bytes, last-modified ${res.headers.get('last-modified')}, app asked ${appRequests - before}) ${readFileSync(path.join(frontDir, 'error.log'), 'utf8').slice(-600)}`,
      );
  };
  if (!(await bytesOf(baseUrl)).equals(page))
    throw new Error('nginx does not serve the bytes the platform serves');
  await checkFront();

  // Warm each (connections opened, the page kept), then measure each for the same time. (a) and (b), the
  // pair the goal compares, alternate in two halves so a change in the machine's other load falls on both.
  // CPU per answer is printed too: on a machine shared with other work it says more than requests/s.
  await autocannon(appUrl, 2);
  await autocannon(baseUrl, 2);
  await autocannon(frontUrl, 2);
  // Requests of the app's warm-up still queued in its sockets when autocannon stopped are answered late:
  // wait until the app has seen none for a while, so every one it sees from here on is (b)'s.
  for (let seen = -1; seen !== appRequests; ) {
    seen = appRequests;
    await new Promise((r) => setTimeout(r, 500));
  }
  const half = Math.max(1, Math.round(seconds / 2));
  const halves: Record<'a' | 'b', Load[]> = { a: [], b: [] };
  let referenceCpu = 0;
  let deployedCpu = 0;
  const appCpu = cpuMsOf(process.pid);
  const seenBefore = appRequests;
  for (let round = 0; round < 2; round++) {
    let cpu = cpuMsOf(base.worker());
    halves.a.push(await autocannon(baseUrl, half));
    referenceCpu += cpuMsOf(base.worker()) - cpu;
    cpu = cpuMsOf(front.worker());
    halves.b.push(await autocannon(frontUrl, half));
    deployedCpu += cpuMsOf(front.worker()) - cpu;
  }
  // This process (the app, idle but for its timers and job polling) during (a) and (b): printed, not counted.
  const idleAppCpu = cpuMsOf(process.pid) - appCpu;
  const reference = combined(halves.a);
  const deployed = combined(halves.b);
  if (appRequests !== seenBefore)
    throw new Error(
      `(b) is not served from the published file: the app answered ${appRequests - seenBefore} of its requests, the last:\n${lastSeen.join('\n')}`,
    );
  const cpu = cpuMsOf(process.pid);
  const alone = await autocannon(appUrl, seconds);
  const aloneCpu = cpuMsOf(process.pid) - cpu;
  // Still the same bytes after the load: nothing started serving something else.
  if (!(await bytesOf(appUrl)).equals(page))
    throw new Error('the platform served other bytes after the load');
  await checkFront();
  for (const [name, load] of [
    ['(a)', reference],
    ['(b)', deployed],
    ['(c)', alone],
  ] as const) {
    const perAnswer = load.bytes / load.total;
    if (perAnswer < page.length) {
      throw new Error(
        `${name}: ${perAnswer.toFixed(0)} bytes per answer, less than the page's ${page.length}`,
      );
    }
  }

  const ratio = deployed.requestsPerSecond / reference.requestsPerSecond;
  const aloneRatio = alone.requestsPerSecond / reference.requestsPerSecond;
  const row = (name: string, l: Load, cpuMs: number) =>
    console.log(
      `${name.padEnd(58)}${l.requestsPerSecond.toFixed(0).padStart(9)} req/s   p99 ${String(l.p99).padStart(4)} ms   ${((cpuMs * 1000) / l.total).toFixed(0).padStart(5)} µs CPU/answer`,
    );
  console.log(
    `showcase list page (a year), ${ENTRIES} winners, ${page.length} bytes; autocannon, ${connections} connections, ${seconds} s each ((a), (b) alternating in halves)`,
  );
  row('(a) reference: nginx (1 worker, sendfile), file', reference, referenceCpu);
  row('(b) platform deployed: nginx-config in front, published file', deployed, deployedCpu);
  console.log(
    `    (the app's process used ${idleAppCpu} ms of CPU during (a) and (b), answering no request)`,
  );
  row('(c) platform alone: Node, GET /showcase/<year>/ (kept page)', alone, aloneCpu);
  console.log(
    `(b) ratio ${ratio.toFixed(2)}x nginx (goal ≥ ${GOAL_RATIO.toFixed(1)}x); p99 ${deployed.p99} ms (goal ≤ ${GOAL_P99_MS} ms); app requests during (b): 0`,
  );
  console.log(
    `publication of every public page (4 variants each, .gz and .br) after a change: ${publishMs.toFixed(0)} ms`,
  );
  console.log(`(c) ratio ${aloneRatio.toFixed(2)}x nginx; p99 ${alone.p99} ms (for comparison, no goal)`);
  ok = ratio >= GOAL_RATIO && deployed.p99 <= GOAL_P99_MS;
  if (!ok) console.log('goal not met');
} finally {
  for (const n of nginxes) await n.stop();
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
