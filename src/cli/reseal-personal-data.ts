/**
 * Every table that keeps personal data sealed (docs/decisions/0016), brought under the current key
 * together: at every start, before anything is served (runtime.ts), and by `tuijie rotate-key`. Each
 * module reseals its own rows; this list is the one place that names them all.
 */
import { resealAccounts } from '#server/modules/accounts/reseal-accounts.ts';
import { resealNominations } from '#server/modules/nominations/reseal-nominations.ts';
import { resealObjections } from '#server/modules/objections/reseal-objections.ts';
import { resealExperts } from '#server/modules/review/reseal-experts.ts';
import { resealWinners } from '#server/modules/winners/reseal-winners.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import {
  assertKeysKnownIn,
  type ResealCounts,
  type ResealOptions,
} from '#server/platform/personal-data/reseal-batches.ts';

interface SealedTable {
  table: string;
  /** What its rows are, as the operator reads it: “推介”, “往届入选记录”… */
  what: string;
  reseal: (db: Db, keyring: DataKeyring, options?: ResealOptions) => Promise<ResealCounts>;
}

export const SEALED_TABLES: readonly SealedTable[] = [
  { table: 'nominations', what: '推介', reseal: resealNominations },
  { table: 'previous_winners', what: '往届入选记录', reseal: resealWinners },
  { table: 'review_experts', what: '评审专家信息', reseal: resealExperts },
  { table: 'accounts', what: '账号联系电话', reseal: resealAccounts },
  { table: 'objections', what: '异议人信息', reseal: resealObjections },
];

/** Refuses to go on when any row is sealed with a key the keyring does not hold. */
export async function assertPersonalDataKeysKnown(db: Db, keyring: DataKeyring) {
  for (const { table } of SEALED_TABLES) await assertKeysKnownIn(db, table, keyring);
}

export type ResealReport = { what: string; counts: ResealCounts }[];

export async function resealPersonalData(
  db: Db,
  keyring: DataKeyring,
  options: ResealOptions = {},
): Promise<ResealReport> {
  const report: ResealReport = [];
  for (const { what, reseal } of SEALED_TABLES)
    report.push({ what, counts: await reseal(db, keyring, options) });
  return report;
}

/** Lines for the operator: what was sealed or moved to the current key, nothing when nothing was. */
export const resealLines = (report: ResealReport) =>
  report.flatMap(({ what, counts }) =>
    counts.sealed + counts.rotated === 0
      ? []
      : [`${what}：${counts.sealed} 条原为明文、现已加密，${counts.rotated} 条由旧密钥改用当前密钥加密`],
  );
