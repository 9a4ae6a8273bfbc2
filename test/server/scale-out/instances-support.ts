/** What the tests of several instances share: polling, hashing, a draft star and an upload begun through one instance. */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Db } from '#server/platform/db/database.ts';
import { tusMetadata } from '#test/support/materials.ts';
import { completeStar } from '#test/support/nominations.ts';
import { api, type HttpSession } from '../modules/materials/killable-server.ts';

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The nomination's one material: its row, and the bytes `readStored` finds under its key (a file in the
 * shared folder, an object in the store), both hold exactly `data`.
 */
export async function expectStoredAsSent(
  db: Db,
  nominationId: string,
  data: Buffer,
  readStored: (key: string) => Promise<Buffer>,
) {
  const row = await db
    .selectFrom('materials')
    .select(['sha256', 'bytes', 'storageKey'])
    .where('nominationId', '=', nominationId)
    .executeTakeFirstOrThrow();
  expect(row.sha256).toBe(sha256(data));
  expect(Number(row.bytes)).toBe(data.length);
  expect(sha256(await readStored(row.storageKey))).toBe(sha256(data));
}

export interface Round {
  id: string;
  rules: CampaignRules;
}

/** Polls `read` until `done` says so; fails with the last value after `seconds`. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  seconds = 180,
): Promise<T> {
  const end = Date.now() + seconds * 1000;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) throw new Error(`still waiting after ${seconds} s: ${JSON.stringify(value)}`);
    await sleep(300);
    value = await read();
  }
  return value;
}

/** The demo's open Jilin round, as the unit sees it through `base`. */
export async function openJilinRound(base: string, unit: HttpSession): Promise<Round> {
  const campaigns = (await (await api(base, unit, 'GET', '/api/campaigns')).json()).items;
  const open = campaigns.find(
    (c: { organiserName: string; status: string }) =>
      c.organiserName === '吉林省教育厅' && c.status === 'open',
  );
  const detail = await (await api(base, unit, 'GET', `/api/campaigns/${open.id}`)).json();
  return { id: open.id, rules: detail.rules };
}

/** A draft star nomination with a complete form for nominee number `n`, made through `base`. */
export async function draftStar(base: string, unit: HttpSession, round: Round, n: number): Promise<string> {
  const created = await api(base, unit, 'POST', '/api/nominations', {
    campaignId: round.id,
    category: 'star',
  });
  if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`);
  const { nomination } = await created.json();
  const saved = await api(base, unit, 'PUT', `/api/nominations/${nomination.id}`, {
    form: completeStar(round.rules, n),
    version: nomination.version,
  });
  if (saved.status !== 200) throw new Error(`save failed: ${await saved.text()}`);
  return nomination.id;
}

export const tusHeaders = (unit: HttpSession) => ({
  cookie: unit.cookie,
  'x-csrf-token': unit.csrfToken,
  'tus-resumable': '1.0.0',
});

/**
 * A draft star made through `base`, with an upload of `bytes` random bytes to its video slot begun there and
 * its first `sent` bytes sent: the upload's path, and what a client needs to go on with it.
 */
export async function videoBegunThrough(
  base: string,
  unit: HttpSession,
  round: Round,
  {
    nominee,
    bytes,
    sent,
    filename = '学习之星宣传片.mp4',
  }: { nominee: number; bytes: number; sent: number; filename?: string },
) {
  const nominationId = await draftStar(base, unit, round, nominee);
  const data = randomBytes(bytes);
  const metadata = { nominationId, setKey: 'star', slotId: 'video', filename };
  const location = await beginUpload(base, unit, data, metadata, sent);
  return { nominationId, data, metadata, location };
}

/** A tus upload of `data` created through `base` with its first `sent` bytes sent there; its path. */
async function beginUpload(
  base: string,
  unit: HttpSession,
  data: Buffer,
  metadata: Record<string, string>,
  sent: number,
): Promise<string> {
  const created = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: {
      ...tusHeaders(unit),
      'upload-length': String(data.length),
      'upload-metadata': tusMetadata(metadata),
    },
  });
  if (created.status !== 201)
    throw new Error(`upload not created: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location')!;
  const first = await fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: { ...tusHeaders(unit), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(data.subarray(0, sent)),
  });
  if (first.status !== 204 || Number(first.headers.get('upload-offset')) !== sent)
    throw new Error(`first part not taken: ${first.status} ${await first.text()}`);
  return location;
}

/** Where an upload stands as `base` reports it (HEAD), or null when it does not know it. */
export async function offsetThrough(
  base: string,
  unit: HttpSession,
  location: string,
): Promise<number | null> {
  const head = await fetch(`${base}${location}`, { method: 'HEAD', headers: tusHeaders(unit) });
  return head.status === 200 ? Number(head.headers.get('upload-offset')) : null;
}
