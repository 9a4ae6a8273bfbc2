/**
 * The number of problems a list row shows for a nomination being edited is the form's check now: after a
 * save, after the organiser changes the rules, and on the next day (a birth date in the 身份证号 that was
 * in the future is not any more). The list keeps counts it has made (listDetails); none may outlive what
 * it was made of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { idCheckCharacter } from '#core/identity/id-number.ts';
import { checkNomination } from '#core/nomination/index.ts';
import { type ManualClock, manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, relogin, type Session, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';

let t: TestApp;
let clock: ManualClock;
let unit: Session;
let organiser: Session;
let campaignId: string;
let rules: CampaignRules;
let rulesVersion: number;

beforeAll(async () => {
  clock = manualClock(new Date());
  t = await createTestApp({ clock });
  unit = await loginAs(t, 'changchun');
  organiser = await loginAs(t, 'jilin-admin');
  const found = await campaignOf(t, unit, '吉林省教育厅');
  campaignId = found.campaign.id;
  rules = found.rules;
  rulesVersion = found.campaign.rulesVersion;
});
afterAll(() => t.close());

const listed = async (id: string) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/nominations?campaignId=${campaignId}`,
    headers: as(unit),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.find((n: { id: string }) => n.id === id).openErrors as number;
};
/** The count the check itself gives now. */
const errorsOf = (form: Record<string, unknown>) =>
  checkNomination('star', form, rules, { today: todayInShanghai(clock.now()) }).filter(
    (f) => f.severity === 'error',
  ).length;
/** A 身份证号 of someone born on `day`. */
const bornOn = (day: string) => {
  const first17 = `220102${day.replaceAll('-', '')}001`;
  return `${first17}${idCheckCharacter(first17)}`;
};

describe('a list row’s count of open problems', () => {
  it('follows the saves, the rules and the day', async () => {
    // Born tomorrow: an error today, none tomorrow.
    let form: Record<string, unknown> = completeStar(rules, 1, {
      idNumber: bornOn(addDays(todayInShanghai(clock.now()), 1)),
      phone: '',
    });
    const draft = await draftWith(t, unit, campaignId, form);
    const first = await listed(draft.id);
    expect(first).toBe(errorsOf(form));
    expect(first).toBeGreaterThan(0);
    expect(await listed(draft.id)).toBe(first);

    // A save that mends one problem.
    form = { ...form, phone: '13912345678' };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/nominations/${draft.id}`,
      headers: as(unit),
      payload: { form, version: draft.version },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const afterSave = await listed(draft.id);
    expect(afterSave).toBe(errorsOf(form));
    expect(afterSave).toBeLessThan(first);

    // The organiser adds a condition the form has not attested.
    rules = { ...rules, eligibility: { ...rules.eligibility, star: { ...rules.eligibility.star } } };
    rules.eligibility.star.conditions = [...rules.eligibility.star.conditions, '近三年参加社区学习活动'];
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaignId}/rules`,
      headers: as(organiser),
      payload: { rules, rulesVersion },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const afterRules = await listed(draft.id);
    expect(afterRules).toBe(errorsOf(form));
    expect(afterRules).toBeGreaterThan(afterSave);

    // The next day the birth date is today: no longer in the future.
    clock.advance(24 * 3_600_000);
    unit = await relogin(t, 'changchun');
    const nextDay = await listed(draft.id);
    expect(nextDay).toBe(errorsOf(form));
    expect(nextDay).toBeLessThan(afterRules);
  });
});
