import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../findings.ts';
import { checkNomination, completenessFindings, dedupeFindings, remapField } from './check.ts';
import { CREDIT, ID, projectForm, rules, starForm } from './forms/fixtures.test-support.ts';
import type { PreviousWinnerRecord } from './previous-winners.ts';

const TODAY = '2024-04-01';
const codes = (findings: { code: string; field: string }[]) => findings.map((f) => `${f.code}@${f.field}`);
const star = (raw: unknown, options = {}) =>
  codes(checkNomination('star', raw, rules, { today: TODAY, ...options }));
const project = (raw: unknown, options = {}) =>
  codes(checkNomination('project', raw, rules, { today: TODAY, ...options }));

describe('checkNomination: stars', () => {
  it('a complete, eligible star has no findings', () => {
    expect(star(starForm())).toEqual([]);
  });

  it('puts eligibility findings on the form paths', () => {
    expect(
      star(starForm({ attestations: { conditions: [true, true, false, true], noMisconduct: false } })),
    ).toEqual([
      'STAR_MISCONDUCT_NOT_ATTESTED@attestations.noMisconduct',
      'STAR_CONDITION_NOT_ATTESTED@attestations.conditions.2',
    ]);
  });

  it('checks the ID number and phone where they are typed', () => {
    expect(star(starForm({ idNumber: `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}` }))).toEqual([
      'ID_CHECKSUM@idNumber',
    ]);
    expect(star(starForm({ phone: '1234' }))).toEqual(['PHONE_MOBILE@phone']);
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(star(starForm({ idNumber: fullWidth(ID), phone: fullWidth('138 1234 5678') }))).toEqual([]);
  });

  it('reports a missing field once, with the most specific message', () => {
    expect(star(starForm({ nationality: ' ', idNumber: '', name: undefined }))).toEqual([
      'FIELD_REQUIRED@name',
      'FIELD_REQUIRED@idNumber',
      'STAR_NATIONALITY_MISSING@nationality',
    ]);
  });

  it('a wrong type is reported as such, not also as missing', () => {
    expect(star({ ...starForm(), name: 42 })).toEqual(['FIELD_TYPE@name']);
  });

  it('oversized and markup text', () => {
    const findings = checkNomination('star', starForm({ story: '<p>学习</p>'.repeat(1000) }), rules, {
      today: TODAY,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'TEXT_TOO_LONG', field: 'story' });
    expect(findings[0]!.message).toContain('主要事迹');
    expect(star(starForm({ story: '<script>alert("学习")</script>' }))).toEqual([]);
  });

  it('an organiser override marks the official-rank warning as accepted', () => {
    const form = starForm({ isCountyLevelOfficialOrAbove: true });
    expect(star(form)).toEqual(['STAR_OFFICIAL_RANK@isCountyLevelOfficialOrAbove']);
    const [accepted] = checkNomination('star', form, rules, {
      today: TODAY,
      overrides: [{ code: 'STAR_OFFICIAL_RANK', reason: '事迹特别突出' }],
    });
    expect(accepted).toMatchObject({ accepted: { reason: '事迹特别突出' } });
  });

  it('matches the registry when given one', () => {
    const registry: PreviousWinnerRecord[] = [
      { year: 2021, level: 'national', category: 'star', name: '张三', idNumber: ID },
      { year: 2020, level: 'provincial', category: 'star', name: '张三', birthDate: '1980-01-01' },
    ];
    expect(star(starForm(), { registry })).toEqual([
      'DUPLICATE_WINNER@idNumber',
      'POSSIBLE_PREVIOUS_WINNER@name',
    ]);
  });
});

describe('checkNomination: projects', () => {
  it('a complete, eligible project has no findings', () => {
    expect(project(projectForm())).toEqual([]);
  });

  it('puts eligibility findings on the form paths', () => {
    const form = projectForm({
      name: '长春市某社区教育学院',
      attestations: {
        conditions: [true, true, true, true, true],
        creditRecord: false,
        creditCheckedOn: '2024-3-1',
      },
    });
    expect(project(form)).toEqual([
      'PROJECT_NAME_IS_ENTITY_NAME@name',
      'PROJECT_CREDIT_NOT_ATTESTED@attestations.creditRecord',
      'DATE_INVALID@attestations.creditCheckedOn',
    ]);
  });

  it('measures the credit check against today while drafting and against the submission day once frozen', () => {
    expect(project(projectForm(), { today: '2024-09-01' })).toEqual([
      'PROJECT_CREDIT_CHECK_STALE@attestations.creditCheckedOn',
    ]);
    expect(project(projectForm(), { today: '2024-09-01', submittedOn: '2024-04-08' })).toEqual([]);
  });

  it('a credit code that fails the checksum warns and can be accepted', () => {
    const wrong = `${CREDIT.slice(0, 17)}${CREDIT.endsWith('0') ? '1' : '0'}`;
    expect(project(projectForm({ creditCode: wrong }))).toEqual(['CREDIT_CODE_CHECKSUM@creditCode']);
    const findings = checkNomination('project', projectForm({ creditCode: wrong }), rules, {
      today: TODAY,
      overrides: [{ code: 'CREDIT_CODE_CHECKSUM', reason: '已核对营业执照' }],
    });
    expect(findings[0]).toMatchObject({ accepted: { reason: '已核对营业执照' } });
  });

  it('missing participations are reported once', () => {
    expect(project(projectForm({ participationsOffline: null, participationsOnline: undefined }))).toEqual([
      'PROJECT_PARTICIPATION_MISSING@participationsOffline',
    ]);
  });

  it('checks the contact phone', () => {
    expect(project(projectForm({ contactPhone: '88888888' }))).toEqual(['PHONE_AREA_CODE@contactPhone']);
  });

  it('finds a nearly identical earlier programme', () => {
    const registry: PreviousWinnerRecord[] = [
      { year: 2022, level: 'national', category: 'project', name: '《银龄学堂》老年教育' },
    ];
    expect(project(projectForm(), { registry })).toEqual(['POSSIBLE_PREVIOUS_WINNER@name']);
  });
});

describe('helpers', () => {
  it('remapField maps exact names and prefixes, longest first', () => {
    const map = { conditionsAttested: 'attestations.conditions', entity: 'x', 'entity.name': 'entityName' };
    expect(remapField('conditionsAttested.3', map)).toBe('attestations.conditions.3');
    expect(remapField('entity.name', map)).toBe('entityName');
    expect(remapField('entity.other', map)).toBe('x.other');
    expect(remapField('conditionsAttestedX', map)).toBe('conditionsAttestedX');
  });

  it('dedupeFindings drops exact repeats only', () => {
    const f = { code: 'A', severity: 'warning' as const, field: 'x', message: '' };
    expect(dedupeFindings([f, { ...f }, { ...f, field: 'y' }])).toHaveLength(2);
  });

  it('completenessFindings dispatches by category', () => {
    expect(completenessFindings('star', starForm(), rules)).toEqual([]);
    expect(completenessFindings('project', projectForm(), rules)).toEqual([]);
  });
});

describe('checkNomination never throws', () => {
  const anyValue = fc.oneof(fc.anything(), fc.string(), fc.constant(null), fc.array(fc.boolean()));
  it.each(['star', 'project'] as const)('%s: arbitrary input gives findings', (category) => {
    const keys = Object.keys(category === 'star' ? starForm() : projectForm());
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keys), anyValue)), (raw) => {
        const findings = checkNomination(category, raw, rules, { today: TODAY });
        expect(Array.isArray(findings)).toBe(true);
        expect(hasErrors(findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
