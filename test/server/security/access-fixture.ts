/**
 * The world the authorisation matrix asks its questions in: one app, the demo tree, and for every kind of
 * subject an object of the Jilin round (吉林省教育厅's campaigns, 长春市教育局's nominations) plus callers
 * from that side and from the other side (another province, another unit of Jilin, experts not assigned
 * or recused). Everything is made through the factories and the routes, never by setting states in SQL.
 */
import type { Role } from '#core/accounts/roles.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  loginAs as loginFactoryAccount,
  moveCampaign,
  newAccount,
  newAnnouncement,
  newCampaign,
  newNomination,
  newObjection,
  sessionActor,
  type TestAccount,
  type TestCampaign,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';
import { addToPool, assign, newRound, recuse } from '#test/support/factories/review.ts';

/** Who calls: each a real session, except `anonymous`. */
export const CALLERS = [
  'anonymous',
  'platform',
  'national',
  'jilin',
  'otherProvince',
  'unit',
  'otherUnit',
  'expert',
  'conflictedExpert',
  'unassignedExpert',
  'approver',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What each caller is, for the report. */
export const CALLER_LABELS: Record<Caller, string> = {
  anonymous: '未登录',
  platform: '平台管理员',
  national: '全国组织单位管理员（中国成人教育协会）',
  jilin: '吉林省教育厅管理员（本省）',
  otherProvince: '北京市教育委员会管理员（外省）',
  unit: '长春市教育局填报员（本单位）',
  otherUnit: '吉林市教育局填报员（他单位）',
  expert: '受分配的评审专家',
  conflictedExpert: '须回避的评审专家',
  unassignedExpert: '未分配的评审专家',
  approver: '吉林省审定人',
};

/** The ids a request is built from; every object belongs to the Jilin side (吉林省教育厅, 长春市教育局). */
export interface Subjects {
  organisations: { jilin: string; changchun: string; victim: string };
  accounts: { victim: string; expert: string; unassignedExpert: string };
  /** 征集中: the open round of Jilin, with 长春's nominations. */
  open: TestCampaign;
  /** 评审中: a round with the expert assigned to `reviewed` and the conflicted expert recused. */
  review: TestCampaign;
  /** 公示中: an open 公示 with an objection to 长春's shortlisted nomination. */
  announcing: TestCampaign;
  /** 已审定: 长春's nomination selected. */
  approved: TestCampaign;
  /** 长春's: `spare` is submitted too, for the moves that spend a nomination (withdraw). */
  nominations: { submitted: string; spare: string; draft: string; reviewed: string; announced: string };
  materials: { submitted: string; draft: string; reviewed: string };
  round: string;
  announcement: string;
  /** The 公示's entry of 长春's nomination. */
  entry: string;
  objection: string;
  /** What the objector holds to look their objection up. */
  receipt: { receipt: string; phone: string };
  /** 长春's submitter's user name and password. */
  login: { username: string; password: string };
  notification: string;
  package: string;
  publicity: string;
  calendarOverride: string;
}

export interface AccessWorld {
  t: TestApp;
  sessions: Map<Caller, Session | null>;
  /** Each signed-in caller's user name and password, for an operation that spends a session. */
  credentials: Map<Caller, { username: string; password: string }>;
  subjects: Subjects;
}

async function demoAccount(t: TestApp, username: string, session: Session): Promise<TestAccount> {
  const actor = await sessionActor(t, session);
  const org = await t.database.db
    .selectFrom('organisations')
    .select(['id', 'path', 'name'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  return {
    id: actor.accountId,
    username,
    displayName: actor.displayName,
    password: t.credentials.get(username)!.password,
    roles: actor.roles as Role[],
    organisationId: org.id,
    organisationPath: org.path,
    organisationName: org.name,
    actor,
  };
}

async function orgId(t: TestApp, name: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function firstMaterial(t: TestApp, nominationId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('materials')
    .select('id')
    .where('nominationId', '=', nominationId)
    .orderBy('createdAt')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildAccessWorld(): Promise<AccessWorld> {
  const t = await createTestApp({
    // 审定 is lived through on the app's clock; sessions outlast the 公示 period it crosses.
    clock: manualClock('2026-11-02T10:00:00+08:00'),
    config: {
      sessionIdleMinutes: 60 * 24 * 60,
      sessionMaxHours: 24 * 60,
      // The matrix makes well over a thousand requests from one address within a minute.
      rateLimitPerMinute: 1_000_000,
    },
  });
  const sessions = new Map<Caller, Session | null>([['anonymous', null]]);
  const credentials = new Map<Caller, { username: string; password: string }>();
  for (const [caller, username] of [
    ['platform', 'admin'],
    ['national', 'cace-admin'],
    ['jilin', 'jilin-admin'],
    ['unit', 'changchun'],
  ] as const) {
    sessions.set(caller, await loginAs(t, username));
    credentials.set(caller, { username, password: t.credentials.get(username)!.password });
  }

  const platform = await demoAccount(t, 'admin', sessions.get('platform')!);
  const jilinAdmin = await demoAccount(t, 'jilin-admin', sessions.get('jilin')!);
  const changchunSubmitter = await demoAccount(t, 'changchun', sessions.get('unit')!);
  const organisations = {
    jilin: await orgId(t, '吉林省教育厅'),
    changchun: await orgId(t, '长春市教育局'),
    victim: '',
  };
  const jilin: TestOrganiser = {
    organisationId: jilinAdmin.organisationId,
    organisationPath: jilinAdmin.organisationPath,
    name: jilinAdmin.organisationName,
    type: 'provincial_edu',
    admin: jilinAdmin,
  };
  const unit: TestUnit = {
    organisationId: changchunSubmitter.organisationId,
    organisationPath: changchunSubmitter.organisationPath,
    name: changchunSubmitter.organisationName,
    type: 'city_edu',
    submitter: changchunSubmitter,
  };

  const madeFactory = async (caller: Caller, by: TestAccount, organisationId: string, roles: Role[]) => {
    const account = await newAccount(t, by, { organisationId, roles });
    sessions.set(caller, await loginFactoryAccount(t.app, account));
    credentials.set(caller, account);
    return account;
  };
  await madeFactory('otherProvince', platform, await orgId(t, '北京市教育委员会'), ['organiser_admin']);
  await madeFactory('otherUnit', jilinAdmin, await orgId(t, '吉林市教育局'), ['unit_submitter']);
  const expert = await madeFactory('expert', jilinAdmin, organisations.jilin, ['expert']);
  const conflicted = await madeFactory('conflictedExpert', jilinAdmin, organisations.jilin, ['expert']);
  const unassigned = await madeFactory('unassignedExpert', jilinAdmin, organisations.jilin, ['expert']);
  await madeFactory('approver', jilinAdmin, organisations.jilin, ['approver']);

  // Objects acted upon by writes, so that no caller loses its own account or organisation.
  const jilinSession = sessions.get('jilin')!;
  const victimOrg = await t.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: as(jilinSession),
    payload: { parentId: organisations.changchun, name: '长春市朝阳区教育局', type: 'other_unit' },
  });
  organisations.victim = victimOrg.json().organisation?.id ?? victimOrg.json().id;
  const victim = await newAccount(t, jilinAdmin, {
    organisationId: organisations.changchun,
    roles: ['unit_submitter'],
  });

  // 已审定 first: living through its 公示 moves the clock on, and the other rounds start after it.
  const approved = await newCampaign(t, jilin);
  await newNomination(t, { campaign: approved, unit, state: 'selected' });

  const announcing = await newCampaign(t, jilin);
  const announced = await newNomination(t, { campaign: announcing, unit, state: 'shortlisted' });
  const announcement = await newAnnouncement(t, announcing);
  // Under investigation, with 长春 asked to explain: the unit's answer is then its to give.
  const objection = await newObjection(t, announcement, { state: 'investigating', handler: jilinAdmin });
  const asked = await t.app.inject({
    method: 'POST',
    url: `/api/objections/${objection.id}/explanation-request`,
    headers: as(sessions.get('jilin')!),
    payload: { workingDays: 3, question: '请说明该同志所获荣誉的情况。' },
  });
  if (asked.statusCode >= 300) throw new Error(`explanation request: ${asked.body}`);

  const review = await newCampaign(t, jilin);
  const reviewed = await newNomination(t, { campaign: review, unit, state: 'accepted' });
  await moveCampaign(t, review, 'reviewing');
  for (const e of [expert, conflicted, unassigned]) await addToPool(t, review, e);
  await recuse(t, review, reviewed.id, conflicted);
  const round = await newRound(t, review);
  await assign(t, round, reviewed.id, [expert]);

  const open = await newCampaign(t, jilin);
  const submitted = await newNomination(t, { campaign: open, unit, state: 'submitted' });
  const spare = await newNomination(t, { campaign: open, unit, state: 'submitted' });
  const draft = await newNomination(t, { campaign: open, unit, materials: true });

  const pkg = await t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${open.id}/packages`,
    headers: as(jilinSession),
    payload: { unitId: organisations.changchun },
  });
  const publicity = await t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${open.id}/unit-publicities`,
    headers: as(sessions.get('unit')!),
    payload: {
      fromDay: '2026-11-16',
      toDay: '2026-11-20',
      place: '长春市教育局网站',
      nominationIds: [submitted.id],
    },
  });
  const override = await t.app.inject({
    method: 'POST',
    url: '/api/calendar/overrides',
    headers: as(jilinSession),
    payload: { date: '2027-01-04', kind: 'holiday', note: '测试假日' },
  });
  const notification = await t.database.db
    .selectFrom('notifications')
    .select('id')
    .where('accountId', '=', jilinAdmin.id)
    .executeTakeFirstOrThrow();

  const idOf = (response: { json(): Record<string, unknown>; body: string }, key: string) => {
    const body = response.json() as Record<string, { id?: string } | string | undefined>;
    const nested = body[key];
    const id = typeof nested === 'object' ? nested?.id : (body.id as string | undefined);
    if (!id) throw new Error(`no ${key} id in ${response.body}`);
    return id;
  };

  const subjects: Subjects = {
    organisations,
    accounts: { victim: victim.id, expert: expert.id, unassignedExpert: unassigned.id },
    open,
    review,
    announcing,
    approved,
    nominations: {
      submitted: submitted.id,
      spare: spare.id,
      draft: draft.id,
      reviewed: reviewed.id,
      announced: announced.id,
    },
    materials: {
      submitted: await firstMaterial(t, submitted.id),
      draft: await firstMaterial(t, draft.id),
      reviewed: await firstMaterial(t, reviewed.id),
    },
    round: round.id,
    announcement: announcement.id,
    entry: announcement.entries[0]!.id,
    objection: objection.id,
    receipt: { receipt: objection.receipt, phone: objection.phone },
    login: { ...credentials.get('unit')! },
    notification: notification.id,
    package: idOf(pkg, 'package'),
    publicity: idOf(publicity, 'publicity'),
    calendarOverride: idOf(override, 'override'),
  };
  return { t, sessions, credentials, subjects };
}
