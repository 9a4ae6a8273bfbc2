/**
 * Loaded into a server process with `--import`: appends a line to the file named by FULL_GC_LOG for every
 * full (mark-compact) garbage collection, saying why V8 started it: `external` when memory held outside
 * the heap (a file's chunks on their way to disk) asked for it, `heap` when the heap reached its limit.
 */
import { appendFileSync } from 'node:fs';
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

const log = process.env.FULL_GC_LOG;
if (log) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = (entry as PerformanceEntry & { detail: { kind: number; flags: number } })
        .detail;
      if (kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const cause = flags & constants.NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY ? 'external' : 'heap';
      appendFileSync(log, `${cause} ${entry.duration.toFixed(1)}\n`);
    }
  }).observe({ entryTypes: ['gc'] });
}
