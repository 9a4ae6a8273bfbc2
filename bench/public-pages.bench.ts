/**
 * The public 公示 page with 400 entries (the national size) served by the platform against nginx (1 worker,
 * sendfile on, access log off) serving the same bytes from a file on disk, each loaded by autocannon with 64
 * connections for the same time, in one run. Goal: the platform's requests/s at least nginx's (1.0x) and
 * its p99 at most 10 ms. Prints requests/s and p99 of each and the ratio.
 *
 *   npm run bench -- public-pages [--seconds 10] [--connections 64]
 *
 * The platform runs in this process on a throwaway data folder (embedded PostgreSQL, demo seed), built by
 * `buildApp` as `serve` builds it; the announcement and its 400 entries are inserted as the announcement
 * service leaves them (entries copied from 400 draft nominations of a demo campaign). autocannon runs as its
 * own process. The file nginx serves is the platform's own response body, so both send the same bytes; the
 * bench checks that before and after, and fails on any non-2xx answer, error or timeout. nginx must be
 * installed (apt `nginx`); it is not in .ci/run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime } from '#cli/runtime.ts';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/platform/config.ts';
import { freePort } from '#server/platform/free-port.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';

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

function findNginx(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  throw new Error('没有找到 nginx：请先安装（apt-get install nginx），本基准测试需要它作为对照');
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

async function startNginx(dir: string, port: number, file: string): Promise<ChildProcess> {
  const conf = path.join(dir, 'nginx.conf');
  await writeFile(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    location = /page { default_type "text/html; charset=utf-8"; alias ${file}; }
  }
}
`,
  );
  await mkdir(path.join(dir, 'tmp'), { recursive: true });
  const child = spawn(findNginx(), ['-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/page`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return child;
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not answer within 5 s');
}

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** nginx's one worker: the master's child. */
function workerOf(masterPid: number): number {
  const children = readFileSync(`/proc/${masterPid}/task/${masterPid}/children`, 'utf8').trim().split(/\s+/);
  if (children.length !== 1 || !children[0]) throw new Error(`nginx has ${children.length} workers, not 1`);
  return Number(children[0]);
}

/** A bare Node HTTP server sending the same bytes: what Node itself costs, apart from the platform. */
function startBareNode(port: number, file: string): ChildProcess {
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1')`;
  return spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit'] });
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
let nginx: ChildProcess | undefined;
let bare: ChildProcess | undefined;
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
  const appPort = await freePort();
  await app.listen({ host: '127.0.0.1', port: appPort });
  const platformUrl = `http://127.0.0.1:${appPort}/gs/${announcement.id}`;
  const page = await bytesOf(platformUrl);
  const rows = (page.toString('utf8').match(/<tr>|<tr class="removed">/g) ?? []).length;
  if (rows < ENTRIES)
    throw new Error(`the page shows ${rows} table rows, not the ${ENTRIES} entries it should`);
  const file = path.join(dir, 'page.html');
  await writeFile(file, page);
  await chmod(file, 0o644);
  const nginxPort = await freePort();
  nginx = await startNginx(dir, nginxPort, file);
  const nginxUrl = `http://127.0.0.1:${nginxPort}/page`;
  if (!(await bytesOf(nginxUrl)).equals(page))
    throw new Error('nginx does not serve the bytes the platform serves');

  const barePort = await freePort();
  bare = startBareNode(barePort, file);
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  for (let i = 0; ; i++) {
    const same = await bytesOf(bareUrl).then(
      (b) => b.equals(page),
      () => false,
    );
    if (same) break;
    if (i > 100) throw new Error('the bare Node server did not serve the page within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }

  // Warm each (connections opened, the page rendered and kept), then measure each for the same time.
  // CPU per answer is printed too: on a machine shared with other work it says more than requests/s.
  const worker = workerOf(nginx.pid!);
  await autocannon(nginxUrl, 2);
  await autocannon(platformUrl, 2);
  await autocannon(bareUrl, 2);
  let cpu = cpuMsOf(worker);
  const base = await autocannon(nginxUrl, seconds);
  const baseCpu = cpuMsOf(worker) - cpu;
  cpu = cpuMsOf(process.pid);
  const platform = await autocannon(platformUrl, seconds);
  const platformCpu = cpuMsOf(process.pid) - cpu;
  cpu = cpuMsOf(bare.pid!);
  const node = await autocannon(bareUrl, seconds);
  const nodeCpu = cpuMsOf(bare.pid!) - cpu;
  // Still the same bytes after the load: the platform did not start serving something else.
  if (!(await bytesOf(platformUrl)).equals(page))
    throw new Error('the platform served other bytes after the load');
  for (const [name, load] of [
    ['nginx', base],
    ['platform', platform],
  ] as const) {
    const perAnswer = load.bytes / load.total;
    if (perAnswer < page.length) {
      throw new Error(
        `${name}: ${perAnswer.toFixed(0)} bytes per answer, less than the page's ${page.length}`,
      );
    }
  }

  const ratio = platform.requestsPerSecond / base.requestsPerSecond;
  const row = (name: string, l: Load, cpuMs: number) =>
    console.log(
      `${name.padEnd(44)}${l.requestsPerSecond.toFixed(0).padStart(9)} req/s   p99 ${String(l.p99).padStart(4)} ms   ${((cpuMs * 1000) / l.total).toFixed(0).padStart(5)} µs CPU/answer`,
    );
  console.log(
    `public 公示 page, ${ENTRIES} entries, ${page.length} bytes; autocannon, ${connections} connections, ${seconds} s each`,
  );
  row('baseline: nginx (1 worker, sendfile), file', base, baseCpu);
  row('platform: GET /gs/<id> (kept page)', platform, platformCpu);
  row('for reference: bare Node http, same bytes', node, nodeCpu);
  console.log(
    `ratio ${ratio.toFixed(2)}x nginx (goal ≥ ${GOAL_RATIO.toFixed(1)}x); p99 ${platform.p99} ms (goal ≤ ${GOAL_P99_MS} ms)`,
  );
  ok = ratio >= GOAL_RATIO && platform.p99 <= GOAL_P99_MS;
  if (!ok) console.log('goal not met');
} finally {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (bare && bare.exitCode === null) {
    const exited = new Promise((r) => bare!.once('exit', r));
    bare.kill('SIGTERM');
    await exited;
  }
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
