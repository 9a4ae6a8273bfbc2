/**
 * The showcase's list page of a year with 400 winners (issue #14) against nginx sending the same bytes,
 * by the 公示 page's method and goal (bench/page-against-nginx.ts).
 *
 *   npm run bench -- showcase-pages [--seconds 10] [--connections 64]
 */
import { rm } from 'node:fs/promises';
import { comparePageWithNginx, loadSettings, openBenchSite } from './page-against-nginx.ts';

const ENTRIES = 400;
const settings = loadSettings();

const { dir, config, runtime, db, campaign, unit } = await openBenchSite();
let ok = false;
try {
  // 400 winners of a published round, as the publication leaves them (the notice row, the nominations
  // 入选); without photos, which the page links and does not carry.
  await db
    .insertInto('nominations')
    .values(
      Array.from({ length: ENTRIES }, (_, i) => ({
        campaignId: campaign.id,
        unitId: unit.id,
        category: i < ENTRIES / 2 ? ('star' as const) : ('project' as const),
        special: i % 25 === 0,
        state: 'selected' as const,
        title: i < ENTRIES / 2 ? `学习之星${i + 1}号` : `第${i + 1}号社区学习品牌项目`,
        form: JSON.stringify({
          workUnit: `${unit.name}${(i % 31) + 1}`,
          entityName: `第${i + 1}社区学习中心`,
        }),
      })),
    )
    .execute();
  await db
    .insertInto('resultNotices')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiserId,
      year: campaign.year,
      title: `关于公布${campaign.year}年推介结果的通知`,
      issuers: [campaign.name],
      entries: '[]',
      publishedAt: runtime.clock.now(),
    })
    .execute();

  ok = await comparePageWithNginx({
    ...settings,
    runtime,
    config,
    dir,
    pagePath: `/showcase/${campaign.year}/`,
    title: `showcase list page (a year), ${ENTRIES} winners`,
    check: (html) => {
      const cards = (html.match(/<li class="card/g) ?? []).length;
      if (cards < ENTRIES) throw new Error(`the page shows ${cards} winners, not the ${ENTRIES} it should`);
    },
  });
} finally {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
