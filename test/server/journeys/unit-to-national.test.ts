import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { lastMoveOf } from '#test/support/database.ts';
import { moveCampaignAs, sessionActor } from '#test/support/factories/index.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';

/**
 * The whole story through the API: 长春市教育局 goes from an empty table to a full 推介登记表
 * (minimum met, one special each), through a return for revision and a deadline extension; the Jilin
 * organiser reviews, approves, and forwards its selected star to the national round (whose deadline the
 * national organiser set later). Time passes by the app's clock.
 */
let t: TestApp;
let unit: Session;
let organiser: Session;
let national: Session;
// A date the official calendar covers through the 公示 that follows the deadline.
const clock = manualClock('2026-10-20T10:00:00+08:00');
beforeAll(async () => {
  t = await createTestApp({ clock });
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  national = await loginAs(t, 'cace-admin');
});
afterAll(() => t.close());

const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });

/** The national organiser closes its round two months after the provinces', in the rules editor. */
async function nationalDeadlineLater() {
  const target = (await campaignOf(t, national, '中国成人教育协会')).campaign;
  const detail = (await get(national, `/api/campaigns/${target.id}`)).json();
  const rules = detail.rules as CampaignRules;
  rules.deadline.date = addDays(rules.deadline.date!, 60);
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/campaigns/${target.id}/rules`,
    headers: as(national),
    payload: { rules, rulesVersion: detail.campaign.rulesVersion },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe('a unit from an empty table to a forwarded provincial winner', () => {
  it('walks the whole way', { timeout: 120_000 }, async () => {
    await nationalDeadlineLater();
    const { campaign, rules } = await campaignOf(t, unit, '吉林省教育厅');
    const dashboard = async () =>
      (await get(organiser, `/api/campaigns/${campaign.id}/quota-dashboard`))
        .json()
        .units.find((u: { unitName: string }) => u.unitName === '长春市教育局');
    expect((await dashboard()).star).toMatchObject({ used: 0, min: 6, max: 10 });

    const stars: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const n = await draftWith(t, unit, campaign.id, completeStar(rules, 700 + i));
      expect((await post(unit, `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
      stars.push(n.id);
    }
    const projects: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const n = await draftWith(
        t,
        unit,
        campaign.id,
        completeProject(rules, 700 + i, todayInShanghai(clock.now())),
        'project',
      );
      const submitted = await post(unit, `/api/nominations/${n.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      projects.push(n.id);
    }
    expect((await post(unit, `/api/nominations/${stars[6]}/special`, { special: true })).statusCode).toBe(
      200,
    );
    expect((await post(unit, `/api/nominations/${projects[4]}/special`, { special: true })).statusCode).toBe(
      200,
    );
    const reordered = await t.app.inject({
      method: 'PUT',
      url: '/api/nominations/registration',
      headers: as(unit),
      payload: { campaignId: campaign.id, category: 'star', order: [...stars].reverse() },
    });
    expect(reordered.statusCode).toBe(200);
    const full = await dashboard();
    expect(full.star).toMatchObject({ used: 6, special: 1 });
    expect(full.project).toMatchObject({ used: 4, special: 1 });
    expect(
      full.findings
        .filter((f: { code: string }) => f.code === 'QUOTA_BELOW_MIN')
        .map((f: { field: string }) => f.field),
    ).toEqual(['quota.project']);

    // The organiser returns one star; the deadline passes while the unit revises; an extension lets it resubmit.
    expect(
      (
        await post(organiser, `/api/nominations/${stars[0]}/review`, {
          decision: 'return',
          reason: '请补充获奖情况的证明材料',
        })
      ).statusCode,
    ).toBe(200);
    const deadline = Date.parse(campaign.deadlineAt);
    clock.set(new Date(deadline + 1000));
    // A month has passed: everyone logs in again.
    unit = await relogin(t, 'changchun');
    organiser = await relogin(t, 'jilin-admin');
    national = await relogin(t, 'cace-admin');
    expect((await post(unit, `/api/nominations/${stars[0]}/submit`)).json().code).toBe('DEADLINE_PASSED');
    const until = new Date(deadline + 2 * 86_400_000).toISOString();
    expect(
      (
        await post(organiser, `/api/campaigns/${campaign.id}/extensions`, {
          organisationId: full.unitId,
          until,
          reason: '退回修改后补交',
        })
      ).statusCode,
    ).toBe(200);
    expect((await post(unit, `/api/nominations/${stars[0]}/submit`)).json().nomination.state).toBe(
      'submitted',
    );

    // Formal check, review, announcement, approval.
    for (const id of [...stars, ...projects])
      expect(
        (await post(organiser, `/api/nominations/${id}/review`, { decision: 'accept' })).statusCode,
      ).toBe(200);
    expect(
      (await post(organiser, `/api/campaigns/${campaign.id}/transitions`, { to: 'reviewing' })).statusCode,
    ).toBe(200);
    expect(
      (await post(organiser, `/api/nominations/${stars[6]}/transitions`, { to: 'shortlisted' })).statusCode,
    ).toBe(200);
    expect(
      (await post(organiser, `/api/nominations/${stars[5]}/transitions`, { to: 'not_selected' })).statusCode,
    ).toBe(200);
    // 公示 and 审定 are their own use cases; the campaign is moved the way they move it.
    await moveCampaignAs(t, await sessionActor(t, organiser), campaign.id, 'announcing');
    await moveCampaignAs(t, await sessionActor(t, organiser), campaign.id, 'approved');
    // The 公示 period has passed on the app's clock: everyone signs in again.
    unit = await relogin(t, 'changchun');
    organiser = await relogin(t, 'jilin-admin');
    national = await relogin(t, 'cace-admin');
    // 审定 makes the 拟推介 star 入选 by itself; the 未入选 one and the never-listed rest stay as they were.
    expect(await lastMoveOf(t.database, stars[6]!)).toMatchObject({
      from: 'shortlisted',
      to: 'selected',
      label: '审定入选',
    });
    expect(await lastMoveOf(t.database, stars[5]!)).toMatchObject({ to: 'not_selected' });
    expect(await lastMoveOf(t.database, stars[4]!)).toMatchObject({ to: 'accepted' });

    // Forwarded: 吉林省教育厅's own nomination in the national round, counted against its national quota.
    const target = (await campaignOf(t, organiser, '中国成人教育协会')).campaign;
    const forwarded = await post(organiser, `/api/campaigns/${campaign.id}/forward`, {
      targetCampaignId: target.id,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const there = (await get(national, `/api/nominations?campaignId=${target.id}`)).json().items;
    expect(there).toEqual([
      expect.objectContaining({
        unitName: '吉林省教育厅',
        state: 'submitted',
        special: true,
        remark: '事迹特别感人',
      }),
    ]);
    const copy = (await get(national, `/api/nominations/${there[0].id}`)).json().nomination;
    const original = (await get(organiser, `/api/nominations/${stars[6]}`)).json().nomination;
    expect(copy.contentHash).toBe(original.contentHash);
    expect(original.state).toBe('forwarded');
  });
});
