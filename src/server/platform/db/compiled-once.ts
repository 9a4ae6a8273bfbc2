/**
 * A query of fixed shape, built and compiled by Kysely once; each call sends only its values. Kysely
 * builds a query as frozen nodes, runs the plugins over them and compiles the text on every call: on the
 * deadline-day load (bench/nominations-load.bench.ts) that was about a sixth of the server's CPU, spent
 * making the same few texts again and again (the session, the campaign, a nomination, the audit row).
 *
 * The builder is called once with stand-ins for its arguments; each stand-in must reach the query as a
 * value (a parameter), never decide its shape: the builder must not branch on an argument, spread an
 * object argument or pass a list to `in`. An argument that does not come out as a parameter is refused on
 * the first call.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Trx } from './database.ts';

/** Stands for the builder's argument `index` while the query is compiled. */
class Slot {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
}

type Part = { slot: number } | { value: unknown };

export interface CompiledOnce<Args extends unknown[], Row> {
  all(db: Db | Trx, ...args: Args): Promise<Row[]>;
  first(db: Db | Trx, ...args: Args): Promise<Row | undefined>;
  /** For statements without rows (UPDATE, INSERT without RETURNING): how many rows they touched. */
  run(db: Db | Trx, ...args: Args): Promise<bigint>;
}

export function compiledOnce<Args extends unknown[], Row>(
  build: (db: Db | Trx, ...args: Args) => Compilable<Row>,
): CompiledOnce<Args, Row> {
  let template: { compiled: CompiledQuery<Row>; parts: Part[] } | undefined;

  const compile = (db: Db | Trx, arity: number) => {
    const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
    const compiled = build(db, ...(slots as unknown as Args)).compile();
    const used = new Set<number>();
    const parts = compiled.parameters.map((p): Part => {
      if (!(p instanceof Slot)) return { value: p };
      used.add(p.index);
      return { slot: p.index };
    });
    const unused = slots.filter((s) => !used.has(s.index)).map((s) => s.index);
    if (unused.length > 0)
      throw new Error(
        `compiledOnce: argument ${unused.join(', ')} is not a value of the query:\n${compiled.sql}`,
      );
    return { compiled, parts };
  };

  const execute = (db: Db | Trx, args: Args) => {
    template ??= compile(db, args.length);
    const { compiled, parts } = template;
    const parameters = parts.map((part) => ('slot' in part ? args[part.slot] : part.value));
    return db.executeQuery<Row>({ ...compiled, parameters });
  };

  return {
    all: async (db, ...args) => (await execute(db, args)).rows,
    first: async (db, ...args) => (await execute(db, args)).rows[0],
    run: async (db, ...args) => (await execute(db, args)).numAffectedRows ?? 0n,
  };
}
