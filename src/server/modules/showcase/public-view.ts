/**
 * What the public showcase may show of published winners: the winners of every campaign whose result
 * notice is published, with public fields only (name, unit, category, province, the round), the story
 * only once the organiser approved it, and the web derivatives of their photos and videos (never the
 * originals). The public site reads winners through this file only.
 */
import type { CampaignLevel, Category } from '#core/campaign/rules.ts';
import { provinceOfRegion, provinceOfText } from '#core/nomination/province.ts';
import { provinceName } from '#core/nomination/province-code.ts';
import type { Db } from '#server/platform/db/database.ts';
import { type DerivativeFiles, readFiles } from './derivative-files.ts';

export interface ShowcasePhoto {
  materialId: string;
  width: number;
  height: number;
}

export interface ShowcaseVideo extends ShowcasePhoto {
  /** The web rendition's byte size (for the page to say how much a play costs). */
  bytes: number;
}

export interface ShowcaseWinner {
  /** The nomination's id: the winner page's name. */
  id: string;
  year: number;
  level: CampaignLevel;
  /** Whose round: 中国成人教育协会, 吉林省教育厅. */
  roundOrganiser: string;
  /** The round's province code for a provincial round; null for the national one. */
  roundProvince: string | null;
  resultId: string;
  category: Category;
  special: boolean;
  name: string;
  /** The reporting unit. */
  unit: string;
  /** A star's work unit, a project's 申报主体. */
  entity: string;
  /** Two-digit GB/T 2260 code, null when unknown. */
  provinceCode: string | null;
  province: string;
  /** The approved public text; null before the organiser approves it. */
  story: string | null;
  photos: ShowcasePhoto[];
  videos: ShowcaseVideo[];
}

const WINNER_STATES = ['selected', 'forwarded'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function winnerRows(db: Db) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .leftJoin('showcaseStories as s', (join) =>
      join.onRef('s.nominationId', '=', 'n.id').on('s.state', '=', 'approved'),
    )
    .select([
      'n.id',
      'n.category',
      'n.special',
      'n.title',
      'n.form',
      'n.rank',
      'c.year',
      'c.level',
      'o.name as roundOrganiser',
      'o.regionCode as roundRegion',
      'r.id as resultId',
      'u.name as unitName',
      'u.regionCode as unitRegion',
      's.text as story',
    ])
    .where('n.state', 'in', WINNER_STATES);
}

type Row = Awaited<ReturnType<ReturnType<typeof winnerRows>['execute']>>[number];

function winnerOf(row: Row, media: MediaRow[]): ShowcaseWinner {
  const form = (row.form ?? {}) as Record<string, unknown>;
  const code = provinceOfRegion(row.unitRegion) ?? provinceOfText(row.unitName) ?? null;
  const mine = media.filter((m) => m.nominationId === row.id);
  return {
    id: row.id,
    year: row.year,
    level: row.level,
    roundOrganiser: row.roundOrganiser,
    roundProvince: row.level === 'national' ? null : (provinceOfRegion(row.roundRegion) ?? null),
    resultId: row.resultId,
    category: row.category,
    special: row.special,
    name: text(form.name) || row.title,
    unit: row.unitName,
    entity: row.category === 'star' ? text(form.workUnit) : text(form.entityName),
    provinceCode: code,
    province: (code && provinceName(code)) || '',
    story: row.story,
    photos: mine
      .filter((m) => m.kind === 'photo')
      .map((m) => ({ materialId: m.materialId, width: m.width, height: m.height })),
    videos: mine
      .filter((m) => m.kind === 'video' && m.files['web.mp4'])
      .map((m) => ({
        materialId: m.materialId,
        width: m.width,
        height: m.height,
        bytes: m.files['web.mp4']!.bytes,
      })),
  };
}

interface MediaRow {
  materialId: string;
  nominationId: string;
  kind: 'photo' | 'video';
  width: number;
  height: number;
  files: DerivativeFiles;
}

async function mediaOf(db: Db, nominationIds: readonly string[]): Promise<MediaRow[]> {
  if (nominationIds.length === 0) return [];
  const rows = await db
    .selectFrom('showcaseMedia as m')
    .innerJoin('materials as mat', 'mat.id', 'm.materialId')
    .select(['m.materialId', 'm.nominationId', 'm.kind', 'm.width', 'm.height', 'm.files'])
    .where('m.nominationId', 'in', nominationIds)
    .orderBy('mat.slotId')
    .orderBy('mat.createdAt')
    .orderBy('m.materialId')
    .execute();
  return rows.map((r) => ({ ...r, files: readFiles(r.files) }));
}

const byOrder = (a: ShowcaseWinner & { rank: number | null }, b: ShowcaseWinner & { rank: number | null }) =>
  b.year - a.year ||
  (a.level === 'national' ? 0 : 1) - (b.level === 'national' ? 0 : 1) ||
  (a.roundProvince ?? '').localeCompare(b.roundProvince ?? '') ||
  (a.category === 'star' ? 0 : 1) - (b.category === 'star' ? 0 : 1) ||
  Number(b.special) - Number(a.special) ||
  (a.provinceCode ?? '99').localeCompare(b.provinceCode ?? '99') ||
  (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
  a.id.localeCompare(b.id);

/** Every published winner, newest year first, the national round before the provinces'. */
export async function listShowcaseWinners(db: Db, year?: number): Promise<ShowcaseWinner[]> {
  let query = winnerRows(db);
  if (year !== undefined) query = query.where('c.year', '=', year);
  const rows = await query.execute();
  const media = await mediaOf(
    db,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) => ({ ...winnerOf(r, media), rank: r.rank }))
    .sort(byOrder)
    .map(({ rank: _rank, ...w }) => w);
}

/** One published winner; undefined when there is no such published winner. */
export async function getShowcaseWinner(db: Db, id: string): Promise<ShowcaseWinner | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await winnerRows(db).where('n.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return winnerOf(row, await mediaOf(db, [id]));
}

/** The years that have published winners, newest first, with how many each. */
export async function showcaseYears(db: Db): Promise<{ year: number; winners: number }[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .select(['r.year', (eb) => eb.fn.countAll<string>().as('n')])
    .where('n.state', 'in', WINNER_STATES)
    .groupBy('r.year')
    .orderBy('r.year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, winners: Number(r.n) }));
}

/**
 * A derivative file of a published winner's material, for the public media route; undefined when the
 * material is not a published winner's or the file was not made.
 */
export async function publicDerivative(
  db: Db,
  materialId: string,
  name: string,
): Promise<{ key: string; bytes: number; sha256: string } | undefined> {
  if (!UUID.test(materialId)) return undefined;
  const row = await db
    .selectFrom('showcaseMedia as m')
    .innerJoin('nominations as n', 'n.id', 'm.nominationId')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .select('m.files')
    .where('m.materialId', '=', materialId)
    .where('n.state', 'in', WINNER_STATES)
    .executeTakeFirst();
  if (!row) return undefined;
  const files = readFiles(row.files);
  return Object.hasOwn(files, name) ? files[name] : undefined;
}
