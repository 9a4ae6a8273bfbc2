/**
 * The demo's publicity activities (五进): after Jilin's 2025 round is published, its winners go out to
 * communities, schools, villages and firms, and 长春市教育局 (their unit) and 吉林省教育厅 (the organiser)
 * record it, each with a photo made on the spot, through the platform's own use cases on their days, so
 * the 宣传活动 page, its calendar and the showcase have something to show on first start.
 */
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { ActivityKind } from '#core/activities/kinds.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { uploadActivityPhoto } from '../modules/activities/activity-photos.ts';
import { recordActivity } from '../modules/activities/record-activity.ts';
import type { AppContext } from '../platform/context.ts';
import { demoActor } from './demo-nominations.ts';

interface DemoActivity {
  winner: string;
  by: 'unit' | 'organiser';
  kind: ActivityKind;
  form: string;
  occurredOn: string;
  place: string;
  host: string;
  audience: number;
  report: string;
}

const ACTIVITIES: DemoActivity[] = [
  {
    winner: '周玉梅',
    by: 'unit',
    kind: 'community',
    form: '阅读分享会',
    occurredOn: '2025-10-18',
    place: '长春市二道区东站街道社区学校',
    host: '长春市教育局',
    audience: 86,
    report:
      '周玉梅走进社区学校，分享退休后坚持学习声乐与摄影的经历，并与社区合唱团成员同台演唱。（演示数据）',
  },
  {
    winner: '周玉梅',
    by: 'organiser',
    kind: 'campus',
    form: '报告会',
    occurredOn: '2025-11-12',
    place: '吉林开放大学报告厅',
    host: '吉林省教育厅',
    audience: 320,
    report: '在全省终身学习宣传推介报告会上作事迹报告，勉励在校学员把学习当作一生的习惯。（演示数据）',
  },
  {
    winner: '李春生',
    by: 'unit',
    kind: 'countryside',
    form: '讲座',
    occurredOn: '2025-10-25',
    place: '九台区其塔木镇农民文化学校',
    host: '长春市九台区教育局',
    audience: 140,
    report: '李春生为农民学员讲授玉米高产种植技术，现场解答春耕备耕问题。（演示数据）',
  },
  {
    winner: '韩雪',
    by: 'unit',
    kind: 'enterprise',
    form: '线上直播',
    occurredOn: '2025-11-06',
    place: '长春市某汽车零部件企业职工书屋（线上同步直播）',
    host: '长春市教育局',
    audience: 1500,
    report: '韩雪在企业职工书屋与职工交流业余学习的做法，直播观看约一千五百人次。（演示数据）',
  },
  {
    winner: '“北国春城”市民夜校学习项目',
    by: 'unit',
    kind: 'community',
    form: '展览展示',
    occurredOn: '2025-11-20',
    place: '长春市南关区全安街道市民夜校',
    host: '长春市社区教育学院',
    audience: 260,
    report: '市民夜校举办学员作品展，展出书法、摄影、手工作品百余件，居民现场报名新学期课程。（演示数据）',
  },
];

/** A plain landscape photo (sky, sun, ground) in a colour of its own, about 960×640. */
export function demoActivityPhoto(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,75%)"/><stop offset="1" stop-color="hsl(${hue},60%,92%)"/>
    </linearGradient></defs>
    <rect width="960" height="640" fill="url(#s)"/>
    <circle cx="760" cy="150" r="70" fill="hsl(${(hue + 180) % 360},80%,70%)"/>
    <rect y="430" width="960" height="210" fill="hsl(${(hue + 90) % 360},45%,45%)"/>
    <rect x="120" y="300" width="220" height="140" fill="hsl(${hue},25%,35%)"/>
    <rect x="420" y="330" width="300" height="110" fill="hsl(${hue},20%,55%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withMetadata({ density: 300 }).toBuffer();
}

/** Records the activities of the published round `campaignId` (its unit's and organiser's accounts). */
export async function seedDemoActivities(context: AppContext, campaignId: string): Promise<number> {
  const { db } = context;
  const { winners, unit, organiser } = await db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('campaigns')
      .select('organiserId')
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    const winners = await trx
      .selectFrom('nominations')
      .select(['id', 'title', 'unitId'])
      .where('campaignId', '=', campaignId)
      .where('state', 'in', ['selected', 'forwarded'])
      .execute();
    return {
      winners,
      unit: await demoActor(trx, winners[0]!.unitId, 'unit_submitter'),
      organiser: await demoActor(trx, campaign.organiserId, 'organiser_admin'),
    };
  });
  let recorded = 0;
  for (const [i, a] of ACTIVITIES.entries()) {
    const winner = winners.find((w) => w.title === a.winner);
    if (!winner) continue;
    const actor: Actor = a.by === 'unit' ? unit : organiser;
    // Recorded the evening of the day it took place.
    const at = new Date(`${a.occurredOn}T19:00:00+08:00`);
    const { winner: _, by: __, ...input } = a;
    const { id } = await recordActivity(db, actor, winner.id, input, at);
    const photo = await demoActivityPhoto((i * 67) % 360);
    await uploadActivityPhoto({ ...context, clock: { now: () => at } }, actor, id, async () => ({
      fileName: `${a.winner.replace(/[“”]/g, '')}-${a.form}.jpg`,
      stream: Readable.from([photo]),
      truncated: () => false,
    }));
    recorded += 1;
  }
  return recorded;
}
