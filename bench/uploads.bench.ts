/**
 * Uploads against the issue's goals, measured in one run on loopback:
 *  1. One 300 MB file: a tus upload to the real app (`/api/uploads`, tus-js-client, one request unless
 *     --chunk-mib is given) against a bare Node `http` server streaming the same bytes to disk with
 *     `pipeline` (the runtime's own limit). Goal: tus at least 80% of bare; the app's peak RSS less than
 *     64 MB above its idle RSS.
 *  2. 20 uploads of 50 MB at once (to 20 nominations): aggregate at least 125 MB/s (a 1 Gbit/s line),
 *     memory bounded (the same 64 MB is printed as the yardstick). The bare server's figure is printed
 *     beside it.
 * A third server, bare @tus/server with its FileStore and nothing else, shows what the tus library costs
 * and what the app adds. Each round runs the three in another order, so none always gets the warmer
 * page cache or the quieter moment; medians of the rounds.
 *
 *   npm run bench -- uploads [--rounds 3] [--size-mb 300] [--concurrent 20] [--each-mb 50] [--chunk-mib 0] [--s3]
 *
 * --s3: the app stores into s3rver (in its own process) through @tus/s3-store, and so does the bare tus
 * server (the library's S3Store, parts side by side); the platform's speed is then also printed against
 * that line, the same store reached bare. s3rver writes every part to disk and copies them again to
 * assemble, so the bare http line (to disk) is no ceiling for it.
 *
 * The app runs as `serve --demo` (embedded PostgreSQL in a throwaway folder under .tmp, or DATABASE_URL
 * when set) in its own process; the demo unit account 长春市教育局 uploads into star drafts' video slot.
 * The files are random bytes: a "video" that fails its check afterwards, which the upload does not wait for.
 * MB here is 10^6 bytes.
 *
 * To see where the app spends its time: APP_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" passes
 * Node options to the app's process only.
 */

import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tus from 'tus-js-client';
import { freePort } from '#server/platform/free-port.ts';
import { cpuSeconds, untilQuiet } from './nominations-load/drive.ts';
import {
  benchFile,
  call,
  firstLogin,
  idleRss,
  putFile,
  root,
  rssSampler,
  type Session,
  spawnNode,
} from './uploads-support.ts';

const MB = 1_000_000;
const GOAL_RATIO = 0.8;
const GOAL_MEMORY_MB = 64;
const GOAL_CONCURRENT_MBPS = 125;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'size-mb': { type: 'string', default: '300' },
    concurrent: { type: 'string', default: '20' },
    'each-mb': { type: 'string', default: '50' },
    'chunk-mib': { type: 'string', default: '0' },
    s3: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
const sizeMb = Number(args['size-mb']);
const concurrent = Number(args.concurrent);
const eachMb = Number(args['each-mb']);
const chunkSize =
  Number(args['chunk-mib']) > 0 ? Number(args['chunk-mib']) * 1024 * 1024 : Number.POSITIVE_INFINITY;

const tmp = path.join(root, '.tmp', 'upload-bench');
await mkdir(tmp, { recursive: true });
const varDir = await mkdtemp(path.join(root, '.tmp', 'bench-uploads-'));
await chmod(varDir, 0o755); // the embedded server (run as `postgres` under root) must enter it
const bareDir = path.join(varDir, 'bare');
await mkdir(bareDir);

const bigFile = await benchFile(tmp, sizeMb * MB);
const eachFile = await benchFile(tmp, eachMb * MB);
const warmFile = await benchFile(tmp, 10 * MB);

const bare = await spawnNode(['bench/uploads-bare-server.ts', bareDir], {}, /listening (\d+)/);
const barePort = Number(bare.match[1]);
// With --s3 the app and the bare tus server store into s3rver (its own process) instead of a folder.
const s3 = args.s3 ? await spawnNode(['bench/uploads-s3rver.ts'], {}, /s3rver (\S+) (\S+)/) : null;
const libDir = path.join(varDir, 'tus-lib');
await mkdir(libDir);
const lib = await spawnNode(
  ['bench/uploads-bare-tus-server.ts', libDir, ...(s3 ? [s3.match[1]!, s3.match[2]!] : [])],
  {},
  /listening (\d+)/,
);
const libPort = Number(lib.match[1]);
const s3Env = s3
  ? {
      S3_BUCKET: s3.match[2]!,
      S3_ENDPOINT: s3.match[1]!,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    }
  : {};
const appPort = await freePort();
const app = await spawnNode(
  ['src/cli/main.ts', 'serve', '--demo'],
  {
    PORT: String(appPort),
    HOST: '127.0.0.1',
    TUIJIE_VAR_DIR: varDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...(process.env.APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.APP_NODE_OPTIONS } : {}),
    ...s3Env,
  },
  /推介平台已启动/,
);
const base = `http://127.0.0.1:${appPort}`;

