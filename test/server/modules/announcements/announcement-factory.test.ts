/**
 * newAnnouncement makes what the organiser would (an open 公示 moves the campaign to 公示中; a closed one
 * has passed its end day on the manual clock), and only the campaign's organiser manages a 公示.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCampaign } from '#server/modules/campaigns/queries.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, type TestApp } from '#test/support/app.ts';
import {
  loginAs,
  moveCampaign,
  newAnnouncement,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

const clock = manualClock('2026-11-02T09:00:00+08:00');
let t: TestApp;
let org: TestOrganiser;
let unit: TestUnit;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await newOrganiser(t);
  unit = await newUnit(t, org);
}, 120_000);
afterAll(() => t?.close());

async function shortlistedCampaign() {
  const campaign = await newCampaign(t, org);
  const n = await newNomination(t, { campaign, unit, state: 'accepted' });
  await moveCampaign(t, campaign, 'reviewing');
  await transitionNomination(t.context.db, org.admin.actor, n.id, { to: 'shortlisted', now: clock.now() });
  return { campaign, n };
}

describe('newAnnouncement', () => {
  it('opens a 公示 from today by default, moving the campaign to 公示中; closed needs the end day passed', {
    timeout: 120_000,
  }, async () => {
    const { campaign, n } = await shortlistedCampaign();
    // Another organiser's admin and the unit may not draft it: nothing stored.
    const stranger = await newOrganiser(t);
    for (const account of [stranger.admin, unit.submitter]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/announcement`,
        headers: as(await loginAs(t.app, account)),
      });
      expect([403, 404]).toContain(response.statusCode);
    }
    expect(await t.database.db.selectFrom('announcements').selectAll().execute()).toEqual([]);

    const open = await newAnnouncement(t, campaign);
    expect(open).toMatchObject({ startDay: '2026-11-02', endDay: '2026-11-06' });
    expect(open.entries).toEqual([{ id: expect.any(String), nominationId: n.id, name: expect.any(String) }]);
    expect((await findCampaign(t.database.db, campaign.id))!.status).toBe('announcing');

    const second = await shortlistedCampaign();
    const closed = await newAnnouncement(t, second.campaign, { state: 'closed' });
    expect(clock.now().toISOString()).toBe('2026-11-06T16:10:00.000Z');
    const row = await t.database.db
      .selectFrom('announcements')
      .select(['state', 'closedAt'])
      .where('id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('closed');
  });
});
