/**
 * Uploads against the issue's goals, measured in one run on loopback:
 *  1. One 300 MB file: a tus upload to the real app (`/api/uploads`, tus-js-client, one request unless
 *     --chunk-mib is given) against a bare Node `http` server streaming the same bytes to disk with
 *     `pipeline` (the runtime's own limit). Goal: tus at least 80% of bare; the app's peak RSS less than
 *     64 MB above its idle RSS.
 *  2. 20 uploads of 50 MB at once (to 20 nominations): aggregate at least 125 MB/s (a 1 Gbit/s line),
 *     memory bounded (the same 64 MB is printed as the yardstick). The bare server's figure is printed
 *     beside it.
 * Rounds alternate bare and tus so neither gets the warmer page cache or the quieter moment; medians.
 *
 *   node bench/uploads.bench.ts [--rounds 3] [--size-mb 300] [--concurrent 20] [--each-mb 50] [--chunk-mib 0]
 *
 * The app runs as `serve --demo` (embedded PostgreSQL in a throwaway folder under .tmp, or DATABASE_URL
 * when set) in its own process; the demo unit account 长春市教育局 uploads into star drafts' video slot.
 * The files are random bytes: a "video" that fails its check afterwards, which the upload does not wait for.
 * MB here is 10^6 bytes.
 */

import { createReadStream, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tus from 'tus-js-client';
import { freePort } from '../src/server/platform/free-port.ts';
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
const appPort = await freePort();
const app = await spawnNode(
  ['src/cli/main.ts', 'serve', '--demo'],
  {
    PORT: String(appPort),
    HOST: '127.0.0.1',
    TUIJIE_VAR_DIR: varDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
  },
  /推介平台已启动/,
);
const base = `http://127.0.0.1:${appPort}`;

/** One tus upload of `file` into a nomination's video slot; resolves when the server confirmed the end. */
function tusUpload(who: Session, nominationId: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: `${base}/api/uploads`,
      chunkSize,
      retryDelays: null,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
      metadata: { nominationId, setKey: 'star', slotId: 'video', filename: '事迹视频.mp4' },
      onSuccess: () => resolve(),
      onError: reject,
    });
    upload.start();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
const f1 = (x: number) => x.toFixed(1);
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
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

  // Warm-up: the first upload loads the tus route's code and the job's; idle is measured after it.
  await putFile(barePort, warmFile);
  await tusUpload(unit, draft(), warmFile);
  const appIdle = await idleRss(app.pid);
  const bareIdle = await idleRss(bare.pid);

  // 1. One large file, rounds alternating.
  const bigBytes = statSync(bigFile).size;
  const bareMs: number[] = [];
  const tusMs: number[] = [];
  let barePeak = 0;
  let appPeak = 0;
  for (let r = 0; r < rounds; r++) {
    const steps: [string, () => Promise<void>][] = [
      [
        'bare',
        async () => {
          const s = rssSampler(bare.pid);
          bareMs.push(await timed(() => putFile(barePort, bigFile)));
          barePeak = Math.max(barePeak, await s.stop());
        },
      ],
      [
        'tus',
        async () => {
          const s = rssSampler(app.pid);
          tusMs.push(await timed(() => tusUpload(unit, draft(), bigFile)));
          appPeak = Math.max(appPeak, await s.stop());
        },
      ],
    ];
    for (const [, step] of r % 2 ? steps.reverse() : steps) await step();
  }
  const bareRate = mbps(bigBytes, median(bareMs));
  const tusRate = mbps(bigBytes, median(tusMs));
  const ratio = tusRate / bareRate;
  const appAbove = (appPeak - appIdle) / MB;

  // 2. Many at once. Idle again, as the large uploads may have left the heap larger.
  const eachBytes = statSync(eachFile).size;
  const appIdle2 = await idleRss(app.pid);
  const bareS = rssSampler(bare.pid);
  const bareAllMs = await timed(() =>
    Promise.all(Array.from({ length: concurrent }, () => putFile(barePort, eachFile))),
  );
  const bareAllPeak = await bareS.stop();
  const appS = rssSampler(app.pid);
  const targets = Array.from({ length: concurrent }, draft);
  const tusAllMs = await timed(() => Promise.all(targets.map((id) => tusUpload(unit, id, eachFile))));
  const appAllPeak = await appS.stop();
  const allBytes = eachBytes * concurrent;
  const tusAllRate = mbps(allBytes, tusAllMs);
  const appAllAbove = (appAllPeak - appIdle2) / MB;

  const chunkText = Number.isFinite(chunkSize) ? `${chunkSize / 1024 / 1024} MiB 一块` : '一个请求';
  console.log(
    `机器：${os.availableParallelism()} 核，负载 ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}；客户端与服务器在同一台机器（回环）`,
  );
  console.log(`\n1. 单个 ${f1(bigBytes / MB)} MB 文件，${rounds} 轮中位数（tus：${chunkText}）`);
  console.log(
    `  裸 http + pipeline 写盘   ${f1(bareRate).padStart(7)} MB/s   峰值内存比空闲高 ${f1((barePeak - bareIdle) / MB)} MB`,
  );
  console.log(
    `  tus 上传到平台            ${f1(tusRate).padStart(7)} MB/s   峰值内存比空闲高 ${f1(appAbove)} MB（空闲 ${f1(appIdle / MB)} MB，峰值 ${f1(appPeak / MB)} MB）`,
  );
  console.log(
    `  速度比 ${(ratio * 100).toFixed(0)}%，目标 ≥ ${GOAL_RATIO * 100}%：${verdict(ratio >= GOAL_RATIO)}`,
  );
  console.log(
    `  内存 ${f1(appAbove)} MB，目标 < ${GOAL_MEMORY_MB} MB：${verdict(appAbove < GOAL_MEMORY_MB)}`,
  );
  console.log(
    `  每轮（ms）：裸 ${bareMs.map((m) => m.toFixed(0)).join(' ')}；tus ${tusMs.map((m) => m.toFixed(0)).join(' ')}`,
  );
  console.log(`\n2. ${concurrent} 个 ${f1(eachBytes / MB)} MB 文件同时上传（共 ${f1(allBytes / MB)} MB）`);
  console.log(
    `  裸 http + pipeline 写盘   ${f1(mbps(allBytes, bareAllMs)).padStart(7)} MB/s   峰值内存比空闲高 ${f1((bareAllPeak - bareIdle) / MB)} MB`,
  );
  console.log(
    `  tus 上传到平台            ${f1(tusAllRate).padStart(7)} MB/s   峰值内存比空闲高 ${f1(appAllAbove)} MB（空闲 ${f1(appIdle2 / MB)} MB，峰值 ${f1(appAllPeak / MB)} MB）`,
  );
  console.log(
    `  总速度目标 ≥ ${GOAL_CONCURRENT_MBPS} MB/s：${verdict(tusAllRate >= GOAL_CONCURRENT_MBPS)}；内存（参照 < ${GOAL_MEMORY_MB} MB）：${verdict(appAllAbove < GOAL_MEMORY_MB)}`,
  );
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await app.stop();
  await bare.stop();
  await rm(varDir, { recursive: true, force: true });
}
process.exit(exitCode);
