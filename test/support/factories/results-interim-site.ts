/**
 * Stand-in for pub's publication in site's tests: a result_notices row as `publishResults` leaves it (the list
 * frozen as public fields, the documents stored and their keys recorded). The lead swaps it for pub's
 * factory at merge.
 */
import { Readable } from 'node:stream';
import type { TestApp } from '../app.ts';
import type { TestCampaign } from './campaigns.ts';

export interface ResultEntryInput {
  category: 'star' | 'project';
  name: string;
  unit: string;
  entity?: string | null;
  special?: boolean;
  province: string;
}

export async function newPublishedResult(
  t: TestApp,
  campaign: TestCampaign,
  options: {
    entries: ResultEntryInput[];
    title?: string;
    docNumber?: string;
    documents?: Partial<Record<'docx' | 'pdf' | 'xlsx', Buffer>>;
  },
): Promise<{ id: string; keys: Partial<Record<'docx' | 'pdf' | 'xlsx', string>> }> {
  const { db, storage, clock } = t.context;
  const keys: Partial<Record<'docx' | 'pdf' | 'xlsx', string>> = {};
  for (const [kind, bytes] of Object.entries(options.documents ?? {}) as [
    'docx' | 'pdf' | 'xlsx',
    Buffer,
  ][]) {
    const key = `results/${campaign.id}/notice.${kind}`;
    await storage.write(key, Readable.from(bytes));
    keys[kind] = key;
  }
  const row = await db
    .insertInto('resultNotices')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiser.organisationId,
      year: campaign.rules.year,
      title:
        options.title ?? `关于公布${campaign.rules.year}年“百姓学习之星”和“终身学习品牌项目”推介结果的通知`,
      docNumber: options.docNumber ?? `${campaign.organiser.name}〔${campaign.rules.year}〕1号`,
      issuers: ['全民终身学习活动周领导小组', campaign.organiser.name],
      body: '经各地推荐、专家评审、公示和审定，现将推介结果予以公布。',
      entries: JSON.stringify(
        options.entries.map((e) => ({ ...e, entity: e.entity ?? null, special: e.special ?? false })),
      ),
      docxKey: keys.docx ?? null,
      pdfKey: keys.pdf ?? null,
      xlsxKey: keys.xlsx ?? null,
      publishedBy: campaign.organiser.admin.actor.accountId,
      publishedAt: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, keys };
}
