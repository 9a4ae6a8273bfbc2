/**
 * `npm run bench -- NAME [args]`: runs bench/NAME.bench.ts with the rest of the arguments, on the Node
 * that runs this file. npm puts node_modules/.bin first on PATH, so that is the project's Node 24 even
 * where the machine's own `node` is 20 (which cannot run TypeScript files).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = import.meta.dirname;
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const [given, ...args] = process.argv.slice(2);
// `bench/startup.bench.ts` and `startup.bench.ts` name the same bench as `startup`.
const name = given && path.basename(given).replace(/\.bench\.ts$/, '');
if (!name || !names.includes(name)) {
  console.error(
    `${given ? `没有名为「${given}」的基准测试。` : '请指定要运行的基准测试。'}用法：npm run bench -- 名称 [参数]\n` +
      `可用的名称：${names.join('、')}`,
  );
  process.exit(2);
}

const child = spawn(process.execPath, [path.join(dir, `${name}.bench.ts`), ...args], { stdio: 'inherit' });
// Ctrl-C reaches the bench through the terminal's process group: the runner waits for it to stop the
// servers it started. A SIGTERM sent to the runner alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + os.constants.signals[signal] : (code ?? 1));
});
