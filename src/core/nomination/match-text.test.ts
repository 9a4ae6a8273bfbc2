import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigrams,
  editDistanceWithin,
  normaliseForMatch,
  personKey,
  programmeKey,
  requiredSharedBigrams,
  sameUnit,
  similarKeys,
  stripNotes,
} from './match-text.ts';

describe('normaliseForMatch', () => {
  it.each([
    ['“银龄学堂”', '银龄学堂'],
    ['《银龄学堂》', '银龄学堂'],
    ['「銀齡學堂」', '银龄学堂'],
    ['『银龄』学堂', '银龄学堂'],
    ['【银龄】（学堂）', '银龄学堂'],
    ['〈银龄〉[学堂]', '银龄学堂'],
    ['\'银龄\'"学堂"', '银龄学堂'],
    ['银 龄\u3000学\t堂\n', '银龄学堂'],
    ['ＡＢＣ读书会', 'abc读书会'],
    ['ABC讀書會', 'abc读书会'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽･买买提', '阿依古丽·买买提'],
    ['終身學習品牌項目', '终身学习品牌项目'],
    ['衞生健康講堂', '卫生健康讲堂'],
    ['１２３', '123'],
    ['阿依古丽-买买提', '阿依古丽·买买提'],
    ['阿依古丽—买买提', '阿依古丽·买买提'],
    ['阿依古丽－买买提', '阿依古丽·买买提'],
    ['阿依古丽‐买买提', '阿依古丽·买买提'],
    ['阿依古丽–买买提', '阿依古丽·买买提'],
    ['吉林大学——继续教育学院', '吉林大学·继续教育学院'],
    ['', ''],
    ['   ', ''],
    // NFKC makes ˘ a space and a combining breve; with the space gone the breve composes with the A.
    ['𝐀˘', 'ă'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseForMatch(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normaliseForMatch(s);
        expect(normaliseForMatch(once)).toBe(once);
      }),
    );
  });
});

describe('programmeKey', () => {
  it('drops a generic tail but never the whole name', () => {
    expect(programmeKey('“银龄学堂”终身学习品牌项目')).toBe('银龄学堂');
    expect(programmeKey('银龄学堂项目')).toBe('银龄学堂');
    expect(programmeKey('项目')).toBe('项目');
  });

  it('drops separators: 银龄·学堂 and 银龄—学堂 are 银龄学堂', () => {
    expect(programmeKey('银龄·学堂')).toBe('银龄学堂');
    expect(programmeKey('银龄——学堂')).toBe('银龄学堂');
  });
});

describe('notes in brackets', () => {
  it.each([
    ['王秀兰（退休）', '王秀兰'],
    ['张三(女)', '张三'],
    ['陈明【副教授】', '陈明'],
    ['某社区〔负责人（兼）〕', '某社区'],
    ['长春市朝阳区某社区（负责人）', '长春市朝阳区某社区'],
    ['（退休）', ''],
  ])('%s → %s', (raw, expected) => {
    expect(personKey(raw)).toBe(expected);
  });

  it('leaves an unbalanced bracket alone', () => {
    expect(stripNotes('王秀兰（退休')).toBe('王秀兰(退休');
  });
});

