import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function tuijie(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

function json(...args: string[]) {
  const run = tuijie('calendar', ...args, '--json');
  return { status: run.status, output: JSON.parse(run.stdout), stderr: run.stderr };
}

describe('tuijie calendar', () => {
  it('gives the end of 5 working days from 2026-09-29, counting that day', () => {
    expect(json('--from', '2026-09-29', '--workdays', '5')).toEqual({
      status: 0,
      output: { from: '2026-09-29', workdays: 5, countStart: true, end: '2026-10-10' },
      stderr: '',
    });
  });

  it('excludes the start day when asked', () => {
    const { status, output } = json('--from', '2026-09-29', '--workdays', '5', '--exclude-start');
    expect(status).toBe(0);
    expect(output).toEqual({ from: '2026-09-29', workdays: 5, countStart: false, end: '2026-10-12' });
  });

  it('crosses the 2025 National Day holiday and its make-up days', () => {
    expect(json('--from', '2025-09-26', '--workdays', '5').output.end).toBe('2025-10-09');
  });

  it('explains the end day in Chinese', () => {
    const { status, stdout } = tuijie('calendar', '--from', '2026-09-29', '--workdays', '5');
    expect(status).toBe(0);
    expect(stdout).toContain('2026年9月29日（星期二）起（含当日）');
    expect(stdout).toContain('第5个工作日为：2026年10月10日（星期六，国庆节调休上班）');
  });

  it.each([
    ['2026/9/29', '应写作 2026-09-29'],
    ['２０２６-０９-２９', '应写作 2026-09-29'],
    [' 2026-09-29', '应写作 2026-09-29'],
    ['2026-02-30', '2026年2月没有30日'],
  ])('refuses the malformed date %j with exit code 1', (from, hint) => {
    const { status, output } = json('--from', from, '--workdays', '5');
    expect(status).toBe(1);
    expect(output.end).toBeUndefined();
    expect(output.findings).toEqual([expect.objectContaining({ code: 'DATE_INVALID', severity: 'error' })]);
    expect(output.findings[0].message).toContain(hint);
  });

  it('refuses a year without a published schedule instead of guessing', () => {
    const { status, output } = json('--from', '2028-03-01', '--workdays', '5');
    expect(status).toBe(1);
    expect(output.findings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_UNKNOWN' })]);
    expect(output.findings[0].message).toContain('2028年的国务院节假日安排尚未发布');
  });

  it('refuses a period that runs into an unpublished year', () => {
    const { status, output } = json('--from', '2026-12-28', '--workdays', '10');
    expect(status).toBe(1);
    expect(output.findings[0].message).toContain('2027年');
  });

  it('shows findings as text without --json', () => {
    const { status, stdout } = tuijie('calendar', '--from', '2028-03-01', '--workdays', '5');
    expect(status).toBe(1);
    expect(stdout).toContain('错误 CALENDAR_YEAR_UNKNOWN：2028年');
  });

  it.each(['0', 'abc', '-3', '2.5'])('refuses %j working days with exit code 1', (workdays) => {
    const { status, output } = json('--from', '2026-09-29', `--workdays=${workdays}`);
    expect(status).toBe(1);
    expect(output.findings).toEqual([
      expect.objectContaining({ code: 'WORKDAYS_INVALID', field: 'workdays' }),
    ]);
  });

  it.each([
    [['--workdays', '5'], '请用 --from 指定起始日期'],
    [['--from', '2026-09-29'], '用 --workdays 指定工作日天数'],
    [['--from', '2026-09-29', '--workdays', '5', '--days', '3'], '未知选项「--days」'],
    [['--from', '2026-09-29', '--workdays', '5', 'extra'], '多余的参数「extra」'],
    [['--from'], '选项「--from」缺少取值'],
  ])('reports a usage error for %j with exit code 2', (args, hint) => {
    const { status, stdout, stderr } = tuijie('calendar', ...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(hint);
    expect(stderr).toContain('用法：tuijie calendar');
  });
});
