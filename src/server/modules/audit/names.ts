/**
 * The audit log names what it is about (账号, 单位, 推介活动, 推介, 材料) by the names people know, not by
 * the ids the program keeps: every id in an entry (its object, and ids inside its before and after) is
 * looked up once per page. An id whose object was deleted since keeps no name; the entry's own
 * before/after still says what it was.
 */
import type { Db } from '#server/platform/db/database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function collect(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, into, depth + 1);
  }
}

export interface NamedEntry {
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Every id of the entries with a name: id → 「长春市教育局」, 「周丽华」, 「学习视频.mp4」… */
export async function auditNames(db: Db, entries: readonly NamedEntry[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const entry of entries) collect([entry.entityId, entry.before, entry.after], ids);
  if (ids.size === 0) return {};
  const list = [...ids];
  const [accounts, organisations, campaigns, nominations, materials] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'displayName as name']).where('id', 'in', list).execute(),
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', list).execute(),
    db.selectFrom('campaigns').select(['id', 'title as name']).where('id', 'in', list).execute(),
    db
      .selectFrom('nominations as n')
      .innerJoin('organisations as u', 'u.id', 'n.unitId')
      .select(['n.id', 'n.title', 'n.category', 'u.name as unitName'])
      .where('n.id', 'in', list)
      .execute(),
    db.selectFrom('materials').select(['id', 'fileName as name']).where('id', 'in', list).execute(),
  ]);
  const names: Record<string, string> = {};
  for (const row of [...accounts, ...organisations, ...campaigns, ...materials]) names[row.id] = row.name;
  for (const n of nominations) {
    const what = n.category === 'star' ? '百姓学习之星' : '终身学习品牌项目';
    names[n.id] = n.title ? `${n.title}（${n.unitName}）` : `${n.unitName}未填写名称的${what}推介`;
  }
  return names;
}