describe('sameUnit', () => {
  it.each([
    ['长春市朝阳区某社区', '长春市朝阳区某社区', true],
    ['长春市朝阳区某社区', '吉林省长春市朝阳区某社区', true],
    ['某社区', '吉林省长春市朝阳区某社区', false], // three characters say too little
    ['', '', false],
    ['长春市朝阳区某社区', '长春市南关区某社区', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(sameUnit(a, b)).toBe(expected);
  });
});

describe('editDistanceWithin', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['书香社区', '书香小区', 1],
    ['书香社区全民阅读推广', '书香社区全民阅读推广活动', 2],
    ['kitten', 'sitting', 3],
  ])('%s / %s', (a, b, d) => {
    expect(editDistanceWithin(a, b, 5)).toBe(d);
    expect(editDistanceWithin(a, b, 2)).toBe(Math.min(d, 3));
  });

  it('counts a supplementary-plane character as one', () => {
    expect(editDistanceWithin('𠀀学堂', '一学堂', 2)).toBe(1);
  });

  it('is symmetric and bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistanceWithin(a, b, 2);
        expect(d).toBe(editDistanceWithin(b, a, 2));
        expect(d).toBeLessThanOrEqual(3);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('similarKeys', () => {
  it.each([
    ['书香社区全民阅读推广', '书香社区全民阅读推广活动', true],
    ['银龄学堂老年教育', '银龄学堂老年敎育', true],
    ['银龄学堂', '银龄学堂老年教育', true],
    ['银龄学堂', '金龄学堂', false], // short names: one character is a different name
    ['银龄阳光学堂', '银龄幸福学堂', false], // two edits in six characters: a different programme
    ['银龄阳光学堂', '银龄阳光课堂', true],
    ['银龄学堂', '长春银龄学堂', true],
    ['银龄学堂', '长春银龄学堂老年课', false],
    ['社区教育', '长春市朝阳区社区教育学院老年大学', false], // a topic inside a long name
    ['乡村夜校', '乡村夜校', true],
    ['', '', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(similarKeys(a, b)).toBe(expected);
  });

  // Short names get the care long ones get: a place in front does not make another programme.
  it.each([
    ['乐龄学堂', '长春市朝阳区乐龄学堂', true],
    ['乐龄学堂', '吉林省长春市乐龄学堂', true],
    ['知行堂', '延边朝鲜族自治州知行堂', true],
    ['知行堂', '长春知行堂', false], // no place word: 长春知行 could be a name of its own
    ['乐龄学堂', '长春市朝阳区乐龄学堂分校', false],
    ['乐龄学堂', '乐龄讲堂', false],
    ['银龄学堂', '金龄学堂', false],
    ['夕阳红', '夕阳红合唱团', false],
    ['城市书房', '书房', false],
  ])('short: %s / %s → %s', (a, b, expected) => {
    expect(similarKeys(a, b)).toBe(expected);
    expect(similarKeys(b, a)).toBe(expected);
  });

  // A name made only of the field's common words names no programme: it is found only when equal.
  it.each([
    ['读书会', '长春市读书会'],
    ['社区教育', '朝阳区社区教育'],
    ['社区教育', '社区教育学院'],
    ['老年大学', '长春市老年大学'],
    ['市民学校', '市民学校讲堂'],
  ])('common: %s / %s do not match', (a, b) => {
    expect(similarKeys(a, b)).toBe(false);
    expect(similarKeys(a, a)).toBe(true);
  });

  it('the bigram filter never rules out a similar pair', () => {
    const character = fc.constantFrom(...'学习读书社区银龄课堂');
    // b is a with up to two edits, or a slice of a, so that similar pairs are common.
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      c: character,
    });
    let similarPairs = 0;
    fc.assert(
      fc.property(
        fc.array(character, { minLength: 4, maxLength: 14 }),
        fc.array(edit, { maxLength: 2 }),
        fc.option(fc.tuple(fc.nat(), fc.nat())),
        (xa, edits, slice) => {
          let xb = [...xa];
          if (slice) xb = xa.slice(slice[0] % xa.length, xa.length - (slice[1] % 3));
          for (const { at, kind, c } of edits) {
            const i = at % (xb.length + 1);
            if (kind === 'insert') xb.splice(i, 0, c);
            else if (kind === 'delete') xb.splice(i, 1);
            else xb.splice(i, 1, c);
          }
          const [a, b] = [xa.join(''), xb.join('')];
          if (a === b || !similarKeys(a, b)) return;
          similarPairs++;
          const ba = bigrams(a);
          let shared = 0;
          for (const [pair, n] of bigrams(b)) shared += Math.min(n, ba.get(pair) ?? 0);
          expect(shared).toBeGreaterThanOrEqual(requiredSharedBigrams(xa.length, xb.length));
        },
      ),
      { numRuns: 3000 },
    );
    expect(similarPairs).toBeGreaterThan(500);
  });
});
