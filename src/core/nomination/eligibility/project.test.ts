import { describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { hasErrors } from '#core/findings.ts';
import { checkProjectEligibility, type ProjectEligibilityInput } from './project.ts';

const national = getTemplate('national-2024')!;
const jilin = getTemplate('jilin-2023')!;
/** Valid codes (check character computed by identity): one registered in 长春 (22), one in 北京 (11). */
const JILIN_CODE = '91220101MA00000000';
const BEIJING_CODE = '91110108MA0000000A';
const SUMMARY = '学'.repeat(1500);

function project(patch: Partial<ProjectEligibilityInput> = {}): ProjectEligibilityInput {
  return {
    programmeName: '“银龄学堂”社区老年教育项目',
    entity: { name: '长春市朝阳区社区教育学院', creditCode: JILIN_CODE },
    creditRecord: { attested: true, checkedOn: '2024-03-25' },
    startDate: '2019-09-01',
    participationsOffline: 2400,
    participationsOnline: null,
    workSummary: SUMMARY,
    conditionsAttested: [true, true, true, true, true],
    previousWinner: false,
    today: '2024-04-01',
    ...patch,
  };
}
const codes = (input: ProjectEligibilityInput, rules = national) =>
  checkProjectEligibility(input, rules).map((f) => `${f.code}@${f.field}`);

describe('checkProjectEligibility', () => {
  it('a complete, eligible project has no findings', () => {
    expect(checkProjectEligibility(project(), national)).toEqual([]);
    expect(
      checkProjectEligibility(
        project({ creditRecord: { attested: true, checkedOn: '2023-07-01' }, today: '2023-07-05' }),
        jilin,
      ),
    ).toEqual([]);
  });

  it.each<[string, Partial<ProjectEligibilityInput>, string[]]>([
    // 统一社会信用代码: identity's findings flow through under entity.creditCode
    ['credit code empty', { entity: { name: 'x', creditCode: '' } }, ['CREDIT_CODE_EMPTY@entity.creditCode']],
    [
      'credit code spaces only',
      { entity: { name: 'x', creditCode: '   ' } },
      ['CREDIT_CODE_EMPTY@entity.creditCode'],
    ],
    [
      'credit code short',
      { entity: { name: 'x', creditCode: '9122010' } },
      ['CREDIT_CODE_LENGTH@entity.creditCode'],
    ],
    [
      'credit code with O',
      { entity: { name: 'x', creditCode: '91220101MA0000000O' } },
      ['CREDIT_CODE_CHARACTERS@entity.creditCode'],
    ],
    [
      'credit code checksum',
      { entity: { name: 'x', creditCode: '91220101MA00000001' } },
      ['CREDIT_CODE_CHECKSUM@entity.creditCode'],
    ],
    [
      'credit code full-width and spaced',
      { entity: { name: 'x', creditCode: ' ９１２２ ０１０１ＭＡ００００００００ ' } },
      [],
    ],
    // 信用记录
    [
      'credit not attested',
      { creditRecord: { attested: false, checkedOn: '2024-03-25' } },
      ['PROJECT_CREDIT_NOT_ATTESTED@creditRecord.attested'],
    ],
    [
      'check date missing',
      { creditRecord: { attested: true, checkedOn: ' ' } },
      ['PROJECT_CREDIT_CHECK_DATE_MISSING@creditRecord.checkedOn'],
    ],
    [
      'check date malformed',
      { creditRecord: { attested: true, checkedOn: '2024/3/25' } },
      ['DATE_INVALID@creditRecord.checkedOn'],
    ],
    [
      'check date impossible',
      { creditRecord: { attested: true, checkedOn: '2024-02-30' } },
      ['DATE_INVALID@creditRecord.checkedOn'],
    ],
    [
      'check date later than today',
      { creditRecord: { attested: true, checkedOn: '2024-04-02' } },
      ['PROJECT_CREDIT_CHECK_IN_FUTURE@creditRecord.checkedOn'],
    ],
    ['check date today', { creditRecord: { attested: true, checkedOn: '2024-04-01' } }, []],
    ['check date exactly 90 days ago', { creditRecord: { attested: true, checkedOn: '2024-01-02' } }, []],
    [
      'check date 91 days ago',
      { creditRecord: { attested: true, checkedOn: '2024-01-01' } },
      ['PROJECT_CREDIT_CHECK_STALE@creditRecord.checkedOn'],
    ],
    // 项目名称
    ['name empty', { programmeName: '  ' }, ['PROJECT_NAME_MISSING@programmeName']],
    [
      'name is the entity',
      { programmeName: '长春市朝阳区社区教育学院' },
      ['PROJECT_NAME_IS_ENTITY_NAME@programmeName'],
    ],
    [
      'name is the entity, spaced and full-width quoted',
      { programmeName: ' “长春市朝阳区 社区教育学院” ' },
      ['PROJECT_NAME_IS_ENTITY_NAME@programmeName'],
    ],
    [
      'name is entity + 品牌项目',
      { programmeName: '长春市朝阳区社区教育学院终身学习品牌项目' },
      ['PROJECT_NAME_IS_ENTITY_NAME@programmeName'],
    ],
    ['name generic', { programmeName: '终身学习品牌项目' }, ['PROJECT_NAME_GENERIC@programmeName']],
    [
      'name looks like a school',
      { programmeName: '夕阳红老年大学' },
      ['PROJECT_NAME_LOOKS_LIKE_UNIT@programmeName'],
    ],
    [
      'name looks like a centre',
      { programmeName: '社区教育服务中心' },
      ['PROJECT_NAME_LOOKS_LIKE_UNIT@programmeName'],
    ],
    ['name with a programme word', { programmeName: '社区学习中心建设项目' }, []],
    ['name is an activity', { programmeName: '“书香吉林”全民阅读推广' }, []],
    // 运行年限
    ['start missing', { startDate: '' }, ['PROJECT_START_DATE_MISSING@startDate']],
    ['start malformed', { startDate: '去年' }, ['DATE_INVALID@startDate']],
    ['start Chinese date', { startDate: '2019年9月1日' }, ['DATE_INVALID@startDate']],
    ['start exactly two years', { startDate: '2022-04-10' }, []],
    ['start one day short', { startDate: '2022-04-11' }, ['PROJECT_TOO_YOUNG@startDate']],
    ['start after deadline', { startDate: '2025-01-01' }, ['PROJECT_START_AFTER_DEADLINE@startDate']],
    ['start month only, clearly old', { startDate: '2021-03' }, []],
    [
      'start month only, depends on the day',
      { startDate: '2022-04' },
      ['PROJECT_START_DATE_IMPRECISE@startDate'],
    ],
    ['start month only, too young', { startDate: '2022-05' }, ['PROJECT_TOO_YOUNG@startDate']],
    ['start month 13', { startDate: '2021-13' }, ['DATE_INVALID@startDate']],
    // 参与人次
    ['offline 1000 exactly', { participationsOffline: 1000 }, []],
    ['offline 999', { participationsOffline: 999 }, ['PROJECT_PARTICIPATION_TOO_LOW@participationsOffline']],
    ['online 3000 only', { participationsOffline: null, participationsOnline: 3000 }, []],
    [
      'online 2999, offline 999',
      { participationsOffline: 999, participationsOnline: 2999 },
      ['PROJECT_PARTICIPATION_TOO_LOW@participationsOffline'],
    ],
    [
      'both missing',
      { participationsOffline: null, participationsOnline: '' },
      ['PROJECT_PARTICIPATION_MISSING@participationsOffline'],
    ],
    ['text with separators', { participationsOffline: '1,200 人次' }, []],
    ['full-width digits', { participationsOffline: '１２００' }, []],
    ['万', { participationsOffline: null, participationsOnline: '1.2万' }, []],
    ['negative', { participationsOffline: -5000 }, ['PROJECT_PARTICIPATION_INVALID@participationsOffline']],
    [
      'negative text',
      { participationsOffline: '-5000' },
      ['PROJECT_PARTICIPATION_INVALID@participationsOffline'],
    ],
    ['NaN', { participationsOffline: Number.NaN }, ['PROJECT_PARTICIPATION_INVALID@participationsOffline']],
    [
      'Infinity',
      { participationsOffline: Number.POSITIVE_INFINITY },
      ['PROJECT_PARTICIPATION_INVALID@participationsOffline'],
    ],
    ['fraction', { participationsOffline: 1200.5 }, ['PROJECT_PARTICIPATION_INVALID@participationsOffline']],
    ['words', { participationsOffline: '很多' }, ['PROJECT_PARTICIPATION_INVALID@participationsOffline']],
    [
      'invalid offline, enough online',
      { participationsOffline: 'abc', participationsOnline: 5000 },
      ['PROJECT_PARTICIPATION_INVALID@participationsOffline'],
    ],
    ['absurd', { participationsOnline: 5e12 }, ['PROJECT_PARTICIPATION_IMPLAUSIBLE@participationsOnline']],
    // 工作总结
    // Asked for as a document (the material's rule); text on the page is optional.
    ['summary not written on the page', { workSummary: ' \n ' }, []],
    ['summary short', { workSummary: '学'.repeat(1199) }, ['PROJECT_WORK_SUMMARY_LENGTH@workSummary']],
    ['summary at the lower bound', { workSummary: '学'.repeat(1200) }, []],
    ['summary long', { workSummary: '学'.repeat(1801) }, ['PROJECT_WORK_SUMMARY_LENGTH@workSummary']],
    [
      'summary spaces do not count',
      { workSummary: `${'学 '.repeat(1000)}` },
      ['PROJECT_WORK_SUMMARY_LENGTH@workSummary'],
    ],
    // 条件, 往年获评
    [
      'condition 5 not attested',
      { conditionsAttested: [true, true, true, true, false] },
      ['PROJECT_CONDITION_NOT_ATTESTED@conditionsAttested.4'],
    ],
    ['previous winner', { previousWinner: true }, ['PROJECT_PREVIOUS_WINNER@previousWinner']],
  ])('%s', (_name, patch, expected) => {
    expect(codes(project(patch))).toEqual(expected);
  });

  it('Jilin: only entities registered in 吉林省 (22)', () => {
    const outside = project({
      entity: { name: '北京某公司', creditCode: BEIJING_CODE },
      creditRecord: { attested: true, checkedOn: '2023-07-01' },
      today: '2023-07-05',
    });
    const findings = checkProjectEligibility(outside, jilin);
    expect(findings.map((f) => f.code)).toEqual(['PROJECT_ENTITY_OUTSIDE_PROVINCE']);
    expect(findings[0]?.message).toContain('吉林省');
    expect(findings[0]?.field).toBe('entity.creditCode');
    expect(checkProjectEligibility(outside, national)).toEqual([]);
  });

  it('a check made today is fresh however far away the deadline is', () => {
    const early = getTemplate('national-2024')!;
    early.deadline.date = '2024-12-31';
    const today = project({ creditRecord: { attested: true, checkedOn: '2024-04-01' }, today: '2024-04-01' });
    expect(checkProjectEligibility(today, early)).toEqual([]);
    // The same check four months later, still drafting: stale, and the message says against what.
    const [stale] = checkProjectEligibility({ ...today, today: '2024-08-01' }, early);
    expect(stale).toMatchObject({ code: 'PROJECT_CREDIT_CHECK_STALE', severity: 'warning' });
    expect(stale?.message).toBe(
      '信用记录查询日期（2024年4月1日）距今天已超过90天，请重新查询，确认仍无不良记录后更新查询日期。',
    );
  });

  it('a submitted project is measured against its submission day, not against a later reading', () => {
    const input = project({
      creditRecord: { attested: true, checkedOn: '2024-03-01' },
      submittedOn: '2024-04-08',
      today: '2024-09-30',
    });
    expect(checkProjectEligibility(input, national)).toEqual([]);
    const [stale] = checkProjectEligibility({ ...input, submittedOn: '2024-06-01' }, national);
    expect(stale?.message).toBe(
      '信用记录查询日期（2024年3月1日）距提交日（2024年6月1日）已超过90天，请重新查询，确认仍无不良记录后更新查询日期。',
    );
    const [future] = checkProjectEligibility({ ...input, submittedOn: '2024-02-28' }, national);
    expect(future).toMatchObject({ code: 'PROJECT_CREDIT_CHECK_IN_FUTURE', severity: 'error' });
  });

  it('a checksum mismatch can be accepted by the organiser with a reason', () => {
    const input = project({
      entity: { name: 'x', creditCode: '91220101MA00000001' },
      overrides: [{ code: 'CREDIT_CODE_CHECKSUM', reason: '已核对营业执照原件，代码与证照一致' }],
    });
    const [finding] = checkProjectEligibility(input, national);
    expect(finding).toMatchObject({
      code: 'CREDIT_CODE_CHECKSUM',
      accepted: { reason: '已核对营业执照原件，代码与证照一致' },
    });
  });

  it('thresholds come from the rules', () => {
    const strict = getTemplate('national-2024')!;
    strict.eligibility.project.minYearsRunning = 3;
    strict.eligibility.project.minParticipationsOffline = 5000;
    strict.eligibility.project.workSummaryChars = { target: 3000, min: 2500, max: 3500 };
    expect(codes(project({ startDate: '2021-05-01' }), strict)).toEqual([
      'PROJECT_TOO_YOUNG@startDate',
      'PROJECT_PARTICIPATION_TOO_LOW@participationsOffline',
      'PROJECT_WORK_SUMMARY_LENGTH@workSummary',
    ]);
  });

  it('without a deadline, date checks wait and say so', () => {
    const draft = getTemplate('national-2024')!;
    draft.deadline.date = null;
    expect(codes(project(), draft)).toEqual(['CAMPAIGN_DEADLINE_MISSING@']);
  });

  it('tolerates a form that sends nonsense, without throwing', () => {
    const junk = {
      programmeName: null,
      entity: null,
      creditRecord: undefined,
      startDate: 20190901,
      participationsOffline: {},
      participationsOnline: [],
      workSummary: 5,
      conditionsAttested: 'all',
    };
    const findings = checkProjectEligibility(junk as unknown as ProjectEligibilityInput, national);
    expect(hasErrors(findings)).toBe(true);
    expect(findings.every((f) => f.message.length > 0)).toBe(true);
  });

  it('messages say what to fix, with Chinese dates', () => {
    const [young] = checkProjectEligibility(project({ startDate: '2023-01-01' }), national);
    expect(young?.message).toBe(
      '项目启动或创建时间应不少于2年：须在2022年4月10日或之前启动，当前填写为2023-01-01。',
    );
  });
});
