import { sql } from 'kysely';
import type { Role } from '#core/accounts/roles.ts';
import { addDays } from '#core/calendar/iso-date.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { creditCodeCheckCharacter, idCheckCharacter } from '#core/identity/index.ts';
import type { ProjectForm, StarForm } from '#core/nomination/index.ts';
import type { NominationState } from '#core/nomination/states.ts';
import type { CampaignRow } from '#server/modules/campaigns/queries.ts';
import { findNomination } from '#server/modules/nominations/queries.ts';
import {
  applyNominationTransition,
  createNominationRow,
} from '#server/modules/nominations/transition-nomination.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '../platform/db/database.ts';

/** Fictional people and programmes: names are common, numbers valid but made up (sequence 9xx). */
function demoId(birth: string, sequence: number): string {
  const first17 = `220102${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

export function star(
  rules: CampaignRules,
  name: string,
  birth: string,
  sequence: number,
  story: string,
): StarForm {
  return {
    name,
    idNumber: demoId(birth, sequence),
    ethnicity: '汉族',
    nationality: '中国',
    politicalStatus: '群众',
    education: '高中',
    workUnit: '长春市南关区某社区居委会',
    post: '社区志愿者',
    phone: '13800000000',
    address: '吉林省长春市南关区（演示地址）',
    isCountyLevelOfficialOrAbove: false,
    focusGroups: ['社区居民', '老年人'],
    story,
    awards: '（演示数据）',
    unitOpinion: '同意推介。（演示数据）',
    attestations: { conditions: rules.eligibility.star.conditions.map(() => true), noMisconduct: true },
  };
}

export function project(rules: CampaignRules, name: string, entity: string, today: string): ProjectForm {
  const first17 = '52220102MJ0000001';
  return {
    name,
    entityName: entity,
    entityType: '社会组织',
    creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
    startDate: '2019-03-01',
    participationsOffline: 3600,
    participationsOnline: 12000,
    content: '每周开展读书分享、智能手机使用和书法课程。（演示数据）',
    measures: { site: '社区学习中心', funding: '街道专项经费', team: '专职教师4人、志愿者20人' },
    results: '五年来累计服务居民三万余人次。（演示数据）',
    contactName: '李老师',
    contactPhone: '0431-80000000',
    workSummary: '本项目立足社区，面向居民开展形式多样的学习活动，近年来持续扩大覆盖面。'.repeat(40),
    unitOpinion: '同意推介。（演示数据）',
    attestations: {
      conditions: rules.eligibility.project.conditions.map(() => true),
      creditRecord: true,
      creditCheckedOn: addDays(today, -7),
    },
  };
}

export interface DemoNomination {
  category: 'star' | 'project';
  state: NominationState;
  form: StarForm | ProjectForm;
  special?: boolean;
  returnReason?: string;
}

/** Jilin's round, as 长春市教育局 reports: one nomination in each state a unit meets; `today` in Beijing. */
export function changchunDemo(r: CampaignRules, today: string): DemoNomination[] {
  return [
    {
      category: 'star',
      state: 'submitted',
      form: star(
        r,
        '王秀兰',
        '19560312',
        901,
        '退休后坚持在社区老年学校学习书法和智能手机，带动邻里组建读书会。（演示数据）',
      ),
      special: true,
    },
    {
      category: 'star',
      state: 'accepted',
      form: star(
        r,
        '张建国',
        '19680825',
        903,
        '退役军人，十年来自学农业技术，在村里办起农民夜校。（演示数据）',
      ),
    },
    {
      category: 'star',
      state: 'returned',
      form: star(r, '刘桂芳', '19720107', 902, '在社区学习中心担任志愿者。（演示数据）'),
      returnReason: '主要事迹过于简略，请补充近三年的学习经历和带动作用。',
    },
    { category: 'star', state: 'draft', form: { name: '陈明' } },
    {
      category: 'project',
      state: 'submitted',
      form: project(r, '“银龄学堂”社区老年教育项目', '长春市南关区某社区学习中心（演示）', today),
    },
  ];
}

/** The national round, as 吉林省教育厅 reports to it: a submitted star and a project being prepared. */
export function jilinProvinceDemo(r: CampaignRules): DemoNomination[] {
  return [
    {
      category: 'star',
      state: 'submitted',
      form: star(
        r,
        '赵淑珍',
        '19590401',
        905,
        '坚持终身学习四十年，义务为社区居民开设家庭教育讲座。（演示数据）',
      ),
    },
    { category: 'project', state: 'draft', form: { name: '“乡村夜校”农民学习项目' } },
  ];
}

/** The demo account of an organisation with `role`, acting as it would through the platform. */
export async function demoActor(trx: Trx, organisationId: string, role: Role): Promise<Actor> {
  const a = await trx
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select(['a.id', 'a.username', 'a.displayName', 'a.roles', 'o.path'])
    .where('a.organisationId', '=', organisationId)
    .where(sql<boolean>`${role} = ANY(a.roles)`)
    .orderBy('a.username')
    .executeTakeFirstOrThrow();
  return {
    accountId: a.id,
    username: a.username,
    displayName: a.displayName,
    organisationId,
    organisationPath: a.path,
    roles: a.roles as Role[],
    sessionId: '',
    mustChangePassword: false,
    ip: '',
  };
}

/**
 * Demo nominations of one unit, made as the platform makes them: each created as a draft, then submitted
 * by the unit's account (the same freeze and 排序 place as a real submit) and, where the demo shows it,
 * accepted or returned by the organiser's, all through the one transition function and audited. Their
 * files come later (demo-materials.ts), so the submit checks are not run here.
 */
export async function seedDemoNominations(
  trx: Trx,
  campaign: CampaignRow,
  unitId: string,
  list: DemoNomination[],
  now: Date,
) {
  const unit = await demoActor(trx, unitId, 'unit_submitter');
  const organiser = await demoActor(trx, campaign.organiserId, 'organiser_admin');
  for (const d of list) {
    const id = await createNominationRow(trx, {
      campaignId: campaign.id,
      unitId,
      category: d.category,
      createdBy: unit.accountId,
      special: d.special ?? false,
      title: d.form.name ?? '',
      form: d.form as Record<string, unknown>,
    });
    if (d.state === 'draft') continue;
    const moves: { actor: Actor; to: NominationState; reason?: string }[] = [
      { actor: unit, to: 'submitted' },
    ];
    if (d.state !== 'submitted') moves.push({ actor: organiser, to: d.state, reason: d.returnReason });
    for (const move of moves) {
      const n = (await findNomination(trx, id))!;
      await applyNominationTransition(trx, move.actor, n, campaign, {
        to: move.to,
        reason: move.reason,
        now,
      });
    }
  }
}
