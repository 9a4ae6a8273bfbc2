import { describe, expect, it } from 'vitest';
import {
  findPackageTransition,
  isPackageState,
  PACKAGE_INITIAL_STATE,
  PACKAGE_STATES,
  PACKAGE_TRANSITIONS,
  type PackageState,
  packageTransitionProblem,
} from './package-states.ts';

const ALL = Object.keys(PACKAGE_STATES) as PackageState[];

describe('package states', () => {
  it('names every state in Chinese and starts queued', () => {
    for (const state of ALL) expect(PACKAGE_STATES[state]).toMatch(/\p{Script=Han}/u);
    expect(PACKAGE_INITIAL_STATE).toBe('queued');
    expect(isPackageState('ready')).toBe(true);
    expect(isPackageState('constructor')).toBe(false);
  });

  it('has one row per move between known states', () => {
    const pairs = new Set(PACKAGE_TRANSITIONS.map((tr) => `${tr.from}>${tr.to}`));
    expect(pairs.size).toBe(PACKAGE_TRANSITIONS.length);
    for (const tr of PACKAGE_TRANSITIONS) expect(isPackageState(tr.from) && isPackageState(tr.to)).toBe(true);
  });

  it('builds from the queue, then ends ready or failed; a build may start over after a crash', () => {
    expect(findPackageTransition('queued', 'building')).toBeDefined();
    expect(findPackageTransition('building', 'building')).toBeDefined();
    expect(findPackageTransition('building', 'ready')).toBeDefined();
    expect(findPackageTransition('building', 'failed')).toBeDefined();
    expect(findPackageTransition('queued', 'ready')).toBeUndefined();
  });

  it('keeps a finished package finished: a ready one only expires; failed and expired are final', () => {
    for (const to of ALL) {
      if (to !== 'expired') expect(findPackageTransition('ready', to)).toBeUndefined();
      expect(findPackageTransition('failed', to)).toBeUndefined();
      expect(findPackageTransition('expired', to)).toBeUndefined();
    }
    expect(findPackageTransition('ready', 'expired')).toBeDefined();
    expect(packageTransitionProblem('expired', 'ready')).toContain('已过期');
  });

  it('says in Chinese why a move is refused, never with a state key', () => {
    expect(packageTransitionProblem('building', 'ready')).toBeUndefined();
    expect(packageTransitionProblem('failed', 'building')).toBe(
      '提交包生成失败后不再继续，请重新生成一个提交包。',
    );
    expect(packageTransitionProblem('ready', 'building')).toContain('已经生成完成');
    expect(packageTransitionProblem('queued', 'ready')).toBe(
      '提交包还在排队，尚未开始生成，不能改为“已生成”。',
    );
    for (const from of ALL)
      for (const to of ALL) {
        const problem = packageTransitionProblem(from, to);
        if (problem) expect(problem).not.toMatch(/queued|building|ready|failed|expired/);
      }
  });
});
