import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../identity/index.ts';
import { matchPreviousWinners, type PreviousWinnerRecord } from './previous-winners.ts';
import type { RegistryContext } from './registry-findings.ts';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const ZHANG = id('22010219800101123');
const CACE = 'org-cace';
const JILIN = 'org-jilin';

/** The candidate: nominated by 长春市教育局 in Jilin's 2026 provincial round. */
const jilinRound: RegistryContext = {
  round: { level: 'provincial', organiserId: JILIN, campaignId: 'c-jilin-2026', unitId: 'u-changchun' },
  ask: '吉林省教育厅',
};
const nationalRound: RegistryContext = {
  round: { level: 'national', organiserId: CACE, campaignId: 'c-national-2026', unitId: JILIN },
  ask: '中国成人教育协会',
};

const person = (patch: Partial<PreviousWinnerRecord>): PreviousWinnerRecord => ({
  year: 2024,
  level: 'provincial',
  category: 'star',
  name: '张三',
  province: '长春市教育局',
  unit: '长春市朝阳区某社区',
  idNumber: ZHANG,
  ...patch,
});

const findings = (records: PreviousWinnerRecord[], context: RegistryContext) =>
  matchPreviousWinners(
    { category: 'star', name: '张三', idNumber: ZHANG, nominationId: 'me' },
    records,
    context,
  );
const codes = (records: PreviousWinnerRecord[], context: RegistryContext) =>
  findings(records, context).map((f) => `${f.code}:${f.severity}`);

describe('only a title in the same round blocks (issue 10, items 5 and 6)', () => {
  it('a winner of the same level and organiser is an error', () => {
    expect(codes([person({ organiserId: JILIN })], jilinRound)).toEqual(['DUPLICATE_WINNER:error']);
    expect(codes([person({ level: 'national', organiserId: CACE })], nationalRound)).toEqual([
      'DUPLICATE_WINNER:error',
    ]);
  });

  it('a provincial winner in the national round is information for the organiser, not an error', () => {
    const [line] = findings([person({ organiserId: JILIN, organiserName: '吉林省教育厅' })], nationalRound);
    expect(line).toMatchObject({ code: 'PREVIOUS_WINNER_ELSEWHERE', severity: 'info' });
    expect(line!.message).toContain('省级（吉林省教育厅）评选');
    expect(line!.message).toContain('不影响推介');
  });

  it('another province’s winners and a national winner do not block a provincial round', () => {
    expect(codes([person({ organiserId: 'org-zhejiang' })], jilinRound)).toEqual([
      'PREVIOUS_WINNER_ELSEWHERE:info',
    ]);
    expect(codes([person({ level: 'national', organiserId: CACE })], jilinRound)).toEqual([
      'PREVIOUS_WINNER_ELSEWHERE:info',
    ]);
  });

  it.each([
    ['not_selected', '未入选'],
    ['withdrawn', '已撤回'],
  ] as const)('an earlier nomination that ended %s is an information line', (outcome, words) => {
    const earlier = person({
      organiserId: JILIN,
      nominationId: 'old',
      campaignId: 'c-jilin-2024',
      unitId: 'u-changchun',
      outcome,
    });
    const [line] = findings([earlier], jilinRound);
    expect(line).toMatchObject({ code: 'EARLIER_NOMINATION', severity: 'info' });
    expect(line!.message).toContain(words);
  });

  it('a nomination selected in an earlier round of the same organiser blocks', () => {
    const won = person({
      organiserId: JILIN,
      nominationId: 'old',
      campaignId: 'c-jilin-2024',
      outcome: 'won',
    });
    expect(codes([won], jilinRound)).toEqual(['DUPLICATE_WINNER:error']);
  });

  it('without a round every winner blocks, as a registry that cannot tell rounds apart must', () => {
    expect(codes([person({ level: 'city', organiserId: 'x' })], {})).toEqual(['DUPLICATE_WINNER:error']);
  });
});

