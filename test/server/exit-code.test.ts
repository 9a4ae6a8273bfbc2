import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('exit codes', () => {
  it('survive loading the embedded PostgreSQL module, whose exit hook would turn them into 0', () => {
    const script = "await import('./src/server/platform/db/embedded-postgres.ts'); process.exitCode = 3;";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
