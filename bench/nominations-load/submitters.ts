/**
 * The deadline-day cast: 吉林省教育厅's organiser and `count` unit submitters over its reporting units,
 * each signed in from a loopback source address of its own group and holding one star draft with a
 * complete form in the open round. Made through the API, as the people would.
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { completeStar } from '#test/support/nominations.ts';
import type { Step } from './drive.ts';
import { type Caller, type Client, pool, type Reply } from './http.ts';

const SOURCES = 8;

/** Login keeps its own limit per address: 200 units come from several addresses, as they would. */
export const sourceAddress = (i: number) => `127.0.0.${(i % SOURCES) + 1}`;

interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
}
interface Campaign {
  id: string;
  organiserName: string;
  status: string;
}
export interface Nomination {
  id: string;
  version: number;
}
export interface Session extends Caller {
  nominationId: string;
  version: number;
  form: Record<string, unknown>;
}

export async function setUpSubmitters(client: Client, passwords: Map<string, string>, count: number) {
  const adminPassword = passwords.get('jilin-admin');
  if (!adminPassword) throw new Error('no demo password for jilin-admin in what the server printed');
  const admin = await client.firstLogin(sourceAddress(0), 'jilin-admin', adminPassword);
  const me = await client.call<{ me: { organisation: { id: string } } }>(admin, 'GET', '/api/auth/me');
  const jilinId = me.me.organisation.id;
  const { items: orgs } = await client.call<{ items: Organisation[] }>(admin, 'GET', '/api/organisations');
  const units = orgs.filter((o) => o.parentId === jilinId).sort((a, b) => a.name.localeCompare(b.name));
  if (units.length === 0) throw new Error('吉林省教育厅 has no reporting units');
  // The last unit is kept free of submitters (the quota race's).
  const spareUnit = units[units.length - 1]!;
  const loadUnits = units.length > 1 ? units.slice(0, -1) : units;

  const created = await pool(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const unit = loadUnits[i % loadUnits.length]!;
      const username = `bench-unit-${String(i).padStart(3, '0')}`;
      const r = await client.call<{ initialPassword: string }>(
        admin,
        'POST',
        '/api/accounts',
        { username, displayName: `压测填报员${i}`, organisationId: unit.id, roles: ['unit_submitter'] },
        [201],
      );
      return { i, username, initialPassword: r.initialPassword };
    },
  );
  const first = await client.firstLogin(sourceAddress(1), created[0]!.username, created[0]!.initialPassword);
  const { items: campaigns } = await client.call<{ items: Campaign[] }>(first, 'GET', '/api/campaigns');
  const campaign = campaigns.find((c) => c.organiserName === '吉林省教育厅' && c.status === 'open');
  if (!campaign) throw new Error('no open campaign of 吉林省教育厅');
  const { rules } = await client.call<{ rules: CampaignRules }>(
    first,
    'GET',
    `/api/campaigns/${campaign.id}`,
  );

  const sessions: Session[] = await pool(created, 8, async ({ i, username, initialPassword }) => {
    const who = i === 0 ? first : await client.firstLogin(sourceAddress(i + 1), username, initialPassword);
    const { nomination } = await client.call<{ nomination: Nomination }>(
      who,
      'POST',
      '/api/nominations',
      { campaignId: campaign.id, category: 'star' },
      [201],
    );
    const form = completeStar(rules, i) as unknown as Record<string, unknown>;
    return { ...who, nominationId: nomination.id, version: nomination.version, form };
  });
  return { admin, campaign, sessions, spareUnit, unitCount: loadUnits.length };
}

/**
 * A submitter's turn `n`: odd turns list the round's nominations, even ones autosave the draft with the
 * version the last save returned (a line more of the story, as while typing). A 409 on such a save is
 * counted in `stale`: it would mean the platform lost a save.
 */
export function saveAndList(client: Client, sessions: Session[], campaignId: string) {
  const counts = { stale: 0 };
  const listPath = `/api/nominations?campaignId=${campaignId}`;
  const step = (i: number, n: number): Step => {
    const s = sessions[i]!;
    if (n % 2 === 1) return { kind: 'GET /api/nominations', run: () => client.send(s, 'GET', listPath) };
    const form = { ...s.form, story: `${s.form.story}\n第${n / 2}次保存：参加社区读书会，带动邻里共学。` };
    return {
      kind: 'PUT /api/nominations/:id',
      run: () => client.send(s, 'PUT', `/api/nominations/${s.nominationId}`, { form, version: s.version }),
      after: (r: Reply) => {
        if (r.status === 200)
          s.version = (JSON.parse(r.body) as { nomination: Nomination }).nomination.version;
        else if (r.status === 409 && r.body.includes('STALE_VERSION')) counts.stale++;
      },
    };
  };
  return { step, counts };
}
