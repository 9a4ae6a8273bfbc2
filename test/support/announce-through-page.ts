/**
 * 公示 through the organiser's routes from a browser test's page: drafted from the shortlist, scheduled
 * from today (Beijing), opened; the campaign enters 公示中 with it.
 */
import type { Page } from 'playwright-core';
import { todayInShanghai } from '#core/calendar/today.ts';
import { pageApi } from './browser.ts';

export async function announceThroughPage(page: Page, campaignId: string, now = new Date()) {
  const base = `/api/campaigns/${campaignId}/announcement`;
  const created = (await pageApi(page, 'POST', base, {})).announcement;
  const scheduled = (
    await pageApi(page, 'POST', `${base}/schedule`, {
      version: created.version,
      startDay: todayInShanghai(now),
    })
  ).announcement;
  return (await pageApi(page, 'POST', `${base}/open`, { version: scheduled.version })).announcement;
}
