import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileViolations, moduleCycles, moduleGraph } from '#test/support/layering.ts';

const root = new URL('..', import.meta.url);

/** The repository's TypeScript files as git knows them (tracked and new), built output aside. */
function sources() {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx'],
    { cwd: root, encoding: 'utf8' },
  );
  return listed
    .split('\n')
    .filter((file) => file && !file.startsWith('node_modules'))
    .map((file) => ({ file, source: readFileSync(new URL(file, root), 'utf8') }));
}

describe('layering', () => {
  const files = sources();

  it('finds the files it checks', () => {
    expect(files.some((f) => f.file === 'src/core/findings.ts')).toBe(true);
    expect(files.some((f) => f.file.startsWith('web/src/'))).toBe(true);
  });

  it('every import keeps to its layer and names other areas by alias', () => {
    const broken = files.flatMap(({ file, source }) => fileViolations(file, source));
    expect(broken.map((v) => `${v.file}: '${v.specifier}' (${v.rule})`)).toEqual([]);
  });

  it('no two server modules import each other, directly or around a loop', () => {
    const graph = moduleGraph(files);
    expect(graph.get('materials')?.has('nominations')).toBe(true);
    expect(moduleCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('docs/architecture.md lists every module with the modules it really imports', () => {
    const graph = moduleGraph(files);
    const real = Object.fromEntries([...graph].map(([name, to]) => [name, [...to].sort().join(', ') || '—']));
    const table = readFileSync(new URL('docs/architecture.md', root), 'utf8')
      .split('\n')
      .map((line) => /^\| ([a-z][a-z-]*) +\|.*\| ([a-z, —-]+?) *\|$/.exec(line))
      .filter((m) => m !== null && m[1] !== 'module');
    expect(Object.fromEntries(table.map((m) => [m![1], m![2]]))).toEqual(real);
  });
});

describe('the layering check catches', () => {
  const rules = (file: string, source: string) => fileViolations(file, source).map((v) => v.rule);

  it('an import that climbs two folders', () => {
    expect(rules('src/server/modules/x/a.ts', "import { y } from '../../platform/y.ts';")).toEqual([
      'climbs two or more folders: use a package alias (#core/…)',
    ]);
    expect(rules('src/server/modules/x/a.ts', "import { y } from '#server/platform/y.ts';")).toEqual([]);
  });

  it('a single climb out of its area, which names the alias to use', () => {
    expect(rules('src/cli/runtime.ts', "import { buildApp } from '../server/app.ts';")).toEqual([
      'leaves src/cli: use its alias (#server/…)',
    ]);
    expect(rules('src/cli/commands/a.ts', "import { x } from '../runtime.ts';")).toEqual([]);
  });

  it('core reaching the server, Node or an unlisted package', () => {
    expect(rules('src/core/a.ts', "import { db } from '#server/platform/db/database.ts';")).toEqual([
      'src/core imports only src/core',
    ]);
    expect(rules('src/core/a.ts', "import { readFile } from 'node:fs/promises';")).toEqual([
      'src/core uses only zod, opencc-js, chinese-days, @zxcvbn-ts/core, @zxcvbn-ts/language-common',
    ]);
    expect(rules('src/core/a.ts', "import dayjs from 'dayjs';")).toEqual([
      'src/core uses only zod, opencc-js, chinese-days, @zxcvbn-ts/core, @zxcvbn-ts/language-common',
    ]);
    expect(rules('src/core/a.ts', "import { z } from 'zod';\nimport { b } from './b.ts';")).toEqual([]);
    expect(rules('src/core/a.test.ts', "import { it } from 'vitest';")).toEqual([]);
  });

  it('the web app importing the server, also by a dynamic import', () => {
    expect(rules('web/src/a.tsx', "const m = await import('#server/app.ts');")).toEqual([
      'web never imports src/server',
    ]);
    expect(rules('web/src/a.tsx', "import { x } from '#core/findings.ts';")).toEqual([]);
  });

  it('platform importing a module', () => {
    expect(rules('src/server/platform/a.ts', "export { x } from '../modules/audit/service.ts';")).toEqual([
      'platform never imports modules',
    ]);
  });

  it('a cycle between modules', () => {
    const graph = moduleGraph([
      { file: 'src/server/modules/a/x.ts', source: "import { y } from '../b/y.ts';" },
      { file: 'src/server/modules/b/y.ts', source: "import { z } from '#server/modules/c/z.ts';" },
      { file: 'src/server/modules/c/z.ts', source: "import type { X } from '../a/x.ts';" },
      { file: 'src/server/modules/d/w.ts', source: "import { y } from '../b/y.ts';" },
    ]);
    expect(moduleCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    graph.get('c')!.clear();
    expect(moduleCycles(graph)).toEqual([]);
  });
});
