import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '#core/accounts/roles.ts';
import { ACTIVITY_KINDS } from '#core/activities/kinds.ts';
import { ACTIVITY_PHOTO_TYPES } from '#core/activities/photo.ts';
import { OBJECTION_FILE_TYPES, PUBLICITY_FILE_TYPES } from '#core/announcement/file-types.ts';
import { ANNOUNCEMENT_STATES, CORRECTION_KINDS } from '#core/announcement/states.ts';
import { OVERRIDE_KINDS } from '#core/calendar/settings.ts';
import { CAMPAIGN_LEVELS, CATEGORIES } from '#core/campaign/rules.ts';
import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import { ORGANISATION_TYPES } from '#core/campaign/unit-types.ts';
import { PACKAGE_STATES } from '#core/documents/package-states.ts';
import { MATERIAL_SET_KEYS } from '#core/materials/nomination-slots.ts';
import { MATERIAL_STATES } from '#core/materials/states.ts';
import { NOMINATION_STATES } from '#core/nomination/states.ts';
import { NOTIFICATION_KINDS } from '#core/notifications/kinds.ts';
import { OBJECTION_EVENT_KINDS, OBJECTION_STATES, OBJECTOR_KINDS } from '#core/objection/states.ts';
import { SCAN_FORMATS } from '#core/paper/scan.ts';
import { RECORDED_PAPER_STATES } from '#core/paper/states.ts';
import { REVIEW_STATES } from '#core/review/review-states.ts';
import { ROUND_KINDS, ROUND_STATES } from '#core/review/round-states.ts';
import { STORY_STATES } from '#core/showcase/story.ts';
import { SHOWCASE_MEDIA_KINDS } from '#core/showcase/web-sizes.ts';
import { MIGRATIONS_DIR, migrate } from '#server/platform/db/migrate.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { seedDemoMaterials } from '#server/seed/demo-materials.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { tempFolder } from '#test/fixtures/media/generate.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

/** Core keeps some code lists as arrays and some as code → label maps; either way the codes. */
const codes = (list: readonly string[] | Record<string, string>) =>
  Array.isArray(list) ? [...list] : Object.keys(list);

/** Each coded column (table.column) and the codes core allows in it. */
const CODED_COLUMNS: Record<string, string[]> = {
  'organisations.type': codes(ORGANISATION_TYPES),
  'accounts.roles': codes(ROLES),
  'campaigns.level': codes(CAMPAIGN_LEVELS),
  'campaigns.status': codes(CAMPAIGN_STATES),
  'calendar_overrides.kind': codes(OVERRIDE_KINDS),
  'nominations.category': codes(CATEGORIES),
  'nominations.state': codes(NOMINATION_STATES),
  'previous_winners.level': codes(CAMPAIGN_LEVELS),
  'previous_winners.category': codes(CATEGORIES),
  'materials.set_key': codes(MATERIAL_SET_KEYS),
  'materials.state': codes(MATERIAL_STATES),
  'export_packages.state': codes(PACKAGE_STATES),
  'paper_dispatches.state': codes(RECORDED_PAPER_STATES),
  'paper_dispatches.scan_format': codes(SCAN_FORMATS),
  'review_rounds.kind': codes(ROUND_KINDS),
  'review_rounds.state': codes(ROUND_STATES),
  'reviews.state': codes(REVIEW_STATES),
  'shortlist_proposals.category': codes(CATEGORIES),
  'notifications.kind': codes(NOTIFICATION_KINDS),
  'announcements.state': codes(ANNOUNCEMENT_STATES),
  'announcement_entries.category': codes(CATEGORIES),
  'announcement_corrections.kind': codes(CORRECTION_KINDS),
  'objections.state': codes(OBJECTION_STATES),
  'objections.objector_kind': codes(OBJECTOR_KINDS),
  'objection_events.kind': codes(OBJECTION_EVENT_KINDS),
  'objection_files.content_type': codes(OBJECTION_FILE_TYPES),
  'unit_publicities.content_type': codes(PUBLICITY_FILE_TYPES),
  'winner_activities.kind': codes(ACTIVITY_KINDS),
  'winner_activity_photos.content_type': codes(ACTIVITY_PHOTO_TYPES),
  'showcase_stories.state': codes(STORY_STATES),
  'showcase_media.kind': codes(SHOWCASE_MEDIA_KINDS),
};

/**
 * Codes the audit log keeps are open on purpose: it records what happened in words of its time, and an
 * entry must never be refused (that would roll back the decision it records). See core/audit/labels.ts.
 */
const OPEN_COLUMNS = ['audit_log.entity_type'];

const CODED_NAME = '(^|_)(state|status|category|level|type|kind|roles|format|set_key)$';

const databases: TestDatabase[] = [];
let client: pg.Client;
beforeAll(async () => {
  const database = await createTestDatabase();
  databases.push(database);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await Promise.all(databases.map((d) => d.drop()));
});

/** The quoted codes of every single-column CHECK constraint, by table.column. */
async function checkedCodes(): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ col: string; def: string }>(
    `SELECT c.conrelid::regclass::text || '.' || a.attname AS col, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1`,
  );
  const byColumn = new Map<string, string[]>();
  for (const { col, def } of rows) {
    const literals = [...def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replaceAll("''", "'"));
    if (literals.length > 0) byColumn.set(col, [...(byColumn.get(col) ?? []), ...literals]);
  }
  return byColumn;
}

