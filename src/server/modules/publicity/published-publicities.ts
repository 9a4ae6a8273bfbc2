/**
 * The units' 公示 they chose to show on the platform's public site (`published`), listed on the `/gs/`
 * index under 「报送单位的公示」: only campaigns past their draft, only what a posted notice itself
 * carries (unit, place, link, period, the nominees' names and categories).
 */
import type { Db } from '#server/platform/db/database.ts';

export interface PublishedUnitPublicity {
  id: string;
  campaignId: string;
  campaignTitle: string;
  year: number;
  organiserName: string;
  unitName: string;
  place: string;
  url: string | null;
  fromDay: string;
  toDay: string;
  nominees: { category: string; title: string }[];
}

export async function listPublishedUnitPublicities(
  db: Db,
  filter: { organiserId?: string; year?: number } = {},
): Promise<PublishedUnitPublicity[]> {
  let query = db
    .selectFrom('unitPublicities as p')
    .innerJoin('campaigns as c', 'c.id', 'p.campaignId')
    .innerJoin('organisations as u', 'u.id', 'p.unitId')
    .innerJoin('organisations as g', 'g.id', 'c.organiserId')
    .select([
      'p.id',
      'p.campaignId',
      'c.title as campaignTitle',
      'c.year',
      'g.name as organiserName',
      'u.name as unitName',
      'p.unitId',
      'p.place',
      'p.url',
      'p.fromDay',
      'p.toDay',
      'p.nominationIds',
    ])
    .where('p.published', '=', true)
    .where('c.status', '!=', 'draft');
  if (filter.organiserId) query = query.where('c.organiserId', '=', filter.organiserId);
  if (filter.year) query = query.where('c.year', '=', filter.year);
  const rows = await query.orderBy('c.year', 'desc').orderBy('u.name').orderBy('p.fromDay').execute();
  if (rows.length === 0) return [];
  const nominations = await db
    .selectFrom('nominations')
    .select(['id', 'campaignId', 'unitId', 'category', 'title'])
    .where('campaignId', 'in', [...new Set(rows.map((r) => r.campaignId))])
    .where('state', 'not in', ['draft', 'withdrawn'])
    .orderBy('category')
    .orderBy('title')
    .execute();
  return rows.map(({ unitId, nominationIds, ...row }) => ({
    ...row,
    nominees: nominations
      .filter(
        (n) =>
          n.campaignId === row.campaignId &&
          n.unitId === unitId &&
          (nominationIds === null || nominationIds.includes(n.id)),
      )
      .map((n) => ({ category: n.category, title: n.title })),
  }));
}
