/**
 * Load on the nomination API as 200 unit submitters would put it: each session autosaves its own star
 * draft and lists the campaign's nominations, in turn, as fast as the server answers, for 60 s on
 * loopback. Goal: p99 under 100 ms and no errors (a 409 on a save that sent the version of its own last
 * save counts as one). The baseline, measured in the same run with the same client and connections, is
 * GET /api/health/live: no session, no database. A second baseline, GET /api/health, checks the database
 * (one round trip) and the files folder: saturated throughput against it is issue #16's goal (≥ 0.35x).
 * Then the quota race: 50 complete nominations of one unit (form and the material submitting requires)
 * whose star quota is 5, submitted all at once; exactly 5 must be admitted (exit code 1 otherwise, with
 * the reason).
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
import { drive, untilQuiet } from './nominations-load/drive.ts';
import { createClient } from './nominations-load/http.ts';
import { loadArgs } from './nominations-load/load-args.ts';
import { QUOTA, runQuotaRace } from './nominations-load/race.ts';
import { printLoad } from './nominations-load/report.ts';
import { startServer } from './nominations-load/server.ts';
import { saveAndList, setUpSubmitters, sourceAddress } from './nominations-load/submitters.ts';

/** A session's pause between requests in the paced run: with save and list alternating, a save every 2 s. */
const PACE_MS = 1000;
const root = path.resolve(import.meta.dirname, '..');

const { seconds, sessionCount } = loadArgs(60);

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
  const { admin, campaign, sessions, spareUnit, unitCount } = await setUpSubmitters(
    client,
    server.passwords,
    sessionCount,
  );
  const setupMs = performance.now() - t0;
  const waitedS = await untilQuiet([server.pid]);
  console.log(
    `load average before the run: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `setup: ${sessions.length} unit submitters over ${unitCount} units, one star draft each, ${(setupMs / 1000).toFixed(1)} s; then ${waitedS.toFixed(0)} s until the server was idle`,
  );

  // Baselines: the same client, connections and addresses on GET /api/health/live (no session, no
  // database) and GET /api/health (one database round trip and the files folder: what issue #16's
  // throughput goal is measured against).
  const ms = seconds * 1000;
  const baselineOn = (url: string) =>
    drive([server.pid], sessions.length, ms, (i) => ({
      kind: `GET ${url}`,
      run: () => client.send({ localAddress: sessions[i]!.localAddress }, 'GET', url),
    }));
  const baseline = await baselineOn('/api/health/live');
  const health = await baselineOn('/api/health');

  // The load: each session saves its own draft (with the version its last save returned), then lists.
  const { step: draftStep, counts } = saveAndList(client, sessions, campaign.id);
  // Back to back: what the machine can serve at most (every session hammering without a pause).
  const saturated = await drive([server.pid], sessions.length, ms, draftStep);
  // As people use it: the editor autosaves every 2 s while someone types, the list is reloaded in between.
  const paced = await drive([server.pid], sessions.length, ms, draftStep, PACE_MS);
  loadOk = printLoad(sessions.length, seconds, PACE_MS, { baseline, health, saturated, paced }, counts.stale);

  raceOk = await runQuotaRace(client, admin, sourceAddress(7), campaign.id, spareUnit);
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
