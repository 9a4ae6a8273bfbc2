import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, auditValue, fieldLabel } from './labels.ts';

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

  it('shows states, categories and ids by the names people know', () => {
    const names = { '0f8c1e2a-1111-4222-8333-444455556666': '长春市教育局' };
    expect(auditValue('status', 'draft', names)).toBe('筹备中');
    expect(auditValue('state', 'returned', names)).toBe('退回修改');
    expect(auditValue('category', 'project', names)).toBe('终身学习品牌项目');
    expect(auditValue('unitId', '0F8C1E2A-1111-4222-8333-444455556666', names)).toBe('长春市教育局');
    expect(auditValue('order', ['0f8c1e2a-1111-4222-8333-444455556666'], names)).toEqual(['长春市教育局']);
    expect(auditValue('special', true, names)).toBe('是');
    expect(auditValue('reason', 'draft', names)).toBe('draft');
    expect(auditValue('bytes', 1024, names)).toBe(1024);
    expect(fieldLabel('nominationId')).toBe('推介');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });
});
