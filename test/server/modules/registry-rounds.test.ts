/**
 * Issue 10, items 4, 5, 6, 8 and 9 through the API: what the registry check of a nomination says,
 * depending on how earlier records ended, in which round, and who reads it.
 *
 * The story: 长春市教育局 nominates 孙秀英 and 倪建国 in Jilin's round; 孙秀英 is selected and forwarded to
 * the national round, 倪建国 is not selected. 中国成人教育协会 keeps the national list (安慧), 吉林省教育厅
 * its provincial list (白玉兰). Then Jilin opens another round, and 浙江省教育厅 reports nationally too.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '#core/findings.ts';
import { REGISTRY_CODES } from '#core/nomination/registry-findings.ts';
import { manualClock } from '#server/platform/clock.ts';
import {
  as,
  createTestApp,
  loginAs,
  type Session,
  secondUnitSession,
  type TestApp,
} from '#test/support/app.ts';
import { lastMoveOf } from '#test/support/database.ts';
import { moveCampaignAs, sessionActor } from '#test/support/factories/index.ts';
import { checkedMaterials, supplyRequiredMaterials } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith, idNumber } from '#test/support/nominations.ts';
import { accountIn, anotherRound, uploadWinners, winnerSheet } from '#test/support/registry.ts';

let t: TestApp;
let changchun: Session;
let jilinCity: Session;
let jilin: Session;
let cace: Session;
let zhejiang: Session;
let jilinRound: string;
let secondRound: string;
let national: string;
let rules: Awaited<ReturnType<typeof campaignOf>>['rules'];
let nationalRules: Awaited<ReturnType<typeof campaignOf>>['rules'];

const SUN = 401;
const NI = 402;
const AN = 410; // on the national list
const BAI = 411; // on Jilin's provincial list

beforeAll(async () => {
  // The 公示 before 审定 is lived through on the app's clock (a date the official calendar covers); the
  // sessions are set to outlast it, as a deployment may configure them.
  t = await createTestApp({
    clock: manualClock('2026-11-02T10:00:00+08:00'),
    config: { sessionIdleMinutes: 60 * 24 * 30, sessionMaxHours: 24 * 30 },
  });
  changchun = await loginAs(t, 'changchun');
  jilin = await loginAs(t, 'jilin-admin');
  cace = await loginAs(t, 'cace-admin');
  jilinCity = await secondUnitSession(t, jilin);
  zhejiang = await accountIn(t, cace, '浙江省教育厅', 'zhejiang-unit');
  ({
    campaign: { id: jilinRound },
    rules,
  } = await campaignOf(t, changchun, '吉林省教育厅'));
  ({
    campaign: { id: national },
    rules: nationalRules,
  } = await campaignOf(t, jilin, '中国成人教育协会'));
  const nationalList = await uploadWinners(
    t,
    cace,
    await winnerSheet([
      [2024, '全国', '百姓学习之星', '安慧', '浙江省', '杭州市某社区', idNumber(AN), ''],
      [2024, '全国', '百姓学习之星', '王秀兰（退休）', '吉林省', '', '', ''],
    ]),
    '2024年全国名单.xlsx',
  );
  expect(nationalList.statusCode, nationalList.body).toBe(200);
  const jilinList = await uploadWinners(
    t,
    jilin,
    await winnerSheet([
      [2025, '省级', '百姓学习之星', '白玉兰', '吉林省', '四平市某社区', idNumber(BAI), ''],
    ]),
    '2025年吉林省名单.xlsx',
  );
  expect(jilinList.statusCode, jilinList.body).toBe(200);
}, 120_000);
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: as(s) });
const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s), payload });
const nomination = async (s: Session, id: string) =>
  (await get(s, `/api/nominations/${id}`)).json().nomination;
/** The registry's findings on a nomination as `s` reads it, as `CODE:severity`. */
async function registry(s: Session, id: string): Promise<Finding[]> {
  return ((await nomination(s, id)).findings as Finding[]).filter((f) => REGISTRY_CODES.has(f.code));
}
const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.severity}`);

let sourceId: string;
let copyId: string;

describe('a province forwards its winner to the national round (item 4)', () => {
  it('the copy and its source are one nomination: no duplicate either way, and the copy can be resubmitted', {
    timeout: 120_000,
  }, async () => {
    const sun = await draftWith(t, changchun, jilinRound, completeStar(rules, SUN, { name: '孙秀英' }));
    const ni = await draftWith(t, changchun, jilinRound, completeStar(rules, NI, { name: '倪建国' }));
    for (const n of [sun, ni]) {
      expect((await post(changchun, `/api/nominations/${n.id}/submit`)).statusCode).toBe(200);
      expect((await post(jilin, `/api/nominations/${n.id}/review`, { decision: 'accept' })).statusCode).toBe(
        200,
      );
    }
    await post(jilin, `/api/campaigns/${jilinRound}/transitions`, { to: 'reviewing' });
    await post(jilin, `/api/nominations/${sun.id}/transitions`, { to: 'shortlisted' });
    await post(jilin, `/api/nominations/${ni.id}/transitions`, { to: 'not_selected' });
    // 公示 and 审定 are their own use cases; the campaign is moved the way they move it.
    await moveCampaignAs(t, await sessionActor(t, jilin), jilinRound, 'announcing');
    await moveCampaignAs(t, await sessionActor(t, jilin), jilinRound, 'approved');
    // 审定 made 孙秀英 入选 by itself; 倪建国 stays 未入选.
    expect(await lastMoveOf(t.database, sun.id)).toMatchObject({ from: 'shortlisted', to: 'selected' });
    expect(await lastMoveOf(t.database, ni.id)).toMatchObject({ to: 'not_selected' });
    const forwarded = await post(jilin, `/api/campaigns/${jilinRound}/forward`, {
      targetCampaignId: national,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    sourceId = sun.id;
    copyId = forwarded.json().forwarded[0].id;

    expect(await registry(jilin, copyId)).toEqual([]);
    expect(await registry(cace, copyId)).toEqual([]);
    expect(await registry(jilin, sourceId)).toEqual([]);

    // Withdrawn to fix something, the copy goes back to the national round.
    expect((await post(jilin, `/api/nominations/${copyId}/withdraw`, {})).json().nomination.state).toBe(
      'withdrawn',
    );
    expect((await post(jilin, `/api/nominations/${copyId}/transitions`, { to: 'draft' })).statusCode).toBe(
      200,
    );
    // The national spec refuses some of Jilin's files (a smaller ID photo, a slot the nation lacks): the
    // province removes them and uploads what the national round asks for.
    for (const m of await checkedMaterials(t, copyId)) {
      if (m.state !== 'failed') continue;
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/materials/${m.id}`,
        headers: as(jilin),
      });
      expect(removed.statusCode, removed.body).toBeLessThan(300);
    }
    await supplyRequiredMaterials(t, jilin, copyId);
    const again = await post(jilin, `/api/nominations/${copyId}/submit`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().nomination.state).toBe('submitted');
  });
});