/** One tus upload of `file`; resolves when the server confirmed the last byte. */
function tusUpload(
  endpoint: string,
  file: string,
  extra: { headers?: Record<string, string>; metadata?: Record<string, string> } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(file), {
      endpoint,
      chunkSize,
      retryDelays: null,
      headers: extra.headers ?? {},
      metadata: extra.metadata ?? {},
      onSuccess: () => resolve(),
      onError: reject,
    });
    upload.start();
  });
}

/** Into a star draft's video slot of the app, as the unit's browser does. */
const appUpload = (who: Session, nominationId: string, file: string) =>
  tusUpload(`${base}/api/uploads`, file, {
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    metadata: { nominationId, setKey: 'star', slotId: 'video', filename: '事迹视频.mp4' },
  });
const libUpload = (file: string) => tusUpload(`http://127.0.0.1:${libPort}/files`, file);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
const f1 = (x: number) => x.toFixed(1);
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');
/** Pads to a width in terminal columns, a Chinese character taking two. */
const pad = (text: string, columns: number) =>
  text +
  ' '.repeat(Math.max(0, columns - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

interface Target {
  label: string;
  pid: number;
  idle: number;
  /** Uploads one file (a fresh upload each call). */
  upload(file: string): Promise<void>;
  ms: number[];
  /** CPU seconds of the server's process tree (its database included) per upload measured. */
  cpu: number[];
  /** Of `cpu`, what the app's database spent. */
  dbCpu: number[];
  /** CPU seconds of this process (the client) per upload measured. */
  clientCpu: number[];
  peak: number;
}

/**
 * Flushes what the previous uploads left in the page cache and waits until every server and the app's
 * database are idle (the app checks each file after its upload, and a demo's first start has its own
 * jobs), so no measurement pays for the work of another.
 */
async function settle() {
  execFileSync('sync');
  await untilQuiet([app.pid, lib.pid, bare.pid]);
}

/** Runs `count` uploads of `file` to the target at once, sampling its RSS; returns the wall time. */
async function measure(target: Target, file: string, count: number) {
  await settle();
  const sampler = rssSampler(target.pid);
  const before = await cpuSeconds([target.pid]);
  const ms = await timed(() => Promise.all(Array.from({ length: count }, () => target.upload(file))));
  const after = await cpuSeconds([target.pid]);
  target.peak = Math.max(target.peak, await sampler.stop());
  target.cpu.push(after.server + after.postgres - before.server - before.postgres);
  target.dbCpu.push(after.postgres - before.postgres);
  target.clientCpu.push(after.client - before.client);
  return ms;
}

let exitCode = 0;
try {
  const password = app.output().match(/^ {2}changchun +(\S{12}) {3}/m)?.[1];
  if (!password) throw new Error(`no demo password for changchun in:\n${app.output()}`);
  const unit = await firstLogin(base, 'changchun', password);
  const { items: campaigns } = await call<{ items: { id: string; organiserName: string; status: string }[] }>(
    unit,
    'GET',
    '/api/campaigns',
  );
  const campaign = campaigns.find((c) => c.organiserName === '吉林省教育厅' && c.status === 'open');
  if (!campaign) throw new Error('no open campaign of 吉林省教育厅 for 长春市教育局');
  const drafts: string[] = [];
  for (let i = 0; i < 1 + rounds + concurrent; i++) {
    const { nomination } = await call<{ nomination: { id: string } }>(
      unit,
      'POST',
      '/api/nominations',
      { campaignId: campaign.id, category: 'star' },
      [201],
    );
    drafts.push(nomination.id);
  }
  const draft = () => drafts.shift()!;

  // Warm-up: the first upload loads each server's code paths; idle memory is measured after it.
  const targets: Target[] = (
    [
      { label: '裸 http + pipeline 写盘', pid: bare.pid, upload: (f) => putFile(barePort, f) },
      {
        label: s3 ? '裸 @tus/server + S3Store' : '裸 @tus/server + FileStore',
        pid: lib.pid,
        upload: libUpload,
      },
      { label: 'tus 上传到平台（/api/uploads）', pid: app.pid, upload: (f) => appUpload(unit, draft(), f) },
    ] as Pick<Target, 'label' | 'pid' | 'upload'>[]
  ).map((t) => ({ ...t, idle: 0, ms: [], cpu: [], dbCpu: [], clientCpu: [], peak: 0 }));
  for (const t of targets) await t.upload(warmFile);
  for (const t of targets) t.idle = await idleRss(t.pid);

  // 1. One large file; each round in another order.
  const bigBytes = statSync(bigFile).size;
  for (let r = 0; r < rounds; r++) {
    const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
    for (const t of order) t.ms.push(await measure(t, bigFile, 1));
  }
  const [bareT, libT, appT] = targets as [Target, Target, Target];
  const rate = (t: Target) => mbps(bigBytes, median(t.ms));
  const above = (t: Target) => (t.peak - t.idle) / MB;
  const ratio = rate(appT) / rate(bareT);
  const appAbove = above(appT);
  const single = targets.map((t) => ({
    label: t.label,
    rate: rate(t),
    above: above(t),
    idle: t.idle,
    peak: t.peak,
    ms: t.ms,
    // CPU per 100 MB does not depend on which other process had the machine's cores at that moment, as the
    // speed on a 2-core machine shared with the client does: it is what the server itself costs.
    cpu: (median(t.cpu) / bigBytes) * 100 * MB,
    dbCpu: (median(t.dbCpu) / bigBytes) * 100 * MB,
    clientCpu: (median(t.clientCpu) / bigBytes) * 100 * MB,
  }));

  // 2. Many at once. Idle again: the large uploads may have left a heap larger than before.
  const eachBytes = statSync(eachFile).size;
  const allBytes = eachBytes * concurrent;
  const many: { label: string; rate: number; above: number; idle: number; peak: number }[] = [];
  for (const t of targets) {
    t.idle = await idleRss(t.pid);
    t.peak = 0;
    const ms = await measure(t, eachFile, concurrent);
    many.push({ label: t.label, rate: mbps(allBytes, ms), above: above(t), idle: t.idle, peak: t.peak });
  }
  const appMany = many[2]!;

  const chunkText = `${Number.isFinite(chunkSize) ? `${chunkSize / 1024 / 1024} MiB 一块` : '一个请求'}${s3 ? '；平台存入 s3rver' : ''}`;
  const row = (x: {
    label: string;
    rate: number;
    above: number;
    idle: number;
    peak: number;
    ms?: number[];
    cpu?: number;
    dbCpu?: number;
    clientCpu?: number;
  }) =>
    console.log(
      `  ${pad(x.label, 32)}${f1(x.rate).padStart(8)} MB/s   峰值内存比空闲高 ${f1(x.above).padStart(6)} MB（空闲 ${f1(x.idle / MB)}，峰值 ${f1(x.peak / MB)}）${x.cpu === undefined ? '' : `   每 100 MB 服务器 CPU ${x.cpu.toFixed(2)} s${x.dbCpu ? `（数据库 ${x.dbCpu.toFixed(2)} s）` : ''}，客户端 ${x.clientCpu!.toFixed(2)} s`}${x.ms ? `   各轮 ${x.ms.map((m) => m.toFixed(0)).join('/')} ms` : ''}`,
    );
  console.log(
    `机器：${os.availableParallelism()} 核，负载 ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}；客户端与服务器在同一台机器（回环），客户端为 tus-js-client（tus）或 http.request（裸 http）`,
  );
  console.log(`\n1. 单个 ${f1(bigBytes / MB)} MB 文件，${rounds} 轮中位数（tus：${chunkText}）`);
  for (const x of single) row(x);
  console.log(
    `  平台 / 裸 http 速度比 ${(ratio * 100).toFixed(0)}%，目标 ≥ ${GOAL_RATIO * 100}%：${verdict(ratio >= GOAL_RATIO)}`,
  );
  if (s3)
    console.log(
      `  （存入 S3 时裸 http 写的是磁盘：同一 s3rver 上，平台 / 裸 @tus/server + S3Store 速度比 ${((rate(appT) / rate(libT)) * 100).toFixed(0)}%）`,
    );
  console.log(
    `  平台峰值内存比空闲高 ${f1(appAbove)} MB，目标 < ${GOAL_MEMORY_MB} MB：${verdict(appAbove < GOAL_MEMORY_MB)}`,
  );
  console.log(
    `\n2. ${concurrent} 个 ${f1(eachBytes / MB)} MB 文件同时上传（共 ${f1(allBytes / MB)} MB），总速度`,
  );
  for (const x of many) row(x);
  console.log(
    `  平台总速度目标 ≥ ${GOAL_CONCURRENT_MBPS} MB/s：${verdict(appMany.rate >= GOAL_CONCURRENT_MBPS)}；内存（参照 < ${GOAL_MEMORY_MB} MB）：${verdict(appMany.above < GOAL_MEMORY_MB)}`,
  );
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await app.stop();
  await lib.stop();
  await bare.stop();
  await s3?.stop();
  await rm(varDir, { recursive: true, force: true });
}
process.exit(exitCode);
