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
  it('sets no state with SQL', async () => {
    const unmarked: string[] = [];
    for (const file of await testSources()) {
      const writes: StateWrite[] = findStateWrites(await readFile(path.join(ROOT, file), 'utf8'));
      unmarked.push(...writes.map((w) => `${file}:${w.line} ${w.text}`));
    }
    expect(unmarked, 'build these rows with test/support/factories, or mark them // SQL on purpose').toEqual(
      [],
    );
  });
});
