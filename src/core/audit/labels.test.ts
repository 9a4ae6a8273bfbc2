import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel } from './labels.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? sources(full)
      : full.endsWith('.ts') && !full.endsWith('.test.ts')
        ? [full]
        : [];
  });
}

describe('audit labels', () => {
  it('name in Chinese every action the server writes', () => {
    const written = new Set<string>();
    for (const file of sources(path.resolve(import.meta.dirname, '../../server'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /action: (?:\w+ \? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g,
      )) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(15);
    expect([...written].filter((a) => !ACTION_LABELS[a])).toEqual([]);
  });

  it('shows an unknown code as it is', () => {
    expect(actionLabel('future.action')).toBe('future.action');
  });
});
