import { describe, expect, it } from 'vitest';
import {
  availableMoves,
  deadlinePassedMessage,
  editRefusal,
  type MoveContext,
  moveRefusal,
} from './moves.ts';
import { NOMINATION_STATES, type NominationState } from './states.ts';

/** 2024-04-10 17:00 Beijing, to the end of that minute (as campaign/deadline.ts reads a rules deadline). */
const DEADLINE = Date.parse('2024-04-10T17:00:00+08:00') + 59_999;
const BEFORE = Date.parse('2024-04-10T16:59:00+08:00');
const AFTER = Date.parse('2024-04-10T17:01:00+08:00');
const EXTENDED = Date.parse('2024-04-13T17:00:00+08:00');

const ctx = (patch: Partial<MoveContext> = {}): MoveContext => ({
  actor: 'unit',
  campaignState: 'open',
  deadline: { at: DEADLINE, extended: false },
  now: BEFORE,
  ...patch,
});
const moves = (state: NominationState, patch: Partial<MoveContext> = {}) =>
  availableMoves(state, ctx(patch)).map((t) => t.label);
const ALL = Object.keys(NOMINATION_STATES) as NominationState[];

describe('the moves a nomination offers', () => {
  it('a unit before its deadline: 提交 a draft, 撤回 what it submitted', () => {
    expect(moves('draft')).toEqual(['提交']);
    expect(moves('submitted')).toEqual(['撤回']);
    expect(moves('returned')).toEqual(['修改后重新提交', '撤回']);
    expect(moves('accepted')).toEqual(['撤回']);
    expect(moves('withdrawn')).toEqual(['恢复为草稿']);
  });

  it('a unit after its deadline is offered nothing, and the server says why in the same words', () => {
    for (const state of ALL) expect(moves(state, { now: AFTER })).toEqual([]);
    expect(moveRefusal('draft', 'submitted', ctx({ now: AFTER }))).toEqual({
      code: 'DEADLINE_PASSED',
      message:
        '报送截止时间（2024年4月10日 17:00）已过，不能再提交或修改。如有特殊情况，请联系组织单位申请延期。',
    });
    expect(moveRefusal('submitted', 'withdrawn', ctx({ now: AFTER }))?.code).toBe('DEADLINE_PASSED');
  });

  it('the deadline holds to the end of its minute', () => {
    expect(moves('draft', { now: DEADLINE })).toEqual(['提交']);
    expect(moves('draft', { now: DEADLINE + 1 })).toEqual([]);
  });

  it('a unit with an extension keeps its moves until the extension ends', () => {
    const extended = { deadline: { at: EXTENDED, extended: true } };
    expect(moves('draft', { ...extended, now: AFTER })).toEqual(['提交']);
    expect(moves('submitted', { ...extended, now: AFTER })).toEqual(['撤回']);
    expect(moves('draft', { ...extended, now: EXTENDED + 1 })).toEqual([]);
    expect(moveRefusal('draft', 'submitted', ctx({ ...extended, now: EXTENDED + 1 }))?.message).toContain(
      '延期后的报送截止时间（2024年4月13日 17:00）已过',
    );
  });

  it('nothing is offered to a unit while the campaign is not taking submissions', () => {
    for (const campaignState of ['draft', 'reviewing', 'announcing', 'approved', 'published']) {
      expect(moves('draft', { campaignState })).toEqual([]);
    }
    expect(moveRefusal('draft', 'submitted', ctx({ campaignState: 'reviewing' }))).toEqual({
      code: 'MOVE_NOT_IN_CAMPAIGN_STATE',
      message: '活动当前为“评审中”，「提交」仅在活动处于“报送中”状态时可以进行。',
    });
  });

  it('the organiser’s formal check does not depend on the units’ deadline', () => {
    const organiser = { actor: 'organiser' as const, now: AFTER };
    expect(moves('submitted', organiser)).toEqual(['形式审查通过', '退回修改']);
    expect(moves('draft', organiser)).toEqual([]);
  });

  it('逾期视为自动放弃 is the system’s, only once the unit’s own deadline has passed', () => {
    const system = { actor: 'system' as const, lateCountsAsWithdrawn: true };
    expect(moves('draft', { ...system, now: BEFORE })).toEqual([]);
    expect(moves('draft', { ...system, now: AFTER })).toEqual(['逾期未提交，视为自动放弃']);
    expect(moves('returned', { ...system, now: AFTER })).toEqual(['逾期未重新提交，视为自动放弃']);
    expect(moves('submitted', { ...system, now: AFTER })).toEqual([]);
    // An extension granted after the job was planned postpones it.
    const extended = { ...system, now: AFTER, deadline: { at: EXTENDED, extended: true } };
    expect(moveRefusal('draft', 'withdrawn', ctx(extended))).toEqual({
      code: 'DEADLINE_NOT_PASSED',
      message: '报送单位的延期截止时间（2024年4月13日 17:00）未到，不能按逾期处理。',
    });
    expect(moves('draft', { ...system, now: AFTER, deadline: { at: null, extended: false } })).toEqual([]);
    expect(moves('draft', { ...system, now: AFTER, campaignState: 'announcing' })).toEqual([]);
  });

  it('without the campaign’s rule 逾期视为自动放弃, work left open at the deadline stays as it is', () => {
    const system = { actor: 'system' as const, now: AFTER };
    expect(moves('draft', { ...system, lateCountsAsWithdrawn: false })).toEqual([]);
    expect(moves('draft', system)).toEqual([]);
    expect(moveRefusal('draft', 'withdrawn', ctx(system))?.code).toBe('LATE_WITHDRAWAL_NOT_IN_RULES');
    expect(moveRefusal('draft', 'withdrawn', ctx(system))?.message).toBe(
      '本活动规则未规定“逾期视为自动放弃”，截止时未提交的推介保留原状，不作撤回处理。',
    );
    // The unit still cannot submit after its deadline.
    expect(moves('draft', { now: AFTER, lateCountsAsWithdrawn: false })).toEqual([]);
  });

  it('editing follows the same deadline, state and campaign', () => {
    expect(editRefusal('draft', ctx())).toBeUndefined();
    expect(editRefusal('returned', ctx())).toBeUndefined();
    expect(editRefusal('submitted', ctx())).toMatchObject({
      code: 'NOMINATION_NOT_EDITABLE',
      message: expect.stringContaining('内容已冻结'),
    });
    expect(editRefusal('draft', ctx({ campaignState: 'reviewing' }))?.code).toBe('CAMPAIGN_NOT_OPEN');
    expect(editRefusal('draft', ctx({ now: AFTER }))?.code).toBe('DEADLINE_PASSED');
    expect(editRefusal('draft', ctx({ campaignState: 'reviewing' }))?.message).toBe(
      '活动当前为“评审中”，不在报送期，推介不能再修改。',
    );
  });

  it('a move the table does not have is refused with its own code', () => {
    expect(moveRefusal('draft', 'selected', ctx())?.code).toBe('MOVE_NOT_ALLOWED');
  });

  it('writes deadlines in Beijing time', () => {
    expect(deadlinePassedMessage({ at: null, extended: false })).toBe(
      '报送截止时间已过，不能再提交或修改。如有特殊情况，请联系组织单位申请延期。',
    );
  });
});