describe('migration 0010: coded columns hold only the codes core defines', () => {
  it('checks each coded column against exactly the codes in core', async () => {
    const checked = await checkedCodes();
    for (const [column, allowed] of Object.entries(CODED_COLUMNS)) {
      expect(checked.get(column)?.sort(), `${column}: add a migration that updates its CHECK`).toEqual(
        [...allowed].sort(),
      );
    }
  });

  it('knows every coded column of the schema, so a new one cannot go unchecked', async () => {
    const { rows } = await client.query<{ col: string }>(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations' AND column_name ~ $1`,
      [CODED_NAME],
    );
    expect(rows.map((r) => r.col).sort()).toEqual([...Object.keys(CODED_COLUMNS), ...OPEN_COLUMNS].sort());
  });

  it('refuses a code core does not know, and takes one it knows', async () => {
    const tryInsert = async (statement: string, params: unknown[]) => {
      await client.query('SAVEPOINT attempt');
      try {
        const { rows } = await client.query(statement, params);
        await client.query('RELEASE SAVEPOINT attempt');
        return rows[0];
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT attempt');
        throw error;
      }
    };
    await client.query('BEGIN');
    try {
      const org = (type: string) =>
        tryInsert(`INSERT INTO organisations (path, name, type) VALUES ($1, $2, $3) RETURNING id`, [
          `/${type}/`,
          `某单位（${type}）`,
          type,
        ]);
      await expect(org('ministry')).rejects.toThrow(/organisations_type_check/);
      const { id: orgId } = await org('provincial_edu');

      const account = (roles: string[]) =>
        tryInsert(
          `INSERT INTO accounts (organisation_id, username, display_name, password_hash, roles)
           VALUES ($1, $2, '某人', 'x', $3) RETURNING id`,
          [orgId, `user-${roles.join('-')}`, roles],
        );
      await expect(account(['unit_submitter', 'superuser'])).rejects.toThrow(/accounts_roles_known_check/);
      await account(['unit_submitter', 'expert']);

      const campaign = (level: string, status: string) =>
        // SQL on purpose: the database's own check is under test, so values no service would send.
        tryInsert(
          `INSERT INTO campaigns (organiser_id, year, level, title, status, rules)
           VALUES ($1, 2025, $2, '某活动', $3, '{}') RETURNING id`,
          [orgId, level, status],
        );
      await expect(campaign('county', 'draft')).rejects.toThrow(/campaigns_level_check/);
      await expect(campaign('provincial', 'closed')).rejects.toThrow(/campaigns_status_check/);
      const { id: campaignId } = await campaign('provincial', 'open');

      const nomination = (state: string, category = 'star') =>
        // SQL on purpose: the database's own check is under test, so values no service would send.
        tryInsert(
          `INSERT INTO nominations (campaign_id, unit_id, category, state) VALUES ($1, $2, $3, $4) RETURNING id`,
          [campaignId, orgId, category, state],
        );
      await expect(nomination('lapsed')).rejects.toThrow(/nominations_state_check/);
      await expect(nomination('draft', 'person')).rejects.toThrow(/nominations_category_check/);
      const { id: nominationId } = await nomination('draft');

      const winner = (level: string) =>
        tryInsert(
          `INSERT INTO previous_winners (organisation_id, year, level, category, name)
           VALUES ($1, 2022, $2, 'star', '张三') RETURNING id`,
          [orgId, level],
        );
      await expect(winner('county')).rejects.toThrow(/previous_winners_level_check/);
      await winner('national');

      const material = (setKey: string) =>
        // SQL on purpose: the database's own check is under test, so values no service would send.
        tryInsert(
          `INSERT INTO materials (nomination_id, set_key, slot_id, storage_key, file_name, bytes, sha256)
           VALUES ($1, $2, 'photos', 'k', 'a.jpg', 1, 'x') RETURNING id`,
          [nominationId, setKey],
        );
      await expect(material('special')).rejects.toThrow(/materials_set_key_check/);
      await material('specialStar');
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('applies to a database that already holds the demo data written before it', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const before = await mkdtemp(path.join(os.tmpdir(), 'migrations-before-0010-'));
    // Columns today's seed writes that came later and have nothing to do with 0010 come first too.
    const seedNeeds = [
      '0017_one_time_password_kept.sql',
      '0021_personal_data_sealed.sql',
      '0029_accounts_phone_sealed.sql',
    ];
    for (const file of await readdir(MIGRATIONS_DIR))
      if (file < '0010' || seedNeeds.includes(file))
        await copyFile(path.join(MIGRATIONS_DIR, file), path.join(before, file));
    await migrate(database.url, before);
    const files = tempFolder();
    try {
      // The review demo's tables came later (0011), so the demo as it was then, without it.
      await seedDemo(database.db, { nominations: true, review: false, now: new Date() });
      expect(await seedDemoMaterials(database.db, createDiskStorage(files.dir))).toBeGreaterThan(0);
      expect((await migrate(database.url))[0]).toBe('0010_column_value_checks');
    } finally {
      files.remove();
    }
  }, 120_000);
});
