/**
 * What the public site may show of results: published result notices (a row exists only once published),
 * their frozen list and which documents were stored. Entries carry public fields only.
 */
import type { Category } from '#core/campaign/rules.ts';
import { provinceName } from '#core/nomination/province-code.ts';
import type { Db } from '#server/platform/db/database.ts';

export interface PublicResultSummary {
  id: string;
  title: string;
  docNumber: string;
  issuers: string[];
  organisationId: string;
  organiserName: string;
  year: number;
  publishedAt: Date;
}

export interface PublicResultEntry {
  category: Category;
  name: string;
  unit: string;
  entity: string | null;
  special: boolean;
  province: string;
}

export type ResultDocumentKind = 'docx' | 'pdf' | 'xlsx';

export interface PublicResult extends PublicResultSummary {
  body: string;
  entries: PublicResultEntry[];
  documents: Record<ResultDocumentKind, boolean>;
}

function summaries(db: Db) {
  return db
    .selectFrom('resultNotices as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisationId')
    .select([
      'r.id',
      'r.title',
      'r.docNumber',
      'r.issuers',
      'r.organisationId',
      'o.name as organiserName',
      'r.year',
      'r.publishedAt',
    ]);
}

export function listPublishedResults(db: Db): Promise<PublicResultSummary[]> {
  return summaries(db).orderBy('r.year', 'desc').orderBy('r.publishedAt', 'desc').execute();
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only the public fields of the stored list, whatever else it may hold. */
function readEntries(value: unknown): PublicResultEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((e: Record<string, unknown>) => ({
    category: e.category === 'project' ? 'project' : 'star',
    name: text(e.name),
    unit: text(e.unit),
    entity: typeof e.entity === 'string' && e.entity ? e.entity : null,
    special: e.special === true,
    // The list keeps the province as its GB/T 2260 code (22); the public reads its name (吉林省).
    province: provinceName(text(e.province)) ?? text(e.province),
  }));
}

export async function getPublishedResult(db: Db, id: string): Promise<PublicResult | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await summaries(db)
    .select(['r.body', 'r.entries', 'r.docxKey', 'r.pdfKey', 'r.xlsxKey'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { entries, docxKey, pdfKey, xlsxKey, ...rest } = row;
  return {
    ...rest,
    entries: readEntries(entries),
    documents: { docx: docxKey !== null, pdf: pdfKey !== null, xlsx: xlsxKey !== null },
  };
}

/** The storage key of one stored document of a published result; undefined when there is none. */
export async function resultDocumentKey(
  db: Db,
  id: string,
  kind: ResultDocumentKind,
): Promise<{ key: string; title: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom('resultNotices')
    .select(['title', 'docxKey', 'pdfKey', 'xlsxKey'])
    .where('id', '=', id)
    .executeTakeFirst();
  const key = row && { docx: row.docxKey, pdf: row.pdfKey, xlsx: row.xlsxKey }[kind];
  return key ? { key, title: row.title } : undefined;
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
