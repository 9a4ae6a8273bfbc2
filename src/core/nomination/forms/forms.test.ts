import { describe, expect, it } from 'vitest';
import { parseNominationForm } from '../check.ts';
import { CREDIT, ID, projectForm, rules, starForm } from './fixtures.test-support.ts';
import { projectCompletenessFindings, toProjectEligibilityInput } from './project-form.ts';
import { deriveStarIdentity, starCompletenessFindings, toStarEligibilityInput } from './star-form.ts';
import { characterCount } from './text.ts';

const codes = (findings: { code: string; field: string }[]) => findings.map((f) => `${f.code}@${f.field}`);

describe('form shape and bounds', () => {
  it('a complete form parses unchanged', () => {
    const parsed = parseNominationForm('star', starForm());
    expect(parsed).toEqual({ ok: true, form: starForm(), findings: [] });
    expect(parseNominationForm('project', projectForm()).ok).toBe(true);
  });

  it('an empty draft parses: every field is optional', () => {
    expect(parseNominationForm('star', {}).ok).toBe(true);
    expect(parseNominationForm('project', {}).ok).toBe(true);
  });

  it('keeps script and markup as text, exactly', () => {
    const story = '<script>alert(1)</script><b>事迹</b> &amp; "引号"';
    const parsed = parseNominationForm('star', starForm({ story, name: '<img src=x onerror=alert(1)>' }));
    expect(parsed.ok && parsed.form.story).toBe(story);
    expect(parsed.ok && parsed.form.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses oversized text naming the field', () => {
    const parsed = parseNominationForm('star', starForm({ story: '学'.repeat(5001) }));
    expect(parsed.findings).toEqual([
      {
        code: 'TEXT_TOO_LONG',
        severity: 'error',
        field: 'story',
        message: '“主要事迹”不能超过5000字，目前5001字，请精简。',
      },
    ]);
    expect(parseNominationForm('star', starForm({ story: '学'.repeat(5000) })).ok).toBe(true);
    const project = parseNominationForm('project', projectForm({ measures: { site: 'x'.repeat(1001) } }));
    expect(codes(project.findings)).toEqual(['TEXT_TOO_LONG@measures.site']);
    expect(project.findings[0]!.message).toContain('学习场所');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(characterCount('𠀀𠀀')).toBe(2);
    expect(parseNominationForm('star', starForm({ name: '𠀀'.repeat(50) })).ok).toBe(true);
  });

  it('refuses control characters but allows line breaks and tabs in paragraphs', () => {
    expect(codes(parseNominationForm('star', starForm({ name: '张\u0000三' })).findings)).toEqual([
      'TEXT_CONTROL_CHARACTERS@name',
    ]);
    expect(codes(parseNominationForm('star', starForm({ story: '铃\u0007声' })).findings)).toEqual([
      'TEXT_CONTROL_CHARACTERS@story',
    ]);
    expect(codes(parseNominationForm('star', starForm({ story: '坏\uD800字' })).findings)).toEqual([
      'TEXT_CONTROL_CHARACTERS@story',
    ]);
    expect(parseNominationForm('star', starForm({ story: '第一段\r\n\t第二段\n' })).ok).toBe(true);
  });

  it('refuses line breaks in single-line fields', () => {
    expect(codes(parseNominationForm('star', starForm({ name: '张\n三' })).findings)).toEqual([
      'TEXT_LINE_BREAK@name',
    ]);
  });

  it('reports wrong types, unknown fields and unknown choices', () => {
    const raw = {
      ...starForm(),
      name: 123,
      focusGroups: '社区居民',
      attestations: { conditions: [1] },
      extra: 'x',
    };
    expect(codes(parseNominationForm('star', raw).findings).sort()).toEqual(
      [
        'FIELD_TYPE@attestations.conditions.0',
        'FIELD_TYPE@focusGroups',
        'FIELD_TYPE@name',
        'FIELD_UNKNOWN@',
      ].sort(),
    );
    expect(
      codes(parseNominationForm('project', projectForm({ entityType: '公司' as never })).findings),
    ).toEqual(['FIELD_CHOICE@entityType']);
    expect(codes(parseNominationForm('star', null).findings)).toEqual(['FIELD_TYPE@']);
  });

  it('bounds lists', () => {
    const many = Array.from({ length: 11 }, () => '社区居民');
    expect(codes(parseNominationForm('star', starForm({ focusGroups: many })).findings)).toEqual([
      'LIST_TOO_LONG@focusGroups',
    ]);
  });
});

describe('completeness', () => {
  it('a complete form misses nothing', () => {
    expect(starCompletenessFindings(starForm(), rules)).toEqual([]);
    expect(projectCompletenessFindings(projectForm(), rules)).toEqual([]);
  });

  it('names each missing field in Chinese', () => {
    const findings = starCompletenessFindings(
      starForm({ story: '  \n ', politicalStatus: undefined }),
      rules,
    );
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['politicalStatus', '请选择政治面貌。'],
      ['story', '请填写主要事迹。'],
    ]);
  });

  it('asks for each condition of the campaign and the misconduct promise', () => {
    const findings = starCompletenessFindings(
      starForm({ attestations: { conditions: [true, false] } }),
      rules,
    );
    expect(codes(findings)).toEqual([
      'ATTESTATION_REQUIRED@attestations.conditions.1',
      'ATTESTATION_REQUIRED@attestations.conditions.2',
      'ATTESTATION_REQUIRED@attestations.conditions.3',
      'ATTESTATION_REQUIRED@attestations.noMisconduct',
    ]);
    expect(findings[0]!.message).toBe(`请确认${rules.eligibility.star.conditions[1]}。`);
  });

  it('optional fields may stay empty', () => {
    expect(
      starCompletenessFindings(starForm({ post: '', awards: undefined, focusGroups: [] }), rules),
    ).toEqual([]);
  });

  it('one participation count is enough; none is one finding', () => {
    expect(projectCompletenessFindings(projectForm({ participationsOffline: null }), rules)).toEqual([]);
    const none = projectForm({ participationsOffline: null, participationsOnline: ' ' });
    expect(codes(projectCompletenessFindings(none, rules))).toEqual(['FIELD_REQUIRED@participationsOffline']);
  });

  it('treats a non-object form as empty', () => {
    expect(starCompletenessFindings('nonsense', rules).length).toBe(16);
    expect(projectCompletenessFindings(undefined, rules).length).toBe(20);
  });

  it('does not ask for the work summary as text: the notices want it once, as a document', () => {
    const fields = projectCompletenessFindings({}, rules).map((f) => f.field);
    expect(fields).not.toContain('workSummary');
    expect(projectCompletenessFindings(projectForm({ workSummary: '' }), rules)).toEqual([]);
    const slot = rules.materials.project.slots.find((s) => s.id === 'workSummary');
    expect(slot).toMatchObject({ kind: 'document', required: true });
  });
});