describe('nominations in the same campaign', () => {
  const running = (unitId: string) =>
    person({ nominationId: 'other', campaignId: 'c-jilin-2026', unitId, organiserId: JILIN });

  it('the same unit twice is an error; another unit is a warning for the organiser to settle', () => {
    expect(codes([running('u-changchun')], jilinRound)).toEqual(['DUPLICATE_NOMINATION:error']);
    expect(codes([running('u-jilin-city')], jilinRound)).toEqual(['ALSO_NOMINATED:warning']);
  });

  it('running in another campaign is information only', () => {
    const elsewhere = person({ nominationId: 'x', campaignId: 'c-city-2026', unitId: 'u-school' });
    expect(codes([elsewhere], jilinRound)).toEqual(['EARLIER_NOMINATION:info']);
  });

  it('a forwarded copy and its source are one nomination: no finding at all (item 4)', () => {
    const source = person({
      nominationId: 'src',
      campaignId: 'c-jilin-2026',
      outcome: 'won',
      organiserId: JILIN,
    });
    expect(findings([source], { ...nationalRound, related: new Set(['src']) })).toEqual([]);
    expect(codes([source], nationalRound)).toEqual(['PREVIOUS_WINNER_ELSEWHERE:info']);
  });

  it('a unit’s other programme of the same entity is not a duplicate', () => {
    const other: PreviousWinnerRecord = {
      year: 2026,
      level: 'provincial',
      category: 'project',
      name: '智慧助老课堂',
      creditCode: '12220000MB1234567X',
      nominationId: 'p2',
      campaignId: 'c-jilin-2026',
      unitId: 'u-changchun',
    };
    expect(
      matchPreviousWinners(
        { category: 'project', name: '乡村夜校', creditCode: '12220000MB1234567X' },
        [other],
        jilinRound,
      ),
    ).toEqual([]);
  });
});

describe('what a unit may read (item 9)', () => {
  const unit: RegistryContext = { ...jilinRound, audience: 'unit' };

  it('that the person has won and whom to ask, never whose record it is', () => {
    const [f] = findings([person({ organiserId: JILIN, name: '张叁', unit: '某保密单位' })], unit);
    expect(f).toMatchObject({ code: 'DUPLICATE_WINNER', severity: 'error', field: 'idNumber' });
    expect(f!.message).toContain('已获评');
    expect(f!.message).toContain('请与组织单位（吉林省教育厅）联系');
    expect(f!.message).not.toContain('张叁');
    expect(f!.message).not.toContain('某保密单位');
    expect(f!.message).not.toContain('长春市教育局');
  });

  it('that another unit nominated the person, without the unit or the workplace', () => {
    const other = person({
      nominationId: 'other',
      campaignId: 'c-jilin-2026',
      unitId: 'u-jilin-city',
      province: '吉林市教育局',
      unit: '吉林市某工厂',
    });
    const [f] = findings([other], unit);
    expect(f).toMatchObject({ code: 'ALSO_NOMINATED', severity: 'warning' });
    expect(f!.message).not.toMatch(/吉林市教育局|吉林市某工厂/);
    expect(f!.message).toContain('已由其他单位在本次活动中推介');
  });

  it('gets no information lines; the organiser gets them with the details', () => {
    const earlier = person({ nominationId: 'old', campaignId: 'c-old', outcome: 'not_selected' });
    expect(findings([earlier], unit)).toEqual([]);
    expect(findings([earlier], jilinRound)[0]!.message).toContain('长春市朝阳区某社区');
  });

  it('sees its own other nomination in full', () => {
    const mine = person({ nominationId: 'mine2', campaignId: 'c-jilin-2026', unitId: 'u-changchun' });
    expect(findings([mine], unit)[0]!.message).toContain('“张三”');
  });

  it('an organiser who may not read a nomination of another round gets it without the nominee', () => {
    const theirs = person({
      nominationId: 'z',
      campaignId: 'c-zhejiang',
      organiserName: '浙江省教育厅',
      outcome: 'not_selected',
    });
    const [line] = findings([theirs], { ...jilinRound, seesDetails: () => false });
    expect(line!.message).toContain('2024年浙江省教育厅组织的省级活动中的一条推介');
    expect(line!.message).not.toContain('长春市朝阳区某社区');
  });
});
