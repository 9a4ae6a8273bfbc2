/**
 * The demo's published national round for the showcase: seeded through the platform's own use cases on
 * top of the usual demo, its winners' pages public with their approved texts, pictures and a film made
 * into web copies by the background job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialsAwaitingDerivatives } from '#server/modules/showcase/workers.ts';
import { seedDemoShowcase } from '#server/seed/demo-showcase.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let campaignId: string | null;
beforeAll(async () => {
  t = await createTestApp({ demoNominations: true });
  campaignId = await seedDemoShowcase(t.context, new Date());
  for (let i = 0; i < 2400 && (await materialsAwaitingDerivatives(t.context.db)).length > 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  const media = await t.context.db
    .selectFrom('materials as m')
    .innerJoin('nominations as n', 'n.id', 'm.nominationId')
    .select(['m.slotId', 'm.state', 'n.title'])
    .where('n.campaignId', '=', campaignId!)
    .execute();
  console.info(JSON.stringify({ media, pending: await materialsAwaitingDerivatives(t.context.db) }));
  await t.context.publicPages.changed();
}, 600_000);
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the demo’s published national round', () => {
  it('is published, and seeding again does nothing', async () => {
    expect(campaignId).not.toBeNull();
    const c = await t.context.db
      .selectFrom('campaigns')
      .select(['status', 'level', 'year'])
      .where('id', '=', campaignId!)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ status: 'published', level: 'national', year: 2025 });
    expect(await seedDemoShowcase(t.context, new Date())).toBeNull();
  });

  it('has showcase pages by province with approved texts, photos and films', async () => {
    const year = await get('/showcase/2025/');
    expect(year.statusCode).toBe(200);
    expect(year.body).toContain('2025年全国推介');
    expect(year.body).toContain('2025年吉林省教育厅推介');
    for (const p of ['吉林省', '浙江省', '四川省']) expect(year.body).toContain(p);
    const zhejiang = await get('/showcase/2025/33');
    expect(zhejiang.body).toContain('陈海明');
    const id = /href="\/showcase\/winner\/([0-9a-f-]+)">陈海明</.exec(zhejiang.body)![1]!;
    const page = await get(`/showcase/winner/${id}`);
    expect(page.body).toContain('用四年业余时间完成开放大学本科学业');
    expect(page.body).toMatch(/<source src="\/showcase\/media\/[0-9a-f-]+\/web\.mp4" type="video\/mp4">/);
    expect(page.body).toMatch(/<img src="\/showcase\/media\/[0-9a-f-]+\/w480\.jpg"/);
    // The national winners' ID numbers (96x sequences) appear nowhere on the page.
    expect(page.body).not.toMatch(/[1-9]\d{5}(19|20)\d{2}\d{4}96\d[\dX]/);
  });
});
