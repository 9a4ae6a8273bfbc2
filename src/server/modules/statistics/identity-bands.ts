/**
 * 性别 and 年龄段 of stars. The form asks neither: both are read from the 身份证号 (star-form.ts), which is
 * stored sealed (decision 0016). The sex digit (the 17th) is part of the stored mask, so sex is counted
 * in SQL from the mask; the birth date is not, so age bands open the envelopes here, in memory, and keep
 * only the band. No number, date or name leaves this file: the result is counts per band.
 */
import { sql } from 'kysely';
import { normaliseIdentifier } from '#core/identity/normalise.ts';
import { isSealed } from '#core/identity/personal-fields.ts';
import { AGE_BANDS, type AgeBand, ageBandInYear } from '#core/statistics/age-bands.ts';
import type { Db } from '#server/platform/db/database.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { open } from '#server/platform/personal-data/envelope.ts';
import type { Counted, Scope } from './queries.ts';

const WINNER = sql`n.state in ('selected', 'forwarded')`;

function scoped(scope: Scope) {
  const units = scope.unitIds === null ? sql`` : sql` and n.unit_id = any(${scope.unitIds}::uuid[])`;
  return sql`n.campaign_id = any(${scope.campaignIds}::uuid[]) and n.state not in ('draft', 'withdrawn') and n.category = 'star'${units}`;
}
const isEmpty = (scope: Scope) => scope.campaignIds.length === 0 || scope.unitIds?.length === 0;

export async function countsBySex(db: Db, scope: Scope): Promise<(Counted & { sex: string })[]> {
  if (isEmpty(scope)) return [];
  const id = sql`coalesce(n.form -> 'idNumber' ->> 'mask', n.form ->> 'idNumber', '')`;
  const { rows } = await sql<Counted & { sex: string }>`
    select case when length(${id}) <> 18 or substr(${id}, 17, 1) !~ '[0-9]' then '未知'
                when substr(${id}, 17, 1)::int % 2 = 1 then '男' else '女' end as sex,
      count(*)::int as nominations, (count(*) filter (where ${WINNER}))::int as winners
    from nominations n where ${scoped(scope)}
    group by 1`.execute(db);
  return rows;
}

/** Birth dates read before, by envelope: the same sealed value always opens to the same date. */
const birthDates = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

function birthDateOf(value: unknown): string | undefined {
  const cacheKey = isSealed(value) ? value.ct : typeof value === 'string' ? value : undefined;
  if (cacheKey === undefined) return undefined;
  const known = birthDates.get(cacheKey);
  if (known !== undefined) return known ?? undefined;
  let raw = '';
  try {
    raw = isSealed(value) ? open('idNumber', value, dataKeys()) : (value as string);
  } catch {
    // A value the present keys cannot open counts as 未知, as a missing number does.
  }
  const digits = normaliseIdentifier(raw);
  const date = /^\d{17}[\dX]$/.test(digits)
    ? `${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`
    : null;
  if (birthDates.size >= CACHE_LIMIT) birthDates.clear();
  birthDates.set(cacheKey, date);
  return date ?? undefined;
}

export async function countsByAgeBand(db: Db, scope: Scope): Promise<(Counted & { band: AgeBand })[]> {
  const bands = new Map<AgeBand, Counted>(AGE_BANDS.map((b) => [b, { nominations: 0, winners: 0 }]));
  if (!isEmpty(scope)) {
    const { rows } = await sql<{ id: unknown; year: number; winner: boolean }>`
      select n.form -> 'idNumber' as id, c.year, ${WINNER} as winner
      from nominations n join campaigns c on c.id = n.campaign_id
      where ${scoped(scope)}`.execute(db);
    for (const row of rows) {
      const band = bands.get(ageBandInYear(birthDateOf(row.id), row.year))!;
      band.nominations++;
      if (row.winner) band.winners++;
    }
  }
  return [...bands].map(([band, c]) => ({ band, ...c }));
}
