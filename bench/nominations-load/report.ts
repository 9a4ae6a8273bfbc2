/** The load runs as one table: latency percentiles against the goal and against the baseline. */
import os from 'node:os';
import type { Run, Summary } from './drive.ts';

export const GOAL_P99_MS = 100;
/** Issue #16, item 8: saves and lists back to back at this fraction of GET /api/health's throughput. */
export const GOAL_THROUGHPUT_OF_HEALTH = 0.35;

export function printLoad(
  sessions: number,
  seconds: number,
  paceMs: number,
  runs: { baseline: Run; health: Run; saturated: Run; paced: Run },
  stale: number,
): boolean {
  const { baseline, health, saturated, paced } = runs;
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  const ratio = (x: number, b: number) => `${(x / b).toFixed(1)}x`.padStart(7);
  console.log(
    `\n${sessions} concurrent sessions, ${seconds} s each, loopback; latency in ms (goal p99 < ${GOAL_P99_MS} ms, no errors)`,
  );
  console.log(
    `${'run'.padEnd(30)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p90'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}${'errors'.padStart(8)}   p99/goal  p50,p99 / baseline`,
  );
  const row = (name: string, s: Summary) =>
    console.log(
      `${name.padEnd(30)}${String(s.count).padStart(9)}${s.rps.toFixed(0).padStart(9)}${fmt(s.p50)}${fmt(s.p90)}${fmt(s.p99)}${fmt(s.max)}${String(s.errors).padStart(8)}   ${(s.p99 / GOAL_P99_MS).toFixed(2).padStart(8)}  ${ratio(s.p50, baseline.all.p50)}${ratio(s.p99, baseline.all.p99)}` +
        (s.codes.size > 0 ? `   ${[...s.codes].map(([c, k]) => `${c}×${k}`).join(', ')}` : ''),
    );
  row('baseline: GET /api/health/live', baseline.all);
  row('GET /api/health (database)', health.all);
  row('saturated: save + list, all', saturated.all);
  for (const [kind, s] of saturated.byKind) row(`  ${kind}`, s);
  row(`paced (${paceMs} ms think): all`, paced.all);
  for (const [kind, s] of paced.byKind) row(`  ${kind}`, s);
  console.log(`stale-version 409s on own drafts: ${stale}`);
  const cpu = (name: string, c: Run['cpu']) =>
    console.log(
      `CPU cores busy during ${name}: client ${c.client.toFixed(2)}, server node ${c.server.toFixed(2)}, postgres ${c.postgres.toFixed(2)} (machine: ${os.availableParallelism()} cores)`,
    );
  cpu('baseline', baseline.cpu);
  cpu('GET /api/health', health.cpu);
  cpu('saturated', saturated.cpu);
  cpu('paced', paced.cpu);
  const ok =
    paced.all.errors === 0 && saturated.all.errors === 0 && stale === 0 && paced.all.p99 < GOAL_P99_MS;
  console.log(
    `load goal (paced sessions): ${ok ? 'met' : 'NOT met'} (p99 ${paced.all.p99.toFixed(1)} ms, ${paced.all.errors + saturated.all.errors} errors)`,
  );
  const ofHealth = saturated.all.rps / health.all.rps;
  console.log(
    `throughput goal (saturated ≥ ${GOAL_THROUGHPUT_OF_HEALTH}x GET /api/health): ${ofHealth.toFixed(2)}x, ${ofHealth >= GOAL_THROUGHPUT_OF_HEALTH ? 'met' : 'NOT met'}; ${(saturated.all.rps / baseline.all.rps).toFixed(2)}x GET /api/health/live`,
  );
  return ok;
}
