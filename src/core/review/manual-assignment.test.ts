import { describe, expect, it } from 'vitest';
import { checkManualChange, type ManualChangeContext } from './manual-assignment.ts';

const context: ManualChangeContext = {
  experts: [
    { id: 'a', name: '张三', province: '11', minLoad: 2, maxLoad: 2 },
    { id: 'b', name: '李四', province: '31', maxLoad: 3 },
    { id: 'c', name: '王五', province: '11' },
    { id: 'd', name: '赵六', province: '44' },
  ],
  nominations: [
    { id: 'n1', label: '社区读书会', province: '22' },
    { id: 'n2', label: '银龄学堂', province: '22' },
  ],
  current: [
    { nominationId: 'n1', expertId: 'a' },
    { nominationId: 'n1', expertId: 'b' },
    { nominationId: 'n2', expertId: 'a' },
    { nominationId: 'n2', expertId: 'b' },
  ],
  conflicts: [{ nominationId: 'n1', expertId: 'd', reasons: [{ message: '专家申报与「李学习」为近亲属' }] }],
  submitted: [{ nominationId: 'n2', expertId: 'b' }],
  reviewsPerNomination: 2,
};

const check = (change: Parameters<typeof checkManualChange>[0]) =>
  checkManualChange(change, context).map((f) => [f.severity, f.code, f.message]);

describe('checkManualChange', () => {
  it('refuses a conflicted expert, with the reason', () => {
    expect(check({ kind: 'add', nominationId: 'n1', expertId: 'd' })).toEqual([
      [
        'error',
        'ASSIGNMENT_CONFLICT',
        '赵六须回避「社区读书会」：专家申报与「李学习」为近亲属，不能安排其评审',
      ],
    ]);
  });

  it('refuses an expert at the maximum load and a pair already assigned', () => {
    expect(check({ kind: 'replace', nominationId: 'n1', expertId: 'b', byExpertId: 'a' })).toEqual([
      ['error', 'ASSIGNMENT_DUPLICATE', '张三已在评审「社区读书会」'],
    ]);
    expect(
      checkManualChange(
        { kind: 'add', nominationId: 'n1', expertId: 'a' },
        {
          ...context,
          current: context.current
            .filter((p) => p.nominationId !== 'n1')
            .concat({ nominationId: 'x', expertId: 'a' }),
        },
      ).map((f) => f.code),
    ).toEqual(['ASSIGNMENT_OVER_MAX']);
  });

  it('refuses to remove a submitted review or one that does not exist', () => {
    expect(check({ kind: 'remove', nominationId: 'n2', expertId: 'b' })).toEqual([
      ['error', 'ASSIGNMENT_REVIEW_SUBMITTED', '李四已提交对「银龄学堂」的评审，不能撤下'],
    ]);
    expect(check({ kind: 'remove', nominationId: 'n2', expertId: 'c' })[0]![1]).toBe('ASSIGNMENT_NOT_FOUND');
    expect(check({ kind: 'remove', nominationId: 'n9', expertId: 'c' })[0]![1]).toBe('ASSIGNMENT_UNKNOWN');
  });

  it('warns of a load below the minimum, too few or too many reviews and one province twice', () => {
    expect(check({ kind: 'remove', nominationId: 'n1', expertId: 'a' })).toEqual([
      ['warning', 'ASSIGNMENT_UNDER_MIN', '撤下后张三的评审为1份，低于最低工作量2份'],
      ['warning', 'ASSIGNMENT_REVIEWS_BELOW', '调整后「社区读书会」只有1份评审，少于每项2份'],
    ]);
    expect(check({ kind: 'add', nominationId: 'n1', expertId: 'c' })).toEqual([
      ['warning', 'ASSIGNMENT_SAME_PROVINCE', '「社区读书会」的评审专家张三与王五来自同一省份'],
      ['warning', 'ASSIGNMENT_REVIEWS_ABOVE', '调整后「社区读书会」有3份评审，多于每项2份'],
    ]);
  });

  it('accepts a clean replacement', () => {
    // 赵六 (no conflict with 银龄学堂, another province) takes 张三's place: only 张三's minimum is left to see.
    expect(check({ kind: 'replace', nominationId: 'n2', expertId: 'a', byExpertId: 'd' })).toEqual([
      ['warning', 'ASSIGNMENT_UNDER_MIN', '撤下后张三的评审为1份，低于最低工作量2份'],
    ]);
    expect(check({ kind: 'replace', nominationId: 'n1', expertId: 'b', byExpertId: 'c' })).toEqual([
      ['warning', 'ASSIGNMENT_SAME_PROVINCE', '「社区读书会」的评审专家张三与王五来自同一省份'],
    ]);
  });
});
