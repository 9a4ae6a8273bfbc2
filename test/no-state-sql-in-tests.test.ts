/**
 * No test sets a state with SQL (house rule 11): tests build their rows with the factories
 * (test/support/factories), which go through the real services and transition functions. A write that
 * is what a test is about (legacy or corrupt contents) says so with `// SQL on purpose: <why>`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStateWrites, type StateWrite } from '#test/support/state-sql-scan.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/state-sql');

/**
 * Material and package states are still forced in these files until the materials module has its one
 * transition function for each (transitionMaterial, transitionPackage); the count is how many writes each
 * holds. The entries go when those tests move to it: a count that no longer matches fails below.
 */
const WAITING: Record<string, { writes: number; reason: string }> = {
  'test/server/modules/materials/check-job.test.ts': {
    writes: 2,
    reason: 'waits for transitionMaterial (material back to pending for a re-check)',
  },
  'test/server/modules/materials/materials-api.test.ts': {
    writes: 3,
    reason: 'waits for transitionMaterial (a converted copy, a pending and a failed file)',
  },
  'test/server/modules/materials/job-support.ts': {
    writes: 1,
    reason: 'waits for transitionMaterial (a pending row beside the upload path, for the workers)',
  },
  'test/server/modules/documents/packages.test.ts': {
    writes: 2,
    reason: 'waits for transitionMaterial and transitionPackage (checked files, a queued package)',
  },
};

/** Every test file and test helper: test/ whole, and the tests and their support beside src/. */
async function testSources(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of ['test', 'src']) {
    for (const entry of await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      if (!entry.isFile() || !/\.tsx?$/.test(file)) continue;
      if (dir === 'src' && !/\.test(-support)?\.tsx?$/.test(file)) continue;
      files.push(file.split(path.sep).join('/'));
    }
  }
  return files.sort();
}

describe('the scan', () => {
  it('reports every state write in test code: Kysely and raw SQL, updates and aggregate inserts', async () => {
    const found = findStateWrites(await readFile(path.join(FIXTURES, 'forces-states.txt'), 'utf8'));
    expect(found.map((w) => w.line)).toEqual([4, 9, 11, 12, 13]);
    expect(found[0]!.text).toContain(".set({ state: 'selected' })");
  });

  it('lets other writes and a write marked “SQL on purpose” pass', async () => {
    expect(findStateWrites(await readFile(path.join(FIXTURES, 'allowed-writes.txt'), 'utf8'))).toEqual([]);
  });
});

describe('test code', () => {
  it('sets no state with SQL, apart from the material and package writes that wait for their function', async () => {
    const unmarked: string[] = [];
    const waiting: Record<string, number> = {};
    for (const file of await testSources()) {
      const writes: StateWrite[] = findStateWrites(await readFile(path.join(ROOT, file), 'utf8'));
      if (writes.length === 0) continue;
      if (WAITING[file]) waiting[file] = writes.length;
      else unmarked.push(...writes.map((w) => `${file}:${w.line} ${w.text}`));
    }
    expect(unmarked, 'build these rows with test/support/factories, or mark them // SQL on purpose').toEqual(
      [],
    );
    expect(waiting).toEqual(Object.fromEntries(Object.entries(WAITING).map(([f, w]) => [f, w.writes])));
  });
});
