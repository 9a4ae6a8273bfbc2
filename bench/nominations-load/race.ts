/**
 * The quota race: one unit allowed QUOTA stars, RACERS complete nominations (form and required material,
 * each one submittable on its own), all submitted at once. Exactly QUOTA must be admitted, by the answers
 * and by what the server then holds; anything else is reported with its reason.
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { completeStar } from '#test/support/nominations.ts';
import { bump } from './drive.ts';
import { type Caller, type Client, codeOf, pool, type Reply } from './http.ts';
import { supplyRequiredMaterials } from './materials.ts';

export const QUOTA = 5;
export const RACERS = 50;

interface Finding {
  code: string;
  severity: string;
  message: string;
}
interface Nomination {
  id: string;
  version: number;
  state: string;
  findings: Finding[];
}

const messageOf = (r: Reply) => {
  try {
    return String((JSON.parse(r.body) as { message?: string }).message ?? r.body);
  } catch {
    return r.body.slice(0, 200);
  }
};

/** Returns whether the race admitted exactly the quota; prints what happened and, if not, why. */
export async function runQuotaRace(
  client: Client,
  admin: Caller,
  racerAddress: string,
  campaignId: string,
  unit: { id: string; name: string },
): Promise<boolean> {
  const detail = await client.call<{ campaign: { rulesVersion: number }; rules: CampaignRules }>(
    admin,
    'GET',
    `/api/campaigns/${campaignId}`,
  );
  const rules = structuredClone(detail.rules);
  rules.quotas.unitOverrides[unit.id] = { star: { min: 1, max: QUOTA } };
  await client.call(admin, 'PUT', `/api/campaigns/${campaignId}/rules`, {
    rules,
    rulesVersion: detail.campaign.rulesVersion,
  });
  const account = await client.call<{ initialPassword: string }>(
    admin,
    'POST',
    '/api/accounts',
    { username: 'bench-race', displayName: '压测抢名额', organisationId: unit.id, roles: ['unit_submitter'] },
    [201],
  );
  const racer = await client.firstLogin(racerAddress, 'bench-race', account.initialPassword);

  const prepared = performance.now();
  const drafts = await pool(
    Array.from({ length: RACERS }, (_, k) => k),
    8,
    async (k) => {
      const { nomination } = await client.call<{ nomination: Nomination }>(
        racer,
        'POST',
        '/api/nominations',
        { campaignId, category: 'star' },
        [201],
      );
      await client.call(racer, 'PUT', `/api/nominations/${nomination.id}`, {
        form: completeStar(rules, 500 + k),
        version: nomination.version,
      });
      await supplyRequiredMaterials(client, racer, nomination.id);
      return nomination.id;
    },
  );
  // Each racer must be one the server would admit alone: otherwise the race measures nothing.
  const blocked = new Map<string, number>();
  const examples = new Map<string, string>();
  for (const id of drafts) {
    const { nomination } = await client.call<{ nomination: Nomination }>(
      racer,
      'GET',
      `/api/nominations/${id}`,
    );
    for (const f of nomination.findings.filter((x) => x.severity === 'error')) {
      bump(blocked, f.code);
      examples.set(f.code, f.message);
    }
  }
  console.log(
    `\nquota race: ${RACERS} complete star nominations (form and required material) prepared in ${((performance.now() - prepared) / 1000).toFixed(1)} s`,
  );
  if (blocked.size > 0) {
    console.log(
      `quota race NOT run: the nominations could not be submitted even alone: ${[...blocked]
        .map(([code, n]) => `${code}×${n} (${examples.get(code)})`)
        .join('; ')}`,
    );
    return false;
  }

  const raceStarted = performance.now();
  const results = await Promise.all(
    drafts.map((id) =>
      client.send(racer, 'POST', `/api/nominations/${id}/submit`).catch((e: Error) => ({
        status: 0,
        body: JSON.stringify({ code: 'NETWORK', message: e.message }),
        headers: {},
      })),
    ),
  );
  const raceMs = performance.now() - raceStarted;
  const admitted = results.filter((r) => r.status === 200).length;
  const refused = new Map<string, number>();
  const why = new Map<string, string>();
  for (const r of results.filter((x) => x.status !== 200)) {
    const key = `${r.status} ${codeOf(r)}`;
    bump(refused, key);
    why.set(key, messageOf(r));
  }
  const { items } = await client.call<{ items: Nomination[] }>(
    racer,
    'GET',
    `/api/nominations?campaignId=${campaignId}`,
  );
  const held = items.filter((n) => n.state === 'submitted').length;

  console.log(
    `quota race: ${RACERS} parallel submits against a quota of ${QUOTA} in ${unit.name}: ${admitted} admitted (${raceMs.toFixed(0)} ms), ${held} submitted held by the server; refused: ${[...refused].map(([c, k]) => `${c}×${k}`).join(', ') || 'none'}`,
  );
  const problems: string[] = [];
  if (admitted < QUOTA) problems.push(`fewer than the quota were admitted (${admitted} < ${QUOTA})`);
  if (admitted > QUOTA)
    problems.push(
      `more than the quota were admitted (${admitted} > ${QUOTA}): concurrent submits were not serialised`,
    );
  if (held !== admitted)
    problems.push(`the server answered 200 to ${admitted} submits but holds ${held} submitted`);
  const others = [...refused.keys()].filter((k) => k !== '409 QUOTA_EXCEEDED');
  if (others.length > 0) {
    problems.push(`refusals other than the quota: ${others.map((k) => `${k} (${why.get(k)})`).join('; ')}`);
  }
  console.log(problems.length === 0 ? 'quota race: goal met' : `quota race NOT met: ${problems.join('; ')}`);
  return problems.length === 0;
}