describe('mapping to eligibility and identity', () => {
  it('maps the star form to the eligibility input', () => {
    expect(toStarEligibilityInput(starForm())).toEqual({
      nationality: '中国',
      noMisconductAttested: true,
      isCountyLevelOfficialOrAbove: false,
      focusGroups: ['社区居民'],
      conditionsAttested: [true, true, true, true],
      previousWinner: false,
    });
    expect(toStarEligibilityInput({}).isCountyLevelOfficialOrAbove).toBeNull();
  });

  it('maps the project form to the eligibility input', () => {
    expect(toProjectEligibilityInput(projectForm())).toMatchObject({
      programmeName: '“银龄学堂”老年教育项目',
      entity: { name: '长春市某社区教育学院', creditCode: CREDIT },
      creditRecord: { attested: true, checkedOn: '2024-03-01' },
      participationsOnline: '1.2万',
    });
    expect(toProjectEligibilityInput({}).participationsOffline).toBeNull();
  });

  it('derives sex and birth date from the ID number, full-width too', () => {
    const fullWidth = ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(deriveStarIdentity({ idNumber: fullWidth }, '2024-04-01')).toEqual({
      sex: 'male',
      sexLabel: '男',
      birthDate: '1980-01-01',
    });
    expect(deriveStarIdentity({ idNumber: '220102198001011230' }, '2024-04-01')).toEqual({});
    expect(deriveStarIdentity({ idNumber: '   ' }, '2024-04-01')).toEqual({});
    expect(deriveStarIdentity({}, '2024-04-01')).toEqual({});
  });
});
