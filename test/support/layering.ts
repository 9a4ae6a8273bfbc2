/**
 * The layering rules of ARCHITECTURE.md as a check over import specifiers, so a wrong import fails a test
 * instead of waiting for review. Pure over (path, source): the architecture test runs it on the repository
 * and on made-up files that break each rule.
 */
import path from 'node:path';
import ts from 'typescript';

/** The top areas; an import that leaves one names the other by its package alias. */
export const AREAS: Record<string, string> = {
  'src/core': '#core',
  'src/server': '#server',
  'src/cli': '#cli',
  'web/src': '#web',
  test: '#test',
  bench: '#bench',
};

/** What src/core may use besides itself: pure libraries that run in Node and in the browser alike. */
const CORE_PACKAGES = ['zod', 'opencc-js', 'chinese-days', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common'];
/** Core's own tests also run under Vitest and read fixtures from disk. */
const CORE_TEST_PACKAGES = ['vitest', 'fast-check', 'jszip', 'node:fs', 'node:path'];

const MODULES = 'src/server/modules/';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const areaOf = (file: string) =>
  Object.keys(AREAS).find((area) => file === area || file.startsWith(`${area}/`));

/** The repository path an import points at, or undefined for a package. */
export function targetOf(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.'))
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const alias = Object.entries(AREAS).find(([, a]) => specifier.startsWith(`${a}/`));
  return alias ? `${alias[0]}/${specifier.slice(alias[1].length + 1)}` : undefined;
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

const isTestFile = (file: string) => /\.test(-support)?\.tsx?$/.test(file);

const moduleOf = (file: string) =>
  file.startsWith(MODULES) ? file.slice(MODULES.length).split('/')[0] : undefined;

/** Every rule but the cycles, for one file. */
export function fileViolations(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  const area = areaOf(file);
  for (const specifier of importsOf(source)) {
    const broken = (rule: string) => found.push({ file, specifier, rule });
    const target = targetOf(file, specifier);
    if (specifier.startsWith('../../')) broken('climbs two or more folders: use a package alias (#core/…)');
    if (specifier.startsWith('.') && target && area && areaOf(target) !== area) {
      broken(`leaves ${area}: use its alias (${AREAS[areaOf(target) ?? ''] ?? '#…'}/…)`);
    }
    if (area === 'src/core') {
      if (target !== undefined && areaOf(target) !== 'src/core') broken('src/core imports only src/core');
      if (target === undefined && !specifier.startsWith('#')) {
        const allowed = isTestFile(file) ? [...CORE_PACKAGES, ...CORE_TEST_PACKAGES] : CORE_PACKAGES;
        if (!allowed.includes(packageName(specifier)))
          broken(`src/core uses only ${CORE_PACKAGES.join(', ')}`);
      }
    }
    if (file.startsWith('web/') && target?.startsWith('src/server/')) broken('web never imports src/server');
    if (file.startsWith('src/server/platform/') && target?.startsWith(MODULES)) {
      broken('platform never imports modules');
    }
  }
  return found;
}

/** Module → modules it imports (src/server/modules/<name>), from the files' imports. */
export function moduleGraph(files: { file: string; source: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, source } of files) {
    const from = moduleOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const specifier of importsOf(source)) {
      const to = moduleOf(targetOf(file, specifier) ?? '');
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Each cycle once, as the path that closes it (a → b → a). */
export function moduleCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      cycles.push([...trail.slice(at), node]);
      return;
    }
    if (seen.has(node)) return;
    for (const next of [...(graph.get(node) ?? [])].sort()) walk(next, [...trail, node]);
    seen.add(node);
  };
  for (const node of [...graph.keys()].sort()) walk(node, []);
  return cycles;
}
