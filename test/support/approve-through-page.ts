/**
 * 公示期满 and 审定 for a browser journey, whose server runs in another process: the server starts again
 * with its clock on the night after the 公示's end day (sessions lapse across it, so the journey's pages
 * sign in again), the platform's tick closes the 公示 (run here on the same database at that instant, as the
 * server's five-minute tick would), and the demo's 审定人 approves through the approval route from a page of
 * its own (the same call its 审定通过 button makes). The journey's pages wait on a blank page meanwhile and
 * sign in again afterwards.
 */

import type { Browser, Page } from 'playwright-core';
import { addDays } from '#core/calendar/iso-date.ts';
import { runAnnouncementTick } from '#server/modules/announcements/tick.ts';
import { startJobs } from '#server/platform/jobs/jobs.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { loginThroughPage, pageApi } from './browser.ts';
import type { TestDatabase } from './database.ts';
import type { ServerProcess } from './server-process.ts';

export async function approveThroughPage(
  browser: Browser,
  server: ServerProcess,
  database: TestDatabase,
  campaignId: string,
  announcement: { id: string; period: { endDay: string } | null },
  /** The journey's open pages: left while the server is away (their sessions lapse across the days). */
  pages: readonly Page[],
) {
  const after = new Date(`${addDays(announcement.period!.endDay, 1)}T00:10:00+08:00`);
  for (const page of pages) await page.goto('about:blank');
  await server.restart({ clock: after.toISOString() });
  const jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  try {
    // The restarted server's own tick may have closed it already; either way it must be closed now.
    const tick = await runAnnouncementTick(
      { db: database.db, jobs, publicPages: createPublicPages() },
      after,
    );
    const { state } = await database.db
      .selectFrom('announcements')
      .select('state')
      .where('id', '=', announcement.id)
      .executeTakeFirstOrThrow();
    if (state !== 'closed') throw new Error(`the 公示 is still ${state}: ${JSON.stringify(tick.refused)}`);
  } finally {
    await jobs.stop();
  }
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await loginThroughPage(
      page,
      server.url,
      'approver',
      server.passwords.get('approver')!,
      'Shending9Ok2026',
    );
    await pageApi(page, 'POST', `/api/campaigns/${campaignId}/approval`, {});
  } finally {
    await context.close();
  }
}
