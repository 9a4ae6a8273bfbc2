import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain line, `tests: N passed, N failed, N skipped`, which any tool reading the
 * output (CI included) understands without knowing Vitest's own summary format. Before it, how long each
 * project's files took from the first start to the last end, and the slowest files: CI's time limit is
 * the next thing a growing suite meets, and its output keeps only the end of the run.
 */
export default class SummaryReporter implements Reporter {
  private readonly spans = new Map<string, { from: number; to: number }>();

  onTestModuleStart(module: TestModule) {
    const name = module.project.name;
    if (!this.spans.has(name)) this.spans.set(name, { from: Date.now(), to: Date.now() });
  }

  onTestModuleEnd(module: TestModule) {
    const span = this.spans.get(module.project.name);
    if (span) span.to = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && !module.children.size) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    if (modules.length > 1) {
      const spans = [...this.spans].map(([name, { from, to }]) => `${name || '—'} ${seconds(to - from)}`);
      console.log(`\ntime by project (first start to last end): ${spans.join(', ')}`);
      const slowest = [...modules]
        .map((m) => ({ file: m.relativeModuleId, ms: fileTime(m) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 12);
      console.log(`slowest files: ${slowest.map((s) => `${s.file} ${seconds(s.ms)}`).join(', ')}`);
    }
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}

function fileTime(module: TestModule): number {
  const d = module.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
