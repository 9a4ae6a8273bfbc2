import { describe, expect, it } from 'vitest';
import { error, warning } from '../findings.ts';
import { submissionFindings, submissionRefusal, submissionSummary } from './submission-findings.ts';

const missingName = error('FIELD_REQUIRED', 'name', '请填写姓名。');
const missingPhoto = error(
  'MATERIAL_MISSING',
  'materials.star.idPhoto',
  '请上传「百姓学习之星」证件照（需 1 个文件）后再提交。',
);
const winner = error('DUPLICATE_WINNER', 'idNumber', '该人员已入选过。如有疑问请联系组织单位。');
const rank = warning(
  'STAR_OFFICIAL_RANK',
  'isCountyLevelOfficialOrAbove',
  '一般不推介县处级及以上领导干部。',
);

describe('the one list of submission findings', () => {
  it('puts the registry first, then the form, then the material, each finding once', () => {
    expect(
      submissionFindings({ registry: [winner], form: [missingName, winner], material: [missingPhoto] }),
    ).toEqual([winner, missingName, missingPhoto]);
  });

  it('does not say 「检查通过」 while material is missing', () => {
    const list = submissionFindings({ form: [], material: [missingPhoto] });
    expect(submissionSummary(list)).toBe('还有 1 处需完善');
    expect(submissionSummary(submissionFindings({ form: [rank], material: [] }))).toBe(
      '可以提交；有 1 处提示请核对',
    );
    expect(submissionSummary([])).toBe('检查通过，可以提交');
  });

  it('refuses with the errors of the same list, one sentence, never 「。；」', () => {
    const list = submissionFindings({ form: [missingName, rank], material: [missingPhoto] });
    expect(submissionRefusal(list)).toEqual({
      code: 'INCOMPLETE',
      message:
        '还有 2 处问题需要修改后才能提交：请填写姓名；请上传「百姓学习之星」证件照（需 1 个文件）后再提交。',
      findings: [missingName, missingPhoto],
    });
    expect(submissionRefusal([winner, missingName])?.code).toBe('DUPLICATE_WINNER');
    expect(submissionRefusal([winner])?.message).not.toMatch(/。[；。]/u);
    expect(submissionRefusal([error('PROJECT_TOO_YOUNG', 'startDate', '项目运行不满2年。')])?.code).toBe(
      'NOT_ELIGIBLE',
    );
    expect(submissionRefusal([rank])).toBeUndefined();
  });
});