describe('only a title in the same round blocks (items 5 and 6)', () => {
  beforeAll(async () => {
    secondRound = await anotherRound(t, jilin, jilinRound);
  });

  it('a nominee not selected in an earlier round may be nominated again; only the organiser reads about it', async () => {
    const n = await draftWith(t, changchun, secondRound, completeStar(rules, NI, { name: '倪建国' }));
    const submitted = await post(changchun, `/api/nominations/${n.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const [line] = await registry(jilin, n.id);
    expect(line).toMatchObject({ code: 'EARLIER_NOMINATION', severity: 'info' });
    expect(line!.message).toContain('未入选');
    expect(await registry(changchun, n.id)).toEqual([]);
  });

  it('a winner of the same organiser’s earlier round is refused', async () => {
    const n = await draftWith(t, changchun, secondRound, completeStar(rules, SUN, { name: '孙秀英' }));
    const refused = await post(changchun, `/api/nominations/${n.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DUPLICATE_WINNER');
  });

  it('a province’s own list blocks its round; the national list is information there', async () => {
    const bai = await draftWith(t, changchun, secondRound, completeStar(rules, BAI, { name: '白玉兰' }));
    expect((await post(changchun, `/api/nominations/${bai.id}/submit`)).json().code).toBe('DUPLICATE_WINNER');
    const an = await draftWith(t, jilinCity, secondRound, completeStar(rules, AN, { name: '安慧' }));
    expect((await post(jilinCity, `/api/nominations/${an.id}/submit`)).statusCode).toBe(200);
    expect(codes(await registry(jilin, an.id))).toEqual(['PREVIOUS_WINNER_ELSEWHERE:info']);
    expect(await registry(jilinCity, an.id)).toEqual([]);
  });

  it('nationally, the national list blocks and a provincial win is information for the national organiser', async () => {
    const an = await draftWith(t, zhejiang, national, completeStar(nationalRules, AN, { name: '安慧' }));
    expect((await post(zhejiang, `/api/nominations/${an.id}/submit`)).json().code).toBe('DUPLICATE_WINNER');
    const bai = await draftWith(t, jilin, national, completeStar(nationalRules, BAI, { name: '白玉兰' }));
    const submitted = await post(jilin, `/api/nominations/${bai.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const [line] = await registry(cace, bai.id);
    expect(line).toMatchObject({ code: 'PREVIOUS_WINNER_ELSEWHERE', severity: 'info' });
    expect(line!.message).toContain('吉林省教育厅');
    expect(await registry(jilin, bai.id)).toEqual([]);
  });
});

describe('what a unit reads about someone else’s record (item 9)', () => {
  const PAN = 420;

  it('that the person was nominated by another unit and whom to ask; the organiser reads the details', async () => {
    await draftWith(
      t,
      jilin,
      national,
      completeStar(nationalRules, PAN, { name: '潘玉梅', workUnit: '延吉市某街道社区' }),
    ).then((n) => post(jilin, `/api/nominations/${n.id}/submit`));
    const typed = await draftWith(
      t,
      zhejiang,
      national,
      completeStar(nationalRules, PAN, { name: '某某' }),
      'star',
      {
        materials: false,
      },
    );
    const seen = await get(zhejiang, `/api/nominations/${typed.id}`);
    expect(seen.body).not.toMatch(/潘玉梅|延吉市某街道社区|吉林省教育厅/);
    const [warning] = await registry(zhejiang, typed.id);
    expect(warning).toMatchObject({ code: 'ALSO_NOMINATED', severity: 'warning' });
    expect(warning!.message).toContain('请与组织单位（中国成人教育协会）联系');

    // A draft is the unit's own: the organiser reads it once the unit asks it to look.
    await post(zhejiang, `/api/nominations/${typed.id}/review-request`, { requested: true });
    const [detailed] = await registry(cace, typed.id);
    expect(detailed!.message).toContain('潘玉梅');
    expect(detailed!.message).toContain('吉林省教育厅');
  });

  it('a refused submission names no one either, and carries no record', async () => {
    const n = await draftWith(t, zhejiang, national, completeStar(nationalRules, AN, { name: '安某' }));
    const refused = await post(zhejiang, `/api/nominations/${n.id}/submit`);
    expect(refused.json().code).toBe('DUPLICATE_WINNER');
    expect(refused.body).not.toMatch(/安慧|杭州市某社区/);
    expect(refused.body).not.toContain('"record"');
    expect(refused.json().message).toContain('请与组织单位（中国成人教育协会）联系');
  });

  it('another province’s running nomination tells a unit nothing', async () => {
    // 倪建国 runs in Jilin's second round; Zhejiang types his ID nationally.
    const n = await draftWith(
      t,
      zhejiang,
      national,
      completeStar(nationalRules, NI, { name: '倪某' }),
      'star',
      {
        materials: false,
      },
    );
    expect(await registry(zhejiang, n.id)).toEqual([]);
    await post(zhejiang, `/api/nominations/${n.id}/review-request`, { requested: true });
    const lines = await registry(cace, n.id);
    expect(codes(lines)).toContain('EARLIER_NOMINATION:info');
  });
});

describe('findings while the form is typed (item 8)', () => {
  it('the registry answers for the form on the screen, without saving it', async () => {
    const draft = await draftWith(
      t,
      changchun,
      secondRound,
      completeStar(rules, 430, { name: '学习之星' }),
      'star',
      {
        materials: false,
      },
    );
    const check = (form: object) =>
      post(changchun, `/api/nominations/${draft.id}/registry-findings`, { form });
    const typed = await check({ name: '白某', idNumber: idNumber(BAI) });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(codes(typed.json().findings)).toEqual(['DUPLICATE_WINNER:error']);
    expect(typed.body).not.toContain('白玉兰');
    expect((await nomination(changchun, draft.id)).version).toBe(draft.version);
    expect((await check({ idNumber: idNumber(431) })).json().findings).toEqual([]);
  });

  it('a name on a list that gives only the province is a warning in that province', async () => {
    const draft = await draftWith(
      t,
      jilin,
      national,
      completeStar(nationalRules, 432, { name: '某人' }),
      'star',
      {
        materials: false,
      },
    );
    const typed = await post(jilin, `/api/nominations/${draft.id}/registry-findings`, {
      form: { name: '王秀兰', idNumber: '', workUnit: '长春市某街道' },
    });
    expect(codes(typed.json().findings)).toEqual(['POSSIBLE_PREVIOUS_WINNER:warning']);
    const other = await post(
      zhejiang,
      `/api/nominations/${(await draftWith(t, zhejiang, national, {}, 'star', { materials: false })).id}/registry-findings`,
      {
        form: { name: '王秀兰' },
      },
    );
    expect(other.json().findings).toEqual([]);
  });

  it('a unit may check only its own nomination', async () => {
    const draft = await draftWith(t, changchun, secondRound, {}, 'star', { materials: false });
    const foreign = await post(zhejiang, `/api/nominations/${draft.id}/registry-findings`, { form: {} });
    expect(foreign.statusCode).toBe(404);
  });
});
