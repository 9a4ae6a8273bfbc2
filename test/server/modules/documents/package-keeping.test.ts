/**
 * Keeping submission packages (issue #15 item 5): a built ZIP is readable by the app's user only (0600 in a
 * 0700 folder); an identical request reuses the ready package instead of building again; the hourly sweep
 * expires packages past their retention on the app's clock and deletes their files; an expired package's
 * download is refused in Chinese, and a new request builds it again.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { PACKAGE_RETENTION_DAYS } from '#core/documents/package-retention.ts';
import { sweepPackages } from '#server/modules/documents/package-sweep.ts';
import { type ManualClock, manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let clock: ManualClock;
let changchun: Session;
let campaignId: string;
let rules: CampaignRules;

beforeAll(async () => {
  clock = manualClock();
  t = await createTestApp({ clock });
  changchun = await loginAs(t, 'changchun');
  ({
    campaign: { id: campaignId },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  const draft = await draftWith(t, changchun, campaignId, completeStar(rules, 501, { name: '张保管' }));
  const submitted = await call('POST', `/api/nominations/${draft.id}/submit`);
  if (submitted.statusCode !== 200) throw new Error(submitted.body);
}, 120_000);
afterAll(() => t.close());

function call(method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: as(changchun), ...(payload ? { payload } : {}) });
}

async function ready(id: string) {
  for (;;) {
    const p = (await call('GET', `/api/packages/${id}`)).json();
    if (p.state === 'ready' || p.state === 'failed') return p;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function request() {
  const requested = await call('POST', `/api/campaigns/${campaignId}/packages`, {});
  expect(requested.statusCode, requested.body).toBe(202);
  return requested.json() as { id: string; state: string };
}

const storageKeyOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('exportPackages')
      .select('storageKey')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).storageKey;

const buildJobs = async () =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'export-package'`.execute(
        t.database.db,
      )
    ).rows[0]!.n,
  );

let first: string;

describe('a built package', () => {
  it('is written readable by the app only: 0600, in a 0700 folder', async () => {
    first = (await request()).id;
    const p = await ready(first);
    expect(p.state, p.error).toBe('ready');
    expect(p.expiresAt).toBe(
      new Date(new Date(p.finishedAt).getTime() + PACKAGE_RETENTION_DAYS * 86_400_000).toISOString(),
    );
    const file = path.join(t.filesDir, (await storageKeyOf(first))!);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
  });

  it('is reused by an identical request: no second build', async () => {
    const jobsBefore = await buildJobs();
    const again = await request();
    expect(again.id).toBe(first);
    expect(again.state).toBe('ready');
    expect(await buildJobs()).toBe(jobsBefore);
    expect(jobsBefore).toBe(1);
    const rows = await t.database.db
      .selectFrom('exportPackages')
      .select('id')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('expires after its retention period: the sweep deletes its file, the download is refused in Chinese', async () => {
    const file = path.join(t.filesDir, (await storageKeyOf(first))!);
    expect(await sweepPackages(t.context, clock.now())).toEqual({ expired: 0, removed: 0 });
    clock.advance(PACKAGE_RETENTION_DAYS * 86_400_000 + 60_000);
    expect(await sweepPackages(t.context, clock.now())).toEqual({ expired: 1, removed: 1 });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    changchun = await relogin(t, 'changchun'); // a week later the session has lapsed too
    const shown = (await call('GET', `/api/packages/${first}`)).json();
    expect(shown).toMatchObject({ state: 'expired', downloadUrl: null, expiresAt: null });

    const download = await call('GET', `/api/packages/${first}/download`);
    expect(download.statusCode).toBe(410);
    expect(download.json()).toMatchObject({ code: 'PACKAGE_EXPIRED' });
    expect(download.json().message).toMatch(/已过期.*请重新生成/);

    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', first)
      .where('action', '=', 'package.expired')
      .execute();
    expect(audit).toHaveLength(1);

    // Asked again, it is built anew.
    const rebuilt = await request();
    expect(rebuilt.id).not.toBe(first);
    expect((await ready(rebuilt.id)).state).toBe('ready');
    expect(await buildJobs()).toBe(2);
  });
});
