/**
 * The materials module's answer to the package builder (documents module): the files each nomination
 * submits, i.e. the chosen one of each original/converted pair, in upload order, with what the check
 * found. Read-only; the builder streams the bytes from storage by `storageKey`.
 */
import type { Finding } from '#core/findings.ts';
import type { MaterialState } from '#core/materials/slot-status.ts';
import type { Db } from '#server/platform/db/database.ts';

export interface PackageFile {
  id: string;
  nominationId: string;
  setKey: string;
  slotId: string;
  fileName: string;
  storageKey: string;
  bytes: number;
  sha256: string;
  state: MaterialState;
  chosen: boolean;
  findings: Finding[];
  waivers: { code: string; reason?: string }[];
  probed: unknown;
}

export async function packageFiles(db: Db, nominationIds: readonly string[]): Promise<PackageFile[]> {
  if (nominationIds.length === 0) return [];
  const rows = await db
    .selectFrom('materials')
    .select([
      'id',
      'nominationId',
      'setKey',
      'slotId',
      'fileName',
      'storageKey',
      'bytes',
      'sha256',
      'state',
      'chosen',
      'findings',
      'waivers',
      'probed',
    ])
    .where('nominationId', 'in', nominationIds)
    .where('chosen', '=', true)
    // A copy still being made has no finished bytes to pack.
    .where('state', '!=', 'converting')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    bytes: Number(r.bytes),
    state: r.state,
    findings: (r.findings ?? []) as Finding[],
    waivers: (r.waivers ?? []) as PackageFile['waivers'],
  }));
}
