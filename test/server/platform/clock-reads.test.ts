import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * House rule 11: the server reads the time only through the app's clock (`context.clock.now()`, or a
 * `now` handed down), so tests move it across deadlines, 公示 periods and New Year. This scan fails when
 * a real-time read appears anywhere else in src/server.
 */
const root = path.resolve(import.meta.dirname, '../../..');

/** Files that may read the real time, each with its reason. */
const REAL_TIME_ALLOWED: Record<string, string> = {
  'src/server/platform/clock.ts': 'the system clock itself',
  'src/server/platform/db/leftover-server.ts': 'waits for a leftover process to stop: elapsed real time',
  'src/server/platform/db/migrate.ts':
    'when a migration was applied: bookkeeping of the schema, not of a round',
  'src/server/platform/metrics/routes.ts':
    'how long a job has waited in pg-boss, which stamps and schedules jobs by the database time',
  'src/server/platform/storage/disk-storage.ts':
    'abandoned partial uploads age by the real time @tus/server stamps them with',
};

const READS: { pattern: RegExp; what: string }[] = [
  { pattern: /\bnew Date\(\s*\)/, what: 'new Date()' },
  { pattern: /\bDate\.now\(\)/, what: 'Date.now()' },
  // SQL's clock: `now()` that is not a method (`clock.now()`), CURRENT_DATE, CURRENT_TIMESTAMP.
  { pattern: /(?<![.\w])now\(\)/, what: 'SQL now()' },
  { pattern: /\b(current_date|current_timestamp|localtimestamp)\b/i, what: 'SQL current time' },
];

/** Each line of `source` that reads the real time, with what it reads. Comments are skipped. */
function realTimeReads(source: string): { line: number; what: string; text: string }[] {
  return source.split('\n').flatMap((text, index) => {
    const code = text.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
    return READS.filter((r) => r.pattern.test(text)).map((r) => ({
      line: index + 1,
      what: r.what,
      text: code,
    }));
  });
}

async function serverFiles(dir = path.join(root, 'src/server')): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return serverFiles(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    }),
  );
  return nested.flat();
}

describe('time reads in src/server', () => {
  it('go through the app’s clock everywhere but the listed files', async () => {
    const found: string[] = [];
    for (const file of await serverFiles()) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (relative in REAL_TIME_ALLOWED) continue;
      for (const read of realTimeReads(await readFile(file, 'utf8')))
        found.push(`${relative}:${read.line} ${read.what}: ${read.text}`);
    }
    expect(found, '请改为 context.clock.now() 或由调用方传入 now').toEqual([]);
  });

  it('catches each kind of read, and leaves the clock, comments and words alone', () => {
    const fixture = [
      'const now = context.clock.now();',
      '// new Date() in a comment says why, it reads nothing',
      ' * Date.now() in a doc comment',
      'const when = new Date(row.at);',
      'const nowhere = snowfall();',
      '.set({ updatedAt: new Date() })',
      'if (Date.now() > until) throw e;',
      ".where('expiresAt', '>', sql`now()`)",
      'sql`SELECT CURRENT_DATE`',
    ].join('\n');
    expect(realTimeReads(fixture).map((r) => [r.line, r.what])).toEqual([
      [6, 'new Date()'],
      [7, 'Date.now()'],
      [8, 'SQL now()'],
      [9, 'SQL current time'],
    ]);
  });

  it('lists only files that exist', async () => {
    const files = new Set((await serverFiles()).map((f) => path.relative(root, f).split(path.sep).join('/')));
    for (const allowed of Object.keys(REAL_TIME_ALLOWED)) expect(files.has(allowed), allowed).toBe(true);
  });
});
