/**
 * The public 公示 page with 400 entries (the national size), in one run, each loaded by wrk with 64
 * connections for the same time:
 *   (a) the reference: nginx (1 worker, sendfile on, access log off) sending the page's bytes from a file,
 *       with the headers a published page carries (the same bytes on the wire, not a page without them);
 *   (b) the platform as deployed: nginx (1 worker) with the configuration `tuijie nginx-config` prints, in
 *       front of the running app, sending the page the app published as a file (site-publisher.ts);
 *   (c) the app alone: Node answering from its memory cache (no nginx in front).
 * Goal for (b): requests/s at least (a)'s (1.0x) and p99 at most 10 ms. Prints requests/s, p99 and CPU per
 * answer of each and the ratios of (b) and (c) to (a).
 *
 *   npm run bench -- public-pages [--seconds 10] [--connections 64]
 *
 * The platform runs in this process on a throwaway data folder (embedded PostgreSQL, demo seed), built by
 * `buildApp` as `serve` builds it; the announcement and its 400 entries are inserted as the announcement
 * service leaves them (entries copied from 400 draft nominations of a demo campaign). wrk runs as its
 * own process (bench/http-load.ts). The file (a) serves is the app's own answer, so all three send the same bytes; the bench
 * checks that before and after, and fails on any non-2xx answer, error or timeout, and when (b) stops being
 * served from the published file (the app saw a request during (b)'s load, or nginx's answer lacks the
 * Last-Modified only a file has). nginx must be installed (apt `nginx`; .ci/run installs it).
 */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime } from '#cli/runtime.ts';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/platform/config.ts';
import { freePort } from '#server/platform/free-port.ts';
import { nginxSiteConfig, publishedPageHeaders } from '#server/public/nginx-config.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { type NginxProcess, startNginx } from '#test/support/nginx.ts';
import { type Load, loadWithWrk } from './http-load.ts';

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

/** The load tool as its own process, so it does not share this process's event loop with the platform. */
const load = (url: string, duration: number): Promise<Load> => loadWithWrk(url, connections, duration);

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
  const nominations = await db
    .insertInto('nominations')
    .values(
      Array.from({ length: ENTRIES }, (_, i) => ({
        campaignId: campaign.id,
        unitId: unit.id,
        category: i < ENTRIES / 2 ? ('star' as const) : ('project' as const),
        title: i < ENTRIES / 2 ? `学习之星${i + 1}号` : `第${i + 1}号社区学习品牌项目`,
      })),
    )
    .returning(['id', 'category', 'title'])
    .execute();
  const announcement = await db
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiserId,
      year: campaign.year,
      state: 'open',
      title: `关于${campaign.year}年度“百姓学习之星”和“终身学习品牌项目”拟推介名单的公示`,
      intro: '经各地推荐、专家评审，确定了拟推介名单，现予以公示。公示期内如有异议，请以书面形式实名提出。',
      objectionContact: JSON.stringify({
        department: '秘书处',
        phone: '010-66001234',
        address: '北京市西城区',
      }),
      issuer: campaign.name,
      startDay: '2026-09-30',
      endDay: '2026-10-12',
      workingDays: 5,
      openedAt: runtime.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const positions = { star: 0, project: 0 };
  await db
    .insertInto('announcementEntries')
    .values(
      nominations.map((n, i) => ({
        announcementId: announcement.id,
        nominationId: n.id,
        category: n.category,
        position: ++positions[n.category],
        special: i % 25 === 0,
        name: n.title,
        unit: `${unit.name}${(i % 31) + 1}`,
        entity: n.category === 'project' ? `第${i + 1}社区学习中心` : null,
      })),
    )
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
  const pagePath = `/gs/${announcement.id}`;
  const appUrl = `http://127.0.0.1:${appPort}${pagePath}`;
  const page = await bytesOf(appUrl);
  const rows = (page.toString('utf8').match(/<tr>|<tr class="removed">/g) ?? []).length;
  if (rows < ENTRIES)
    throw new Error(`the page shows ${rows} table rows, not the ${ENTRIES} entries it should`);

  // (a) the reference: the page's bytes in a file of their own, sent with the published page's headers.
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
    location = /page {
      default_type "text/html; charset=utf-8";
      alias ${file};
${publishedPageHeaders()}
    }
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
      throw new Error('(b) is not served from the published file: nginx asked the app or sent other bytes');
  };
  if (!(await bytesOf(baseUrl)).equals(page))
    throw new Error('nginx does not serve the bytes the platform serves');
  await checkFront();

  // Warm each (connections opened, the page kept), then measure each for the same time. (a) and (b), the
  // pair the goal compares, alternate in two halves so a change in the machine's other load falls on both.
  // CPU per answer is printed too: on a machine shared with other work it says more than requests/s.
  await load(appUrl, 2);
  await load(baseUrl, 2);
  await load(frontUrl, 2);
  // Requests of the app's warm-up still queued in its sockets when the load tool stopped are answered late:
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
    halves.a.push(await load(baseUrl, half));
    referenceCpu += cpuMsOf(base.worker()) - cpu;
    cpu = cpuMsOf(front.worker());
    halves.b.push(await load(frontUrl, half));
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
  const alone = await load(appUrl, seconds);
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
      `${name.padEnd(58)}${l.requestsPerSecond.toFixed(0).padStart(9)} req/s   p99 ${l.p99.toFixed(1).padStart(6)} ms   ${((cpuMs * 1000) / l.total).toFixed(0).padStart(5)} µs CPU/answer   ${(l.bytes / l.total).toFixed(0)} bytes/answer`,
    );
  console.log(
    `public 公示 page, ${ENTRIES} entries, ${page.length} bytes; wrk (1 thread), ${connections} connections, ${seconds} s each ((a), (b) alternating in halves)`,
  );
  row('(a) reference: nginx (1 worker, sendfile), file', reference, referenceCpu);
  row('(b) platform deployed: nginx-config in front, published file', deployed, deployedCpu);
  console.log(
    `    (the app's process used ${idleAppCpu} ms of CPU during (a) and (b), answering no request)`,
  );
  row('(c) platform alone: Node, GET /gs/<id> (kept page)', alone, aloneCpu);
  console.log(
    `(b) ratio ${ratio.toFixed(2)}x nginx (goal ≥ ${GOAL_RATIO.toFixed(1)}x); p99 ${deployed.p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms); app requests during (b): 0`,
  );
  console.log(
    `publication of every public page (4 variants each, .gz and .br) after a change: ${publishMs.toFixed(0)} ms`,
  );
  console.log(
    `(c) ratio ${aloneRatio.toFixed(2)}x nginx; p99 ${alone.p99.toFixed(1)} ms (for comparison, no goal)`,
  );
  ok = ratio >= GOAL_RATIO && deployed.p99 <= GOAL_P99_MS;
  if (!ok) console.log('goal not met');
} finally {
  for (const n of nginxes) await n.stop();
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
