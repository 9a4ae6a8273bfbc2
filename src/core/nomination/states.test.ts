import { describe, expect, it } from 'vitest';
import { isCampaignState } from '../campaign/states.ts';
import {
  EDITABLE_STATES,
  findTransition,
  isNominationState,
  NOMINATION_STATES,
  NOMINATION_TRANSITIONS,
  type NominationState,
  QUOTA_STATES,
  transitionProblem,
  transitionsFrom,
} from './states.ts';

const ALL = Object.keys(NOMINATION_STATES) as NominationState[];
const moves = (state: NominationState, actor: 'unit' | 'organiser' | 'system') =>
  transitionsFrom(state, actor).map((tr) => tr.to);

describe('nomination states', () => {
  it('has a Chinese label for every state', () => {
    expect(NOMINATION_STATES).toMatchObject({
      draft: '草稿',
      submitted: '已提交',
      returned: '退回修改',
      accepted: '形式审查通过',
      withdrawn: '已撤回',
      selected: '入选',
    });
    for (const state of ALL) expect(NOMINATION_STATES[state]).toMatch(/\p{Script=Han}/u);
  });

  it('recognises states and nothing else', () => {
    expect(isNominationState('draft')).toBe(true);
    expect(isNominationState('toString')).toBe(false);
    expect(isNominationState('')).toBe(false);
  });

  it('table is well formed: known states, one row per move and actor, labels', () => {
    const pairs = new Set<string>();
    let rows = 0;
    for (const tr of NOMINATION_TRANSITIONS) {
      expect(isNominationState(tr.from) && isNominationState(tr.to)).toBe(true);
      expect(tr.from).not.toBe(tr.to);
      expect(tr.label.trim()).not.toBe('');
      expect(tr.actors.length).toBeGreaterThan(0);
      expect(tr.campaignStates.every(isCampaignState)).toBe(true);
      for (const actor of tr.actors) {
        pairs.add(`${tr.from}>${tr.to}:${actor}`);
        rows++;
      }
    }
    expect(pairs.size).toBe(rows);
  });

  it('every state is reachable from draft', () => {
    const seen = new Set<NominationState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const tr of NOMINATION_TRANSITIONS) {
        if (seen.has(tr.from) && !seen.has(tr.to)) {
          seen.add(tr.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...ALL].sort());
  });

  it('a unit submits, withdraws before the deadline, and resubmits after a return', () => {
    expect(moves('draft', 'unit')).toEqual(['submitted']);
    expect(moves('submitted', 'unit')).toEqual(['withdrawn']);
    expect(moves('returned', 'unit').sort()).toEqual(['submitted', 'withdrawn']);
    expect(moves('accepted', 'unit')).toEqual(['withdrawn']);
    expect(moves('withdrawn', 'unit')).toEqual(['draft']);
    for (const tr of NOMINATION_TRANSITIONS.filter((x) => x.actors.includes('unit'))) {
      expect(tr.beforeDeadlineOnly).toBe(true);
    }
  });

  it('a unit cannot review its own nomination or change review results', () => {
    expect(findTransition('submitted', 'accepted', 'unit')).toBeUndefined();
    for (const state of ['shortlisted', 'not_selected', 'selected', 'forwarded'] as const) {
      expect(moves(state, 'unit')).toEqual([]);
    }
  });

  it('the organiser checks: accept, or return with a reason', () => {
    expect(moves('submitted', 'organiser').sort()).toEqual(['accepted', 'returned']);
    expect(findTransition('submitted', 'returned', 'organiser')?.requiresReason).toBe(true);
    expect(findTransition('submitted', 'accepted', 'organiser')?.requiresReason).toBe(false);
  });

  it('submitting freezes a snapshot and checks the quota', () => {
    for (const from of ['draft', 'returned'] as const) {
      const tr = findTransition(from, 'submitted', 'unit')!;
      expect(tr.freezesSnapshot).toBe(true);
      expect(tr.checksQuota).toBe(true);
    }
    expect(
      NOMINATION_TRANSITIONS.filter((tr) => tr.freezesSnapshot).every((tr) => tr.to === 'submitted'),
    ).toBe(true);
  });

  it('late drafts are withdrawn by the system, not by people, and only after the deadline', () => {
    expect(moves('draft', 'system')).toEqual(['withdrawn']);
    expect(moves('returned', 'system')).toEqual(['withdrawn']);
    expect(findTransition('draft', 'withdrawn', 'unit')).toBeUndefined();
    for (const tr of NOMINATION_TRANSITIONS) {
      expect(tr.afterDeadlineOnly).toBe(tr.actors.length === 1 && tr.actors[0] === 'system');
      expect(tr.afterDeadlineOnly && tr.beforeDeadlineOnly).toBe(false);
    }
  });

  it('only selected nominations are forwarded, by the organiser', () => {
    const into = NOMINATION_TRANSITIONS.filter((tr) => tr.to === 'forwarded');
    expect(into.map((tr) => [tr.from, tr.actors])).toEqual([['selected', ['organiser']]]);
  });

  it('editable states are exactly those the unit submits from', () => {
    const submitFrom = NOMINATION_TRANSITIONS.filter((tr) => tr.to === 'submitted').map((tr) => tr.from);
    expect([...EDITABLE_STATES].sort()).toEqual(submitFrom.sort());
    expect(QUOTA_STATES.has('draft') || QUOTA_STATES.has('withdrawn')).toBe(false);
    expect(QUOTA_STATES.has('returned')).toBe(true);
  });

  it('explains refused transitions in Chinese', () => {
    expect(transitionProblem('draft', 'submitted', 'unit')).toBeUndefined();
    expect(transitionProblem('submitted', 'accepted', 'unit')).toBe(
      '报送单位不能将推介从“已提交”改为“形式审查通过”。',
    );
    expect(transitionProblem('draft', 'selected', 'organiser')).toBe(
      '推介不能从“草稿”改为“入选”，请刷新页面查看当前状态。',
    );
  });
});
