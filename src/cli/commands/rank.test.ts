import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const MEETING = 'test/fixtures/review/scores-meeting.csv';
const ERRORS = 'test/fixtures/review/scores-errors.csv';
const HEADER = 'nomination,expert,criterion,score,max,weight';

function tuijie(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['src/cli/main.ts', 'rank', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

function sheet(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tuijie-rank-')), name);
  writeFileSync(file, content);
  return file;
}

const r4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The meeting fixture: criteria weight 2 and 1, both out of 10, so T = 100 · (2a + b) / 30.
 * 张三 90, 80, 70 (mean 80); 李四 50, 70, 60 (mean 60); 王五 70, 50, 60 (mean 60) on N001, N002, N003.
 * Each expert's sd is √(200/3), so ±10 is z = ±√1.5 = ±k.
 * All nine totals: mean 600/9, squared deviations sum 1400, sd √(1400/9).
 */
const K = Math.sqrt(1.5);
const MEAN_ALL = 600 / 9;
const SD_ALL = Math.sqrt(1400 / 9);

describe('tuijie rank', () => {
  it('ranks by the mean and shows every method side by side', () => {
    const { status, output } = (() => {
      const run = tuijie(MEETING, '--method', 'mean', '--json');
      return { status: run.status, output: JSON.parse(run.stdout) };
    })();
    expect(status).toBe(0);
    expect(output).toEqual([
      {
        nomination: 'N001',
        reviews: 3,
        mean: 70, // (90 + 50 + 70) / 3
        trimmed: 70, // fewer than 5 reviews: the mean
        zscore: r4(K / 3), // (+k − k + k) / 3
        zscoreRescaled: r4(MEAN_ALL + (K / 3) * SD_ALL),
        rank: 1,
        disagreement: true, // 90 − 50 = 40 > 20
        fallbackExperts: [],
      },
      {
        nomination: 'N002',
        reviews: 3,
        mean: r4(200 / 3), // (80 + 70 + 50) / 3
        trimmed: r4(200 / 3),
        zscore: 0, // (0 + k − k) / 3
        zscoreRescaled: r4(MEAN_ALL),
        rank: 2,
        disagreement: true, // 80 − 50 = 30
        fallbackExperts: [],
      },
      {
        nomination: 'N003',
        reviews: 3,
        mean: r4(190 / 3), // (70 + 60 + 60) / 3
        trimmed: r4(190 / 3),
        zscore: r4(-K / 3), // (−k + 0 + 0) / 3
        zscoreRescaled: r4(MEAN_ALL - (K / 3) * SD_ALL),
        rank: 3,
        disagreement: false, // 70 − 60 = 10
        fallbackExperts: [],
      },
    ]);
  });

  it('speaks Chinese without --json', () => {
    const run = tuijie(MEETING, '--method', 'zscore');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('排序依据：按专家标准化后的分数；3 个推介，9 份评审；同分按推介编号排列');
    expect(lines[2]).toBe(
      `1\tN001\t3\t70.00\t70.00\t0.408\t${(MEAN_ALL + (K / 3) * SD_ALL).toFixed(2)}\t评审意见分歧较大`,
    );
    expect(lines.slice(1).map((l) => l.split('\t')[1])).toEqual(['推介', 'N001', 'N002', 'N003']);
  });

  it('trims from five reviews on and breaks ties by nomination id', () => {
    // B: 95, 40, 70, 80, 60 → mean 69, trimmed (70 + 80 + 60) / 3 = 70; A: 70 from one review.
    const rows = [95, 40, 70, 80, 60].map((score, i) => `B,e${i},c,${score},100,1`);
    const file = sheet('five.csv', [HEADER, 'A,e0,c,70,100,1', ...rows].join('\n'));
    const trimmed = JSON.parse(tuijie(file, '--method', 'trimmed', '--json').stdout);
    expect(trimmed.map((n: { nomination: string; trimmed: number }) => [n.nomination, n.trimmed])).toEqual([
      ['A', 70],
      ['B', 70],
    ]);
    const mean = JSON.parse(tuijie(file, '--method', 'mean', '--json').stdout);
    expect(mean.map((n: { nomination: string }) => n.nomination)).toEqual(['A', 'B']);
  });

  it('names the experts whose scores could not be normalised on their own', () => {
    const file = sheet('one.csv', [HEADER, 'N1,甲,c,8,10,1', 'N2,甲,c,6,10,1', 'N1,乙,c,5,10,1'].join('\n'));
    const run = tuijie(file, '--method', 'zscore');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '注：以下专家无法按本人评分标准化，其评分与全部评分一并标准化：乙（评审不足2份）',
    );
  });

  it('exits 1 with every error and its line number', () => {
    const run = tuijie(ERRORS, '--method', 'mean');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('评分表有 5 处错误，未计算排名');
    expect(run.stdout).toContain(
      '错误 SCORE_OUT_OF_RANGE：第3行：「示范性」得分 11 超出范围，应在 0 到 10 之间',
    );
    expect(run.stdout).toContain('错误 SCORE_ROW_COLUMNS：第10行：应有6列，实为5列，请检查逗号');
    const json = tuijie(ERRORS, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((f: { line: number }) => f.line)).toEqual([3, 4, 8, 9, 10]);
  });

  it.each([
    ['a missing file', ['no-such-file.csv'], '文件不存在'],
    ['a folder', ['test/fixtures/review'], '这是一个文件夹'],
    ['a GB18030 file', [sheet('gbk.csv', Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a]))], '不是 UTF-8 编码'],
    ['an unknown method', [MEETING, '--method', 'median'], '排序方法「median」无效'],
    ['no file', [], '请给出评分表文件'],
  ])('exits 2 for %s', (_why, args, message) => {
    const run = tuijie(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});
