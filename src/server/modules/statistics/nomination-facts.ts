/**
 * Keeps nomination_facts (migration 0026) up to date for a scope before its figures are counted: the
 * nominations whose facts are missing or from an older form version are read in batches, their facts
 * taken from core's nominationFacts (opening only the sealed 身份证号, in memory), and written back.
 * On a quiet dashboard this is one anti-join that finds nothing.
 */
import { sql } from 'kysely';
import { isSealed } from '#core/identity/personal-fields.ts';
import { nominationFacts } from '#core/statistics/nomination-facts.ts';
import type { Db } from '#server/platform/db/database.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { open } from '#server/platform/personal-data/envelope.ts';
import { inScope, isEmptyScope, type Scope } from './scope-sql.ts';

const BATCH = 1000;

function idNumberOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isSealed(value)) return undefined;
  try {
    return open('idNumber', value, dataKeys());
  } catch {
    // A value the present keys cannot open counts as 未知, as a missing number does.
    return undefined;
  }
}

/** Brings the scope's facts up to date; how many nominations were read again. */
export async function refreshNominationFacts(db: Db, scope: Scope): Promise<number> {
  if (isEmptyScope(scope)) return 0;
  const { rows: stale } = await sql<{ id: string }>`
    select n.id from nominations n left join nomination_facts f on f.nomination_id = n.id
    where ${inScope(scope)} and f.version is distinct from n.version`.execute(db);
  for (let start = 0; start < stale.length; start += BATCH) {
    const ids = stale.slice(start, start + BATCH).map((r) => r.id);
    const rows = await db
      .selectFrom('nominations as n')
      .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
      .select(['n.id', 'n.version', 'n.category', 'n.form', 'c.year'])
      .where('n.id', 'in', ids)
      .execute();
    const facts = rows.map((r) => {
      const form = (r.form ?? {}) as Record<string, unknown>;
      const f = nominationFacts(r.category, form, r.year, idNumberOf(form.idNumber));
      return { nominationId: r.id, version: r.version, ...f };
    });
    await db
      .insertInto('nominationFacts')
      .values(facts)
      .onConflict((oc) =>
        oc
          .column('nominationId')
          .doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            sector: eb.ref('excluded.sector'),
            focusGroups: eb.ref('excluded.focusGroups'),
            online: eb.ref('excluded.online'),
            offline: eb.ref('excluded.offline'),
            sex: eb.ref('excluded.sex'),
            ageBand: eb.ref('excluded.ageBand'),
          }))
          // Two views refreshing at once: the facts of the newer form stay.
          .where('nominationFacts.version', '<', sql<number>`excluded.version`),
      )
      .execute();
  }
  return stale.length;
}
