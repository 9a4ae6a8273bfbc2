/**
 * `npm run bench -- NAME [args]` runs bench/NAME.bench.ts on the project's Node 24, even when the machine's
 * own `node` (and the npm that runs on it) is 20, which cannot run TypeScript files.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The system's npm first (Debian's runs on its Node 20), as on a fresh machine.
const env = { ...process.env, PATH: `/usr/bin:/bin:${process.env.PATH}` };
const npmRunBench = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'bench', '--', ...args], { cwd: root, env, encoding: 'utf8' });

describe('npm run bench', () => {
  it('runs the named bench with the arguments after its name', () => {
    // nominations-load checks its arguments before it starts anything: its own refusal proves it ran, with them.
    const result = npmRunBench('nominations-load', '--seconds', '0');
    expect(result.stderr).toContain('--seconds must be in (0, 600]');
    expect(result.status).not.toBe(0);
  });

  it('refuses an unknown name and lists the names there are', () => {
    const result = npmRunBench('nominations');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有名为「nominations」的基准测试');
    const names = readdirSync(path.join(root, 'bench'))
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => f.replace('.bench.ts', ''));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(result.stderr).toContain(name);
  });
});
