import { describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { hasErrors } from '#core/findings.ts';
import { isAccepted, openFindings } from './overrides.ts';
import { checkStarEligibility, type StarEligibilityInput } from './star.ts';

const rules = getTemplate('national-2024')!;

function star(patch: Partial<StarEligibilityInput> = {}): StarEligibilityInput {
  return {
    nationality: '中国',
    noMisconductAttested: true,
    isCountyLevelOfficialOrAbove: false,
    focusGroups: ['社区居民'],
    conditionsAttested: [true, true, true, true],
    previousWinner: false,
    ...patch,
  };
}
const codes = (input: StarEligibilityInput) =>
  checkStarEligibility(input, rules).map((f) => `${f.code}@${f.field}`);

describe('checkStarEligibility', () => {
  it('a complete, eligible nominee has no findings', () => {
    expect(checkStarEligibility(star(), rules)).toEqual([]);
  });

  it.each<[string, Partial<StarEligibilityInput>, string[]]>([
    ['nationality 中国籍', { nationality: '中国籍' }, []],
    ['nationality with spaces', { nationality: '  中 国 ' }, []],
    ['nationality full-width CHN', { nationality: 'ＣＨＮ' }, []],
    ['nationality China', { nationality: 'China' }, []],
    ['nationality empty', { nationality: '' }, ['STAR_NATIONALITY_MISSING@nationality']],
    ['nationality spaces only', { nationality: '\u3000 ' }, ['STAR_NATIONALITY_MISSING@nationality']],
    ['nationality foreign', { nationality: '美国' }, ['STAR_NATIONALITY@nationality']],
    [
      'misconduct not attested',
      { noMisconductAttested: false },
      ['STAR_MISCONDUCT_NOT_ATTESTED@noMisconductAttested'],
    ],
    ['official', { isCountyLevelOfficialOrAbove: true }, ['STAR_OFFICIAL_RANK@isCountyLevelOfficialOrAbove']],
    [
      'official unknown',
      { isCountyLevelOfficialOrAbove: null },
      ['STAR_OFFICIAL_RANK_UNKNOWN@isCountyLevelOfficialOrAbove'],
    ],
    ['no focus group', { focusGroups: [] }, ['STAR_NO_FOCUS_GROUP@focusGroups']],
    ['blank focus group', { focusGroups: [' '] }, ['STAR_NO_FOCUS_GROUP@focusGroups']],
    ['focus group with spaces', { focusGroups: [' 退役军人 '] }, []],
    ['unknown focus group', { focusGroups: ['老年人', '网红'] }, ['STAR_FOCUS_GROUP_UNKNOWN@focusGroups']],
    [
      'condition 3 not attested',
      { conditionsAttested: [true, true, false, true] },
      ['STAR_CONDITION_NOT_ATTESTED@conditionsAttested.2'],
    ],
    [
      'conditions missing entirely',
      { conditionsAttested: [] },
      [0, 1, 2, 3].map((i) => `STAR_CONDITION_NOT_ATTESTED@conditionsAttested.${i}`),
    ],
    ['previous winner', { previousWinner: true }, ['STAR_PREVIOUS_WINNER@previousWinner']],
  ])('%s', (_name, patch, expected) => {
    expect(codes(star(patch))).toEqual(expected);
  });

  it('errors block, warnings do not', () => {
    expect(hasErrors(checkStarEligibility(star({ nationality: '美国' }), rules))).toBe(true);
    expect(hasErrors(checkStarEligibility(star({ isCountyLevelOfficialOrAbove: true }), rules))).toBe(false);
  });

  it('tolerates a form that sends nonsense, without throwing', () => {
    const junk = {
      nationality: 42,
      noMisconductAttested: 'yes',
      isCountyLevelOfficialOrAbove: 'no',
      focusGroups: 'x',
      conditionsAttested: null,
      previousWinner: 'false',
    };
    const findings = checkStarEligibility(junk as unknown as StarEligibilityInput, rules);
    expect(findings.map((f) => f.code)).toEqual([
      'STAR_NATIONALITY_MISSING',
      'STAR_MISCONDUCT_NOT_ATTESTED',
      'STAR_OFFICIAL_RANK_UNKNOWN',
      'STAR_NO_FOCUS_GROUP',
      'STAR_CONDITION_NOT_ATTESTED',
      'STAR_CONDITION_NOT_ATTESTED',
      'STAR_CONDITION_NOT_ATTESTED',
      'STAR_CONDITION_NOT_ATTESTED',
    ]);
  });

  describe('organiser overrides of STAR_OFFICIAL_RANK', () => {
    it('turns the warning into an accepted note that keeps code and reason', () => {
      const reason = '退休前为县处级，现为社区志愿者，事迹突出';
      const findings = checkStarEligibility(
        star({ isCountyLevelOfficialOrAbove: true, overrides: [{ code: 'STAR_OFFICIAL_RANK', reason }] }),
        rules,
      );
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        code: 'STAR_OFFICIAL_RANK',
        severity: 'warning',
        accepted: { reason },
      });
      expect(findings[0]?.message).toContain(reason);
      expect(isAccepted(findings[0]!)).toBe(true);
      expect(openFindings(findings)).toEqual([]);
    });

    it('needs a reason', () => {
      const findings = checkStarEligibility(
        star({
          isCountyLevelOfficialOrAbove: true,
          overrides: [{ code: 'STAR_OFFICIAL_RANK', reason: '  ' }],
        }),
        rules,
      );
      expect(findings.map((f) => f.code)).toEqual(['STAR_OFFICIAL_RANK', 'OVERRIDE_REASON_MISSING']);
      expect(openFindings(findings)).toHaveLength(2);
      // Named by what it says, not by the program's code for it.
      expect(findings[1]!.message).toBe(`确认放行“${findings[0]!.message}”须填写理由，请补充。`);
    });

    it('cannot override an error', () => {
      const findings = checkStarEligibility(
        star({ previousWinner: true, overrides: [{ code: 'STAR_PREVIOUS_WINNER', reason: '领导同意' }] }),
        rules,
      );
      expect(findings.map((f) => f.code)).toEqual(['STAR_PREVIOUS_WINNER', 'OVERRIDE_NOT_ALLOWED']);
      expect(hasErrors(findings)).toBe(true);
      expect(findings[1]!.message).not.toContain('STAR_PREVIOUS_WINNER');
    });
  });

  it('reads its lists from the campaign rules', () => {
    const custom = getTemplate('jilin-2023')!;
    custom.eligibility.star.focusGroups = ['新就业群体'];
    custom.eligibility.star.conditions = ['条件1'];
    custom.eligibility.star.warnOfficialRank = false;
    const findings = checkStarEligibility(
      star({ focusGroups: ['新就业群体'], conditionsAttested: [true], isCountyLevelOfficialOrAbove: true }),
      custom,
    );
    expect(findings).toEqual([]);
  });
});
