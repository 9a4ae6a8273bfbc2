import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScoreSheet } from '#core/review/score-sheet.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/review/${name}`, import.meta.url), 'utf8');

describe('readScoreSheet', () => {
  it('reads a meeting sheet into one total per review', () => {
    const sheet = readScoreSheet(fixture('scores-meeting.csv'));
    expect(sheet.findings).toEqual([]);
    // criteria: 创新性 weight 2, 示范性 weight 1, both out of 10, so Σ(weight · max) = 30
    // 张三 on N001: (2·9 + 9) / 30 = 27/30 → 90; 李四: (2·6 + 3) / 30 → 50; 王五: (2·8 + 5) / 30 → 70
    expect(sheet.totals.slice(0, 3)).toEqual([
      { nomination: 'N001', expert: '张三', total: 90 },
      { nomination: 'N001', expert: '李四', total: 50 },
      { nomination: 'N001', expert: '王五', total: 70 },
    ]);
    expect(sheet.totals).toHaveLength(9);
  });

  it('reports every wrong line with its number, and computes no totals', () => {
    const sheet = readScoreSheet(fixture('scores-errors.csv'));
    expect(sheet.totals).toEqual([]);
    expect(sheet.findings.map((f) => [f.line, f.code])).toEqual([
      [3, 'SCORE_OUT_OF_RANGE'],
      [4, 'SCORE_NOT_NUMBER'],
      [8, 'SCORE_CRITERION_MISSING'],
      [9, 'SCORE_DUPLICATE'],
      [10, 'SCORE_ROW_COLUMNS'],
    ]);
    expect(sheet.findings.map((f) => f.message)).toEqual([
      '第3行：「示范性」得分 11 超出范围，应在 0 到 10 之间',
      '第4行：得分「六」不是数字，请填写数字',
      '第8行：专家「李四」对推介「N002」缺少评分项「示范性」的得分，请补全',
      '第9行：专家「李四」对推介「N002」的「创新性」已在第8行评分，请删去重复的一行',
      '第10行：应有6列，实为5列，请检查逗号',
    ]);
  });

  it.each([
    ['a wrong header', 'nomination,expert,score\nN1,A,5', 'SCORE_SHEET_HEADER', 1],
    ['only a header', 'nomination,expert,criterion,score,max,weight\n', 'SCORE_SHEET_EMPTY', 1],
    ['an empty file', '', 'SCORE_SHEET_HEADER', 1],
    [
      'a negative score',
      'nomination,expert,criterion,score,max,weight\nN1,A,c,-1,10,1',
      'SCORE_OUT_OF_RANGE',
      2,
    ],
    ['a zero maximum', 'nomination,expert,criterion,score,max,weight\nN1,A,c,0,0,1', 'SCORE_MAX_INVALID', 2],
    [
      'a zero weight',
      'nomination,expert,criterion,score,max,weight\nN1,A,c,1,10,0',
      'SCORE_WEIGHT_INVALID',
      2,
    ],
    ['a blank expert', 'nomination,expert,criterion,score,max,weight\nN1, ,c,1,10,1', 'SCORE_FIELD_EMPTY', 2],
    [
      'two maxima for one criterion',
      'nomination,expert,criterion,score,max,weight\nN1,A,c,1,10,1\nN1,B,c,1,20,1',
      'SCORE_CRITERION_INCONSISTENT',
      3,
    ],
  ])('refuses %s', (_why, text, code, line) => {
    const sheet = readScoreSheet(text);
    expect(sheet.findings.map((f) => [f.code, f.line])).toEqual([[code, line]]);
    expect(sheet.findings[0]!.severity).toBe('error');
  });

  it('accepts a BOM, CRLF, spaces around values and decimals', () => {
    const sheet = readScoreSheet(
      '\uFEFFnomination,expert,criterion,score,max,weight\r\nN1, A ,c, 7.5 ,10,0.5\r\n',
    );
    expect(sheet.findings).toEqual([]);
    expect(sheet.totals).toEqual([{ nomination: 'N1', expert: 'A', total: 75 }]);
  });
});
