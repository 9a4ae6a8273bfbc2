import { describe, expect, it } from 'vitest';
import { asClause, joinMessages } from './findings.ts';

describe('joining messages', () => {
  it('strings sentences together with 「；」 and one closing 。', () => {
    expect(joinMessages(['请填写姓名。', '请上传证件照（需 1 个文件）后再提交。', '请勾选承诺'])).toBe(
      '请填写姓名；请上传证件照（需 1 个文件）后再提交；请勾选承诺。',
    );
  });

  it('never leaves 「。；」 or 「。。」, also for messages of two sentences', () => {
    const joined = joinMessages([
      'PDF 文件不完整（缺少文件结尾），可能是上传中断。请重新导出后再上传。',
      '该人员已于2022年入选。 如有疑问请联系组织单位。',
    ]);
    expect(joined).toBe(
      'PDF 文件不完整（缺少文件结尾），可能是上传中断；请重新导出后再上传；该人员已于2022年入选；如有疑问请联系组织单位。',
    );
    expect(joined).not.toMatch(/。[；。]/u);
  });

  it('a clause has no closing punctuation; nothing joined is empty', () => {
    expect(asClause(' 请核对。 ')).toBe('请核对');
    expect(asClause('请核对；')).toBe('请核对');
    expect(joinMessages([])).toBe('');
    expect(joinMessages(['。', ''])).toBe('');
  });
});
