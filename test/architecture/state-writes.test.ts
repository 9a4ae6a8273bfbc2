import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStateWrites, misplacedStateWrites, TRANSITION_FILES } from './state-writes.ts';

const SERVER = path.resolve(import.meta.dirname, '../../src/server');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/state-writes');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('state writes (house rule 1)', () => {
  it('writes state and status only in the transition functions', () => {
    const misplaced = sources(SERVER).flatMap((file) =>
      misplacedStateWrites(path.relative(SERVER, file), readFileSync(file, 'utf8')),
    );
    expect(misplaced).toEqual([]);
  });

  it('finds the writes the transition functions make: the scan sees real code', () => {
    for (const allowed of TRANSITION_FILES) {
      const writes = findStateWrites(allowed, readFileSync(path.join(SERVER, allowed), 'utf8'));
      expect(writes.length, allowed).toBeGreaterThan(0);
    }
  });

  it('fails on a deliberately wrong write, in each form', () => {
    // A file that writes states in every form the scan knows (a fixture, so the test-code scan leaves it be).
    const wrong = readFileSync(path.join(FIXTURES, 'misplaced-writes.txt'), 'utf8');
    expect(misplacedStateWrites('modules/materials/sneak.ts', wrong).map((w) => w.line)).toEqual([
      3, 5, 9, 10, 11,
    ]);
    // The same text is allowed in a transition function's file.
    expect(misplacedStateWrites('modules/materials/transition-material.ts', wrong)).toEqual([]);
  });

  it('leaves alone what is not a write of a state', () => {
    const fine = `
      await trx.updateTable('materials').set({ previewKey }).where('state', '=', 'converting').execute();
      await trx.insertInto('auditLog').values({ action, before: json(entry.before) }).execute();
      const rows = await sql\`SELECT m.state FROM materials m WHERE m.state IN ('pending')\`.execute(db);
      return { state: row.state, status: 200 };`;
    expect(findStateWrites('x.ts', fine)).toEqual([]);
  });
});
