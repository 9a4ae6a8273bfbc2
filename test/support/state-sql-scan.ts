/**
 * Finds writes in test code that make a state the platform did not make (house rule 11): a Kysely
 * `.set({ state | status: … })` or insert with one, an insert into an aggregate's table (its row would be
 * born without its service), and raw `UPDATE … SET state|status =` or `INSERT INTO <aggregate>`. A write
 * with `// SQL on purpose: <why>` on it or in the three lines above is what the test is about (legacy or
 * corrupt contents) and is not reported.
 */

/** Tables whose rows carry a state of a transition table, in Kysely's and in SQL's spelling. */
const AGGREGATE_TABLES = new Set([
  'nominations',
  'campaigns',
  'materials',
  'exportPackages',
  'export_packages',
  'paperDispatches',
  'paper_dispatches',
]);

export const ON_PURPOSE = '// SQL on purpose';

export interface StateWrite {
  line: number;
  text: string;
}

const KYSELY_WRITE = /\.(updateTable|insertInto)\(\s*['"`](\w+)(?:\s+as\s+\w+)?['"`]\s*\)/g;
const STATE_KEY = /\b(state|status)\s*:/;
const RAW_UPDATE = /\bUPDATE\s+"?(\w+)"?(?:\s+(?:AS\s+)?\w+)?\s+SET\b[^`'";]*?\b(state|status)\s*=/gi;
const RAW_INSERT = /\bINSERT\s+INTO\s+"?(\w+)"?/gi;

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** The Kysely statement from its write call to its `.execute…(`, at most a screenful. */
function statementFrom(source: string, index: number): string {
  const rest = source.slice(index, index + 1500);
  const end = rest.search(/\.execute\w*\(/);
  return end === -1 ? rest : rest.slice(0, end);
}

function onPurpose(lines: string[], first: number, last: number): boolean {
  return lines.slice(Math.max(0, first - 4), last).some((l) => l.includes(ON_PURPOSE));
}

/** The state writes in one file's source, each with its first line (1-based). */
export function findStateWrites(source: string): StateWrite[] {
  const lines = source.split('\n');
  const found: StateWrite[] = [];
  const report = (index: number, statement: string) => {
    const line = lineOf(source, index);
    if (onPurpose(lines, line, line + statement.split('\n').length - 1)) return;
    found.push({ line, text: statement.replace(/\s+/g, ' ').trim().slice(0, 120) });
  };
  for (const m of source.matchAll(KYSELY_WRITE)) {
    const statement = statementFrom(source, m.index);
    const [, verb, table] = m;
    if (STATE_KEY.test(statement) || (verb === 'insertInto' && AGGREGATE_TABLES.has(table!))) {
      report(m.index, statement);
    }
  }
  for (const m of source.matchAll(RAW_UPDATE)) report(m.index, m[0]);
  for (const m of source.matchAll(RAW_INSERT)) {
    if (AGGREGATE_TABLES.has(m[1]!)) report(m.index, m[0]);
  }
  return found.sort((a, b) => a.line - b.line);
}
