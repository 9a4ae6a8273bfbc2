/**
 * The public 公示 page with 400 entries (the national size) against nginx sending the same bytes
 * (bench/page-against-nginx.ts: the method, the three deliveries and the goal).
 *
 *   npm run bench -- public-pages [--seconds 10] [--connections 64]
 *
 * The platform runs in this process on a throwaway data folder (embedded PostgreSQL, demo seed), built by
 * `buildApp` as `serve` builds it; the announcement and its 400 entries are inserted as the announcement
 * service leaves them (entries copied from 400 draft nominations of a demo campaign).
 */
import { rm } from 'node:fs/promises';
import { comparePageWithNginx, loadSettings, openBenchSite } from './page-against-nginx.ts';

const ENTRIES = 400;
const settings = loadSettings();

const { dir, config, runtime, db, campaign, unit } = await openBenchSite();
let ok = false;
try {
  const nominations = await db
    .insertInto('nominations')
    .values(
      Array.from({ length: ENTRIES }, (_, i) => ({
        campaignId: campaign.id,
        unitId: unit.id,
        category: i < ENTRIES / 2 ? ('star' as const) : ('project' as const),
        title: i < ENTRIES / 2 ? `学习之星${i + 1}号` : `第${i + 1}号社区学习品牌项目`,
      })),
    )
    .returning(['id', 'category', 'title'])
    .execute();
  const announcement = await db
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiserId,
      year: campaign.year,
      state: 'open',
      title: `关于${campaign.year}年度“百姓学习之星”和“终身学习品牌项目”拟推介名单的公示`,
      intro: '经各地推荐、专家评审，确定了拟推介名单，现予以公示。公示期内如有异议，请以书面形式实名提出。',
      objectionContact: JSON.stringify({
        department: '秘书处',
        phone: '010-66001234',
        address: '北京市西城区',
      }),
      issuer: campaign.name,
      startDay: '2026-09-30',
      endDay: '2026-10-12',
      workingDays: 5,
      openedAt: runtime.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const positions = { star: 0, project: 0 };
  await db
    .insertInto('announcementEntries')
    .values(
      nominations.map((n, i) => ({
        announcementId: announcement.id,
        nominationId: n.id,
        category: n.category,
        position: ++positions[n.category],
        special: i % 25 === 0,
        name: n.title,
        unit: `${unit.name}${(i % 31) + 1}`,
        entity: n.category === 'project' ? `第${i + 1}社区学习中心` : null,
      })),
    )
    .execute();

  ok = await comparePageWithNginx({
    ...settings,
    runtime,
    config,
    dir,
    pagePath: `/gs/${announcement.id}`,
    title: `public 公示 page, ${ENTRIES} entries`,
    check: (html) => {
      const rows = (html.match(/<tr>|<tr class="removed">/g) ?? []).length;
      if (rows < ENTRIES)
        throw new Error(`the page shows ${rows} table rows, not the ${ENTRIES} entries it should`);
    },
  });
} finally {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
