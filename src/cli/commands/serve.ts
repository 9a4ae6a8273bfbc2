import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#server/app.ts';
import {
  formatCredentials,
  pendingDemoCredentials,
  saveDemoCredentials,
} from '#server/platform/demo-credentials-file.ts';
import { growHeapForServing } from '#server/platform/heap-growth.ts';
import { parseProcessRole } from '#server/platform/process-role.ts';
import { checkFilesFolder } from '#server/platform/storage/files-folder.ts';
import { seedDemoDecision } from '#server/seed/demo-decision.ts';
import { seedDemoMaterials } from '#server/seed/demo-materials.ts';
import { seedDemoShowcase } from '#server/seed/demo-showcase.ts';
import { isEmpty, seedDemo } from '#server/seed/seed-demo.ts';
import { openRuntime } from '../runtime.ts';

export const summary = '启动平台（--demo：空数据库时生成演示数据；--role web|worker|all：进程角色）';

/** Requests under way when a stop begins get this long to finish; then their connections are cut. */
const REQUEST_GRACE_MS = 10_000;

/** Stops taking requests (new ones on open connections get 503), lets those under way finish, then closes. */
async function closeHttp(app: FastifyInstance): Promise<void> {
  // A browser keeps its connection open after an answer; the server would wait for it to time out.
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  const cut = setTimeout(() => app.server.closeAllConnections(), REQUEST_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean', default: false }, role: { type: 'string' } },
  });
  const role = parseProcessRole(values.role);
  if (typeof role !== 'string') {
    console.error(role.error);
    return 2;
  }
  growHeapForServing();
  // A stop by signal is how a service is stopped: a clean exit.
  const runtime = await openRuntime(undefined, { exitCodeOnSignal: () => 0 });
  const { config, db } = runtime;
  try {
    if (!config.s3) await checkFilesFolder(db, config.filesDir);
    if (values.demo && (await isEmpty(db))) {
      // A first start spends most of its time here (about 15 s on 2 cores): say what is being made.
      const step = (n: number, what: string) => console.log(`正在生成演示数据（${n}/4）：${what}……`);
      step(1, '账号、单位与推介活动');
      await saveDemoCredentials(config.varDir, await seedDemo(db, { now: runtime.clock.now() }));
      step(2, '一轮已完成评审与公示的推介');
      // Before the app's workers start: the finished round's 公示 is moved by the seed's days, not today's tick.
      await seedDemoDecision(runtime, runtime.clock.now());
      step(3, '推介材料（照片、视频与推介表）');
      await seedDemoMaterials(db, runtime.storage);
      step(4, '优秀事迹展示的图片与视频');
      // The published national round for 优秀事迹展示, with its own pictures and films.
      await seedDemoShowcase(runtime, runtime.clock.now());
    }
    const app = await buildApp(runtime, { role });
    runtime.onClose(() => closeHttp(app));
    const pending = await pendingDemoCredentials(db, config.varDir);
    await app.listen({ host: config.host, port: config.port });
    const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const base = `http://${shownHost}:${config.port}`;
    const lines = [
      '',
      ...(role === 'worker'
        ? [`推介平台已启动（后台任务进程，不提供网页与接口）：运行状态 ${base}/api/health/ready`]
        : [
            `推介平台已启动：${base}${role === 'web' ? '（网页进程，后台任务由 worker 进程处理）' : ''}`,
            `接口文档：${base}/api/docs`,
          ]),
      `数据库：${runtime.embedded ? `内置 PostgreSQL（数据在 ${runtime.databaseDir}）` : '外部 PostgreSQL（DATABASE_URL）'}`,
      ...runtime.databaseNotes.map((note) => `  ${note}`),
      ...runtime.dataKeyNotes.map((note) => `  ${note}`),
    ];
    if (pending.length > 0) {
      lines.push('', '演示账号（一次性密码，首次登录后须修改）：', formatCredentials(pending));
    }
    console.log(`${lines.join('\n')}\n`);
  } catch (e) {
    // Stopped while starting: the database went away under the start, and the stop exits by itself.
    if (runtime.closing()) return new Promise<number>(() => {});
    // A refusal (another machine's files folder): close the database and the queue, then say why.
    await runtime.close();
    throw e;
  }
  return new Promise<number>(() => {});
}
