/** What the tests of several instances share: polling, hashing, and a draft star made through one instance. */
import { createHash } from 'node:crypto';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { completeStar } from '#test/support/nominations.ts';
import { api, type HttpSession } from '../modules/materials/killable-server.ts';

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
