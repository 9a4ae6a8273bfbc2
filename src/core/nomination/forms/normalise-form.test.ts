import { describe, expect, it } from 'vitest';
import { parseNominationForm } from '../check.ts';
import { normaliseNominationForm, PROJECT_TEXT_KINDS, STAR_TEXT_KINDS } from './normalise-form.ts';
import { PROJECT_LABELS } from './project-form.ts';
import { STAR_LABELS } from './star-form.ts';

describe('normaliseNominationForm', () => {
  it('a star: the number, phone and name as printed; the story as written', () => {
    const typed = {
      name: '\u202B张\u3000三\u202C',
      idNumber: '１１０１０５ １９４９１２３１ ００２ｘ',
      phone: '１３８\u200B０４３１００００',
      workUnit: '长春市第１０１中学（退休）\u3000',
      focusGroups: ['社区居民\u200B', '老年人'],
      story: '\u3000\u3000她组织读书会１２０场，带动邻里。',
      isCountyLevelOfficialOrAbove: false,
      attestations: { conditions: [true, true], noMisconduct: true },
    };
    expect(normaliseNominationForm('star', typed)).toEqual({
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13804310000',
      workUnit: '长春市第101中学（退休）',
      focusGroups: ['社区居民', '老年人'],
      story: '\u3000\u3000她组织读书会１２０场，带动邻里。',
      isCountyLevelOfficialOrAbove: false,
      attestations: { conditions: [true, true], noMisconduct: true },
    });
  });

  it('a project: nested measures, the credit code and the check date', () => {
    const typed = {
      name: '“悦读”\u200D工程',
      creditCode: '９１３５ ０１００ Ｍ０００１００Ｙ４３',
      participationsOffline: '１．２万',
      participationsOnline: 3000,
      measures: { site: '社区\u202E学习中心' },
      contactName: '李\u3000四',
      attestations: { creditRecord: true, creditCheckedOn: '２０２４－０３－０１' },
    };
    expect(normaliseNominationForm('project', typed)).toEqual({
      name: '“悦读”工程',
      creditCode: '91350100M000100Y43',
      participationsOffline: '1.2万',
      participationsOnline: 3000,
      measures: { site: '社区学习中心' },
      contactName: '李四',
      attestations: { creditRecord: true, creditCheckedOn: '2024-03-01' },
    });
  });

  it('leaves what is not text, and unknown fields, to the schema', () => {
    const odd = { name: 42, unknown: '\u200B', focusGroups: 'not a list' };
    expect(normaliseNominationForm('star', odd)).toEqual({ ...odd, focusGroups: 'not a list' });
    expect(normaliseNominationForm('star', null)).toBeNull();
  });

  it('names a kind for every text field of both forms', () => {
    const textFields = (labels: Record<string, string>) =>
      Object.keys(labels).filter(
        (k) =>
          !k.startsWith('attestations') &&
          !['isCountyLevelOfficialOrAbove', 'entityType', 'measures'].includes(k),
      );
    expect(textFields(STAR_LABELS).filter((k) => !STAR_TEXT_KINDS[k])).toEqual([]);
    expect(textFields(PROJECT_LABELS).filter((k) => !PROJECT_TEXT_KINDS[k])).toEqual([]);
  });
});

describe('names that are only punctuation', () => {
  it.each([
    ['star', 'name', '——'],
    ['project', 'name', '《》'],
    ['project', 'entityName', '/'],
    ['project', 'contactName', '。。。'],
  ] as const)('a %s form refuses %s %j', (category, field, value) => {
    const parsed = parseNominationForm(category, { [field]: value });
    expect(parsed.ok).toBe(false);
    expect(parsed.findings).toEqual([
      expect.objectContaining({
        code: 'TEXT_ONLY_SYMBOLS',
        field,
        message: expect.stringMatching(/只有标点或符号/),
      }),
    ]);
  });

  it('takes a name with a middle dot, and an empty draft field', () => {
    expect(parseNominationForm('star', { name: '阿依古丽·买买提' }).ok).toBe(true);
    expect(parseNominationForm('star', { name: '' }).ok).toBe(true);
  });
});
