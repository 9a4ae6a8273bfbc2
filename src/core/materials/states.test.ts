import { describe, expect, it } from 'vitest';
import {
  awaitedJob,
  findMaterialTransition,
  initialMaterialState,
  isMaterialState,
  MATERIAL_ORIGINS,
  MATERIAL_STATES,
  MATERIAL_TRANSITIONS,
  type MaterialState,
  materialTransitionProblem,
  materialTransitionsFrom,
} from './states.ts';

const ALL = Object.keys(MATERIAL_STATES) as MaterialState[];

describe('material states', () => {
  it('names every state in Chinese', () => {
    expect(MATERIAL_STATES).toEqual({
      converting: '转换中',
      pending: '检查中',
      passed: '已通过',
      failed: '未通过',
    });
  });

  it('recognises states and nothing else', () => {
    expect(isMaterialState('pending')).toBe(true);
    expect(isMaterialState('toString')).toBe(false);
    expect(isMaterialState('draft')).toBe(false);
  });

  it('has one row per move, each between known states, with a label', () => {
    const pairs = new Set(MATERIAL_TRANSITIONS.map((tr) => `${tr.from}>${tr.to}`));
    expect(pairs.size).toBe(MATERIAL_TRANSITIONS.length);
    for (const tr of MATERIAL_TRANSITIONS) {
      expect(isMaterialState(tr.from) && isMaterialState(tr.to)).toBe(true);
      expect(tr.label).toMatch(/\p{Script=Han}/u);
    }
  });

  it('lets a check give its verdict, again when its job runs twice, and a conversion finish or fail', () => {
    expect(materialTransitionsFrom('pending').map((tr) => tr.to)).toEqual(['passed', 'failed']);
    expect(findMaterialTransition('passed', 'failed')?.verdict).toBe(true);
    expect(findMaterialTransition('failed', 'failed')?.verdict).toBe(true);
    expect(materialTransitionsFrom('converting').map((tr) => tr.to)).toEqual(['pending', 'failed']);
    expect(findMaterialTransition('converting', 'pending')?.verdict).toBe(false);
  });

  it('never lets a judged file go back to waiting, nor anything become a conversion', () => {
    for (const from of ALL) {
      if (from !== 'converting') expect(findMaterialTransition(from, 'pending')).toBeUndefined();
      expect(findMaterialTransition(from, 'converting')).toBeUndefined();
    }
    expect(findMaterialTransition('converting', 'passed')).toBeUndefined();
  });

  it('says in Chinese why a move is refused, naming the file and the states', () => {
    expect(materialTransitionProblem('活动.mp4', 'pending', 'passed')).toBeUndefined();
    expect(materialTransitionProblem('活动.mp4', 'converting', 'passed')).toBe(
      '文件“活动.mp4”正在转换，转换完成后还要检查，现在不能改为“已通过”。',
    );
    expect(materialTransitionProblem('照片.jpg', 'passed', 'pending')).toContain('不能改回检查中');
    expect(materialTransitionProblem('照片.jpg', 'failed', 'converting')).toContain('请申请转换副本');
    for (const from of ALL) {
      for (const to of ALL) {
        const problem = materialTransitionProblem('照片.jpg', from, to);
        if (problem) {
          expect(problem).toMatch(/\p{Script=Han}/u);
          expect(problem).not.toMatch(/converting|pending|passed|failed/);
        }
      }
    }
  });

  it('starts every kind of new file in a state the table knows, waiting for its job', () => {
    for (const state of Object.values(MATERIAL_ORIGINS)) expect(isMaterialState(state)).toBe(true);
    expect(initialMaterialState('uploaded')).toBe('pending');
    expect(initialMaterialState('converted')).toBe('converting');
    expect(awaitedJob('pending')).toBe('check');
    expect(awaitedJob('converting')).toBe('convert');
    expect(awaitedJob('failed')).toBeNull();
  });

  it('starts a forwarded file without a place, or a demo file, at its verdict; an upload never', () => {
    const error = { severity: 'error' };
    expect(initialMaterialState('forwarded', { findings: [error] })).toBe('failed');
    expect(initialMaterialState('seeded', { findings: [{ severity: 'warning' }] })).toBe('passed');
    expect(() => initialMaterialState('uploaded', { findings: [] })).toThrow();
    expect(() => initialMaterialState('converted', { findings: [error] })).toThrow();
  });
});
