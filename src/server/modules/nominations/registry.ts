/**
 * The registry check of one nomination (decision 0005): published lists and every nomination that was
 * ever submitted, compared by core (previous-winners.ts) in the nomination's round, for its reader.
 */
import { sql } from 'kysely';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { Finding } from '#core/findings.ts';
import {
  matchPreviousWinners,
  type PreviousWinnerRecord,
  plainFinding,
  type RecordOutcome,
} from '#core/nomination/previous-winners.ts';
import { provinceOfRegion } from '#core/nomination/province.ts';
import { registryCandidate } from '#core/nomination/registry-candidate.ts';
import type { NominationState } from '#core/nomination/states.ts';
import { inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { matchHash } from '#server/platform/personal-data/envelope.ts';
import { birthDateHash } from '#server/platform/personal-data/sealed-form.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { winnerRecords } from '../winners/service.ts';
import type { NominationRow } from './queries.ts';
import { nominationRules } from './rules.ts';

const OUTCOMES: Partial<Record<NominationState, RecordOutcome>> = {
  submitted: 'in_progress',
  returned: 'in_progress',
  accepted: 'in_progress',
  shortlisted: 'in_progress',
  selected: 'won',
  forwarded: 'won',
  not_selected: 'not_selected',
  withdrawn: 'withdrawn',
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

type Scoped = PreviousWinnerRecord & { keeperPath: string };

/** Nominations of a category that were submitted at some point, as registry records. */
async function nominationRecords(db: Db | Trx, category: Category, today: string): Promise<Scoped[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as organiser', 'organiser.id', 'c.organiserId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select([
      'n.id',
      'n.state',
      'n.form',
      'n.idNumberHash',
      'n.birthDateHash',
      'n.campaignId',
      'n.unitId',
      'c.year',
      'c.level',
      'c.organiserId',
      'organiser.name as organiserName',
      'organiser.path as organiserPath',
      'organiser.regionCode as organiserRegion',
      'u.name as unitName',
      'u.regionCode as unitRegion',
    ])
    .where('n.category', '=', category)
    .where('n.submittedAt', 'is not', null)
    .where('n.state', '!=', 'draft')
    .execute();
  return rows.flatMap((n) => {
    const outcome = OUTCOMES[n.state];
    if (!outcome) return [];
    // Sealed at rest: the person is compared by the keyed hashes stored beside the form, never opened.
    const form = n.form as Record<string, unknown>;
    const candidate = registryCandidate(category, form, today);
    return [
      {
        ...candidate,
        idNumber: n.idNumberHash ?? undefined,
        birthDate: n.birthDateHash ?? undefined,
        year: n.year,
        level: n.level,
        category,
        name: candidate.name?.trim() ?? '',
        province: n.unitName,
        unit: text(candidate.unit),
        provinceCode: provinceOfRegion(n.unitRegion) ?? provinceOfRegion(n.organiserRegion),
        organiserId: n.organiserId,
        organiserName: n.organiserName,
        nominationId: n.id,
        campaignId: n.campaignId,
        unitId: n.unitId,
        outcome,
        keeperPath: n.organiserPath,
      },
    ];
  });
}

/**
 * The nominations joined to this one by forwarding: the sources it was copied from and the copies
 * made of it, up and down the levels. They are one nomination moving up, never a duplicate.
 */
export async function forwardingChain(db: Db | Trx, id: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, forwarded_from FROM nominations WHERE id = ${id}
      UNION SELECT n.id, n.forwarded_from FROM nominations n JOIN up ON n.id = up.forwarded_from
    ), down AS (
      SELECT id FROM nominations WHERE id = ${id}
      UNION SELECT n.id FROM nominations n JOIN down ON n.forwarded_from = down.id
    )
    SELECT id FROM up UNION SELECT id FROM down`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * The candidate with its ID number and birth date as keyed hashes, as nominations' are
 * stored (migration 0021): core compares them for equality only, so hashes match exactly when the
 * values do.
 */
function hashed<T extends { idNumber?: string; birthDate?: string }>(record: T, keyring: DataKeyring): T {
  return {
    ...record,
    idNumber: record.idNumber?.trim()
      ? (matchHash('idNumber', record.idNumber, keyring) ?? undefined)
      : undefined,
    birthDate: hashedBirthDate(record.birthDate, keyring),
  };
}

const hashedBirthDate = (date: string | undefined, keyring: DataKeyring) =>
  date ? (birthDateHash(date, keyring) ?? undefined) : undefined;

/** The province a nominee stands in: the nominating unit's, else the campaign organiser's. */
async function provinceOf(db: Db | Trx, unitId: string, organiserId: string) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'regionCode'])
    .where('id', 'in', [unitId, organiserId])
    .execute();
  const region = (id: string) => rows.find((r) => r.id === id)?.regionCode;
  return provinceOfRegion(region(unitId)) ?? provinceOfRegion(region(organiserId));
}

/**
 * What the registry says about a nomination, for `reader`: its organiser reads the details of the
 * records it may see; its unit only that the person or programme was nominated or has won, and whom
 * to ask. `form` is the form on the screen when it differs from the saved one. Without a reader (the
 * platform itself), everything is said in full.
 */
export async function registryFindings(
  db: Db | Trx,
  n: NominationRow,
  campaign: CampaignRow,
  reader: Principal | null,
  now: Date,
  form: Record<string, unknown> = n.form,
): Promise<Finding[]> {
  const category = n.category;
  const today = todayInShanghai(now);
  const [lists, nominations, related, provinceCode] = await Promise.all([
    winnerRecords(db, category),
    nominationRecords(db, category, today),
    forwardingChain(db, n.id),
    provinceOf(db, n.unitId, campaign.organiserId),
  ]);
  const organiser = reader === null || nominationRules.can(reader, 'actAsOrganiser', n);
  const keyring = dataKeys();
  const findings = matchPreviousWinners(
    { ...hashed(registryCandidate(category, form, today), keyring), nominationId: n.id, provinceCode },
    // The lists' ID numbers are stored as hashes already (migration 0027); their birth dates are clear.
    [
      ...lists.map((record) => ({ ...record, birthDate: hashedBirthDate(record.birthDate, keyring) })),
      ...nominations,
    ],
    {
      round: {
        level: campaign.level,
        organiserId: campaign.organiserId,
        campaignId: campaign.id,
        unitId: n.unitId,
      },
      related,
      audience: organiser ? 'organiser' : 'unit',
      ask: campaign.organiserName,
      seesDetails: (record) => reader === null || inSubtree(reader, (record as Scoped).keeperPath),
    },
  );
  // The matched records hold other people's data: only the plain findings leave the server.
  return findings.map(plainFinding);
}
