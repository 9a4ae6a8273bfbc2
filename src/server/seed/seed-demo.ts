import { sql } from 'kysely';
import type { DemoCredential } from '#server/platform/demo-credentials-file.ts';
import { insertAccount } from '../modules/accounts/service.ts';
import type { OrganisationRow } from '../modules/organisations/queries.ts';
import { insertOrganisation, insertRootOrganisation } from '../modules/organisations/service.ts';
import type { Db, Trx } from '../platform/db/database.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, type SeedOrganisation } from './demo-organisations.ts';
import { seedDemoReview } from './demo-review.ts';

const SEED_LOCK = 7_461_020_241;

export type { DemoCredential };

async function insertTree(
  trx: Trx,
  parent: OrganisationRow,
  node: SeedOrganisation,
  byName: Map<string, OrganisationRow>,
) {
  const org = await insertOrganisation(trx, null, parent, node);
  byName.set(org.name, org);
  for (const child of node.children ?? []) await insertTree(trx, org, child, byName);
}

/** True when the database has no organisation yet: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst());
}

/**
 * Seeds the demo organisations, one account per role and this year's two demo campaigns (with nominations,
 * also a national campaign in expert review and its experts), all in one transaction, and returns the
 * accounts' one-time passwords (only their hashes are stored). Refuses to run on a non-empty database.
 */
export async function seedDemo(
  db: Db,
  /** `review: false` leaves out the review campaign (a database migrated only as far as before 0011). */
  options: { nominations?: boolean; review?: boolean; now: Date },
): Promise<DemoCredential[]> {
  return db.transaction().execute(async (trx) => {
    // Two first starts at once must not both seed: the second waits here, then finds data.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await trx.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) {
      throw new Error('数据库中已有单位数据，演示数据只在空数据库上生成');
    }
    const root = await insertRootOrganisation(trx, '推介平台');
    const byName = new Map([[root.name, root]]);
    await insertTree(trx, root, DEMO_ORGANISATIONS, byName);

    const credentials: DemoCredential[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const org = byName.get(a.organisation)!;
      const { initialPassword } = await insertAccount(trx, null, org, {
        username: a.username,
        displayName: a.displayName,
        roles: [...a.roles],
      });
      credentials.push({
        username: a.username,
        displayName: a.displayName,
        roles: a.roles,
        password: initialPassword,
      });
    }
    await seedDemoCampaigns(
      trx,
      { national: byName.get('中国成人教育协会')!, jilin: byName.get('吉林省教育厅')! },
      options.nominations === false ? null : byName.get('长春市教育局')!.id,
      options.now,
    );
    // The review demo needs nominations: a test that starts from empty campaigns has none.
    if (options.nominations !== false && options.review !== false)
      credentials.push(...(await seedDemoReview(trx, byName.get('中国成人教育协会')!, options.now)));
    return credentials;
  });
}
