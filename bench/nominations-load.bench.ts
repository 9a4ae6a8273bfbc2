/**
 * Load on the nomination API as 200 unit submitters would put it: each session autosaves its own star
 * draft and lists the campaign's nominations, in turn, as fast as the server answers, for 60 s on
 * loopback. Goal: p99 under 100 ms and no errors (a 409 on a save that sent the version of its own last
 * save counts as one). The baseline, measured in the same run with the same client and connections, is
 * GET /api/health: no session, no database. Then the quota race: 50 complete nominations of one unit
 * (form and the material submitting requires) whose star quota is 5, submitted all at once; exactly 5
 * must be admitted (exit code 1 otherwise, with the reason).
 *
 *   npm run bench -- nominations-load [--seconds 60] [--sessions 200]
 *
 * The real server (`serve --demo`, as `npm start`) runs on a throwaway data folder with the per-address
 * request limit raised (RATE_LIMIT_PER_MINUTE). Login keeps its own 60/min per address, so the setup logs
 * the 200 submitters in from several loopback source addresses (127.0.0.1–127.0.0.8), as 200 units would
 * come from their own addresses; every request goes to 127.0.0.1.
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { completeStar } from '#test/support/nominations.ts';
import { drive, type Step } from './nominations-load/drive.ts';
import { type Caller, createClient, pool, type Reply } from './nominations-load/http.ts';
import { QUOTA, runQuotaRace } from './nominations-load/race.ts';
import { printLoad } from './nominations-load/report.ts';
import { startServer } from './nominations-load/server.ts';

/** A session's pause between requests in the paced run: with save and list alternating, a save every 2 s. */
const PACE_MS = 1000;
const SOURCES = 8;
const root = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '60' },
    sessions: { type: 'string', default: process.env.BENCH_SESSIONS ?? '200' },
  },
});
const seconds = Number(args.seconds);
const sessionCount = Number(args.sessions);
if (
  !(seconds > 0 && seconds <= 600) ||
  !(Number.isInteger(sessionCount) && sessionCount > 0 && sessionCount <= 400)
) {
  throw new Error('--seconds must be in (0, 600] and --sessions an integer in [1, 400]');
}
const source = (i: number) => `127.0.0.${(i % SOURCES) + 1}`;

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
interface Nomination {
  id: string;
  version: number;
}
interface Session extends Caller {
  nominationId: string;
  version: number;
  form: Record<string, unknown>;
}

await mkdir(path.join(root, '.tmp'), { recursive: true });
const varDir = await mkdtemp(path.join(root, '.tmp', 'bench-load-'));
// mkdtemp makes the folder owner-only; the embedded server (run as `postgres` under root) must enter it.
await chmod(varDir, 0o755);
let loadOk = false;
let raceOk = false;
const server = await startServer(varDir);
const client = createClient(server.port);
try {
  const t0 = performance.now();
  const adminPassword = server.passwords.get('jilin-admin');
  if (!adminPassword) throw new Error(`no demo password for jilin-admin in:\n${server.output()}`);
  const admin = await client.firstLogin(source(0), 'jilin-admin', adminPassword);
  const me = await client.call<{ me: { organisation: { id: string } } }>(admin, 'GET', '/api/auth/me');
  const jilinId = me.me.organisation.id;
  const { items: orgs } = await client.call<{ items: Organisation[] }>(admin, 'GET', '/api/organisations');
  const units = orgs.filter((o) => o.parentId === jilinId).sort((a, b) => a.name.localeCompare(b.name));
  if (units.length === 0) throw new Error('吉林省教育厅 has no reporting units');
  const raceUnit = units[units.length - 1]!;

  // The submitters over the units (the last unit is the race's and gets none of them).
  const loadUnits = units.length > 1 ? units.slice(0, -1) : units;
  const created = await pool(
    Array.from({ length: sessionCount }, (_, i) => i),
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
  const first = await client.firstLogin(source(1), created[0]!.username, created[0]!.initialPassword);
  const { items: campaigns } = await client.call<{ items: Campaign[] }>(first, 'GET', '/api/campaigns');
  const campaign = campaigns.find((c) => c.organiserName === '吉林省教育厅' && c.status === 'open');
  if (!campaign) throw new Error('no open campaign of 吉林省教育厅');
  const { rules } = await client.call<{ rules: CampaignRules }>(
    first,
    'GET',
    `/api/campaigns/${campaign.id}`,
  );

  const sessions: Session[] = await pool(created, 8, async ({ i, username, initialPassword }) => {
    const who = i === 0 ? first : await client.firstLogin(source(i + 1), username, initialPassword);
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
  const setupMs = performance.now() - t0;
  console.log(
    `load average before the run: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `setup: ${sessions.length} unit submitters over ${loadUnits.length} units, one star draft each, ${(setupMs / 1000).toFixed(1)} s`,
  );

  // Baseline: the same client, connections and addresses on GET /api/health.
  const ms = seconds * 1000;
  const baseline = await drive(server.pid, sessions.length, ms, (i) => ({
    kind: 'GET /api/health',
    run: () => client.send({ localAddress: sessions[i]!.localAddress }, 'GET', '/api/health'),
  }));

  // The load: each session saves its own draft (with the version its last save returned), then lists.
  let stale = 0;
  const listPath = `/api/nominations?campaignId=${campaign.id}`;
  const draftStep = (i: number, n: number): Step => {
    const s = sessions[i]!;
    if (n % 2 === 1) return { kind: 'GET /api/nominations', run: () => client.send(s, 'GET', listPath) };
    // What changes between two autosaves: a line of the story being typed.
    const form = { ...s.form, story: `${s.form.story}\n第${n / 2}次保存：参加社区读书会，带动邻里共学。` };
    return {
      kind: 'PUT /api/nominations/:id',
      run: () => client.send(s, 'PUT', `/api/nominations/${s.nominationId}`, { form, version: s.version }),
      after: (r: Reply) => {
        if (r.status === 200)
          s.version = (JSON.parse(r.body) as { nomination: Nomination }).nomination.version;
        else if (r.status === 409 && r.body.includes('STALE_VERSION')) stale++;
      },
    };
  };
  // Back to back: what the machine can serve at most (every session hammering without a pause).
  const saturated = await drive(server.pid, sessions.length, ms, draftStep);
  // As people use it: the editor autosaves every 2 s while someone types, the list is reloaded in between.
  const paced = await drive(server.pid, sessions.length, ms, draftStep, PACE_MS);
  loadOk = printLoad(sessions.length, seconds, PACE_MS, { baseline, saturated, paced }, stale);

  raceOk = await runQuotaRace(client, admin, source(SOURCES - 1), campaign.id, raceUnit);
} catch (e) {
  console.error(e);
} finally {
  client.close();
  await server.stop();
  await rm(varDir, { recursive: true, force: true });
  await rm(`${varDir}.password`, { force: true });
}
// The load goal is a measurement to read; the race is a correctness check: only it decides the exit code.
console.log(
  `\nexit: ${raceOk ? 0 : 1} (quota race ${raceOk ? `admitted exactly ${QUOTA}` : 'failed, see above'}; load goal ${loadOk ? 'met' : 'not met'})`,
);
process.exit(raceOk ? 0 : 1);
