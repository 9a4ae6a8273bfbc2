/**
 * The libraries only a few actions need (spreadsheets, charts, mail, the S3 client) are loaded on first
 * use, not with the process (decision 0022): every megabyte of heap they would hold is marked again by
 * each full garbage collection, which a 300 MB upload triggers several times a second.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const HEAVY = ['exceljs', 'echarts', 'nodemailer', '@aws-sdk/client-s3'];

/** The packages of HEAVY a fresh Node process has loaded after running `script` (an ES module body). */
function heavyLoadedAfter(script: string): string[] {
  const program = `
import { registerHooks } from 'node:module';
const loaded = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); loaded.add(r.url); return r; } });
${script}
const heavy = ${JSON.stringify(HEAVY)};
console.log(JSON.stringify(heavy.filter((name) => [...loaded].some((url) => url.includes('/node_modules/' + name + '/')))));
`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('libraries a few actions need', () => {
  it('are not loaded by starting the platform (every module `serve` imports)', { timeout: 120_000 }, () => {
    expect(heavyLoadedAfter("await import('./src/cli/commands/serve.ts');")).toEqual([]);
  });

  it('are loaded when an action needs them', { timeout: 120_000 }, () => {
    const loaded = heavyLoadedAfter(`
const { renderTablesXlsx } = await import('./src/server/platform/documents/render-table-xlsx.ts');
await renderTablesXlsx([{ sheetName: '表', title: '表', columns: [{ header: '列', field: 'a', width: 10 }], rows: [{ a: '一' }] }]);
const { chartSvg } = await import('./src/server/modules/statistics/chart-images.ts');
await chartSvg({ key: 'k', title: '图', kind: 'bar', columns: ['数'], rows: [{ label: '甲', values: [1] }] });
`);
    expect(loaded).toEqual(['exceljs', 'echarts']);
  });
});
