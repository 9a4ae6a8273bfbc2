import { describe, expect, it } from 'vitest';
import type { ConflictSettings, ExpertFacts, NominationFacts } from './conflict-facts.ts';
import { checkDismissal, checkExclusionRequest } from './conflict-requests.ts';
import { checkConflict, findConflicts } from './conflicts.ts';

const SETTINGS: ConflictSettings = { sameProvince: false, today: '2026-12-05' };
const JILIN_PATH = '/root/jl/';

function expert(overrides: Partial<ExpertFacts> = {}): ExpertFacts {
  return {
    id: 'e1',
    name: '王专家',
    idNumber: '110105194912310038',
    organisation: { id: 'bj-univ', path: '/root/bj/bj-univ/', name: '北京某大学' },
    employer: null,
    province: '11',
    relations: [],
    declarations: [],
    ...overrides,
  };
}

function star(overrides: Partial<NominationFacts> = {}): NominationFacts {
  return {
    id: 'n1',
    unit: { id: 'jl', path: JILIN_PATH, name: '吉林省教育厅' },
    province: '吉林省',
    people: [{ name: '李学习', idNumber: '22010219800101002X' }],
    entities: [{ name: '长春市某社区教育学院', creditCode: '12220100MB1234567X' }],
    exclusions: [],
    ...overrides,
  };
}

const codes = (e: ExpertFacts, n: NominationFacts, settings = SETTINGS) =>
  checkConflict(e, n, settings).reasons.map((r) => r.code);

describe('checkConflict', () => {
  it('finds nothing between strangers', () => {
    expect(checkConflict(expert(), star(), SETTINGS)).toEqual({
      expertId: 'e1',
      nominationId: 'n1',
      conflicted: false,
      reasons: [],
      dismissed: [],
    });
  });

  it('recuses an expert of the reporting unit or of a unit under it, not of a unit above it', () => {
    const own = expert({ organisation: { id: 'jl', path: JILIN_PATH, name: '吉林省教育厅' } });
    expect(checkConflict(own, star(), SETTINGS).reasons).toEqual([
      { code: 'SAME_ORGANISATION', message: '专家所在单位即推介单位「吉林省教育厅」' },
    ]);
    const below = expert({ organisation: { id: 'cc', path: `${JILIN_PATH}cc/`, name: '长春开放大学' } });
    expect(checkConflict(below, star(), SETTINGS).reasons[0]!.message).toBe(
      '专家所在单位「长春开放大学」是推介单位「吉林省教育厅」的下属单位',
    );
    const above = expert({ organisation: { id: 'root', path: '/root/', name: '中国成人教育协会' } });
    expect(codes(above, star())).toEqual([]);
  });

  it('recuses same-province experts only when the campaign says so, whatever way the province is written', () => {
    const jilin = expert({ province: '220102' });
    expect(codes(jilin, star())).toEqual([]);
    expect(codes(jilin, star(), { ...SETTINGS, sameProvince: true })).toEqual(['SAME_PROVINCE']);
    // 宁波 is a 计划单列市 of 浙江: the same province
    expect(
      codes(expert({ province: '宁波市' }), star({ province: '33' }), { ...SETTINGS, sameProvince: true }),
    ).toEqual(['SAME_PROVINCE']);
  });

  it('recognises the nominee by ID number, however typed, and reports a mere namesake apart', () => {
    const self = expert({ name: '李学习', idNumber: '２２０１０２１９８００１０１００２ｘ' });
    expect(checkConflict(self, star(), SETTINGS).reasons).toEqual([
      { code: 'EXPERT_IS_NOMINEE', message: '专家本人即「李学习」（身份证号一致）' },
    ]);
    // Same name, different ID numbers: two people
    expect(codes(expert({ name: '李学习' }), star())).toEqual([]);
    // Same name, an ID number missing: perhaps one person
    expect(checkConflict(expert({ name: '李 学习', idNumber: null }), star(), SETTINGS).reasons).toEqual([
      { code: 'SAME_NAME_AS_NOMINEE', message: '专家与「李学习」同名，身份证号无法核对，请核实是否为同一人' },
    ]);
  });

  it('recuses an expert who works for the project’s entity, by credit code or by name', () => {
    const byCode = expert({ employer: { name: '某学院', creditCode: '12220100mb1234567x' } });
    expect(checkConflict(byCode, star(), SETTINGS).reasons).toEqual([
      { code: 'WORKS_FOR_ENTITY', message: '专家工作单位即「长春市某社区教育学院」（统一社会信用代码一致）' },
    ]);
    const byName = expert({ employer: { name: ' 长春市某社区教育学院 ' } });
    expect(checkConflict(byName, star(), SETTINGS).reasons[0]!.message).toBe(
      '专家工作单位即「长春市某社区教育学院」（单位名称一致）',
    );
  });

  it('applies declared relations: close relatives, and units within the last 3 years', () => {
    const relative = expert({ relations: [{ kind: 'close_relative', person: { name: '李学习' } }] });
    expect(checkConflict(relative, star(), SETTINGS).reasons).toEqual([
      { code: 'DECLARED_RELATIVE', message: '专家申报与「李学习」为近亲属' },
    ]);
    const advised = (until: string | null) =>
      expert({
        relations: [{ kind: 'advisory', unit: { creditCode: '12220100MB1234567X' }, from: '2020-03', until }],
      });
    // today 2026-12-05: the window starts 2023-12-05; a relation ended in December 2023 still counts
    expect(checkConflict(advised('2023-12'), star(), SETTINGS).reasons).toEqual([
      {
        code: 'DECLARED_UNIT_RELATION',
        message: '专家申报近3年内在「长春市某社区教育学院」担任顾问（2020-03至2023-12）',
      },
    ]);
    expect(codes(advised('2023-11-30'), star())).toEqual([]);
    expect(codes(advised(null), star())).toEqual(['DECLARED_UNIT_RELATION']);
    const worked = expert({
      relations: [{ kind: 'employment', unit: { organisationId: 'jl' }, from: '2024' }],
    });
    expect(checkConflict(worked, star(), SETTINGS).reasons[0]!.message).toBe(
      '专家申报近3年内在「吉林省教育厅」任职（2024至今）',
    );
    const other = expert({
      relations: [{ kind: 'other', person: { name: '李学习' }, note: '曾为其博士生导师' }],
    });
    expect(checkConflict(other, star(), SETTINGS).reasons[0]!.message).toBe(
      '专家申报与「李学习」存在可能影响公正评审的关系：曾为其博士生导师',
    );
  });

  it('applies the expert’s own declaration and the unit’s exclusion request', () => {
    const declared = expert({ declarations: [{ nominationId: 'n1', reason: '与被推介人相识多年' }] });
    const excluded = star({ exclusions: [{ expertId: 'e1', reason: '该专家曾参与本项目策划' }] });
    expect(checkConflict(declared, excluded, SETTINGS).reasons).toEqual([
      { code: 'UNIT_EXCLUSION', message: '推介单位申请该专家回避：该专家曾参与本项目策划' },
      { code: 'EXPERT_DECLARED', message: '专家本人申请回避：与被推介人相识多年' },
    ]);
    expect(codes(declared, star({ id: 'n2' }))).toEqual([]);
  });

  it('lets the organiser dismiss a computed reason, never the expert’s own declaration', () => {
    const namesake = expert({
      name: '李学习',
      idNumber: null,
      declarations: [{ nominationId: 'n1', reason: '认识' }],
    });
    const check = checkConflict(namesake, star(), SETTINGS, [
      { expertId: 'e1', nominationId: 'n1', code: 'SAME_NAME_AS_NOMINEE', reason: '已电话核实，并非同一人' },
      { expertId: 'e1', nominationId: 'n1', code: 'EXPERT_DECLARED', reason: '不成立' },
    ]);
    expect(check.conflicted).toBe(true);
    expect(check.reasons.map((r) => r.code)).toEqual(['EXPERT_DECLARED']);
    expect(check.dismissed).toEqual([
      {
        code: 'SAME_NAME_AS_NOMINEE',
        message: '专家与「李学习」同名，身份证号无法核对，请核实是否为同一人',
        dismissal: '已电话核实，并非同一人',
      },
    ]);
    const plain = checkConflict(expert({ name: '李学习', idNumber: null }), star(), SETTINGS, [
      { expertId: 'e1', nominationId: 'n1', code: 'SAME_NAME_AS_NOMINEE', reason: '已核实' },
    ]);
    expect(plain.conflicted).toBe(false);
  });
});

describe('findConflicts', () => {
  it('lists conflicted (and dismissed) pairs only', () => {
    const experts = [expert(), expert({ id: 'e2', province: '吉林' })];
    const pairs = findConflicts(experts, [star(), star({ id: 'n2', province: '北京市' })], {
      ...SETTINGS,
      sameProvince: true,
    });
    expect(pairs.map((p) => [p.expertId, p.nominationId, p.reasons.map((r) => r.code)])).toEqual([
      ['e1', 'n2', ['SAME_PROVINCE']],
      ['e2', 'n1', ['SAME_PROVINCE']],
    ]);
  });
});

describe('checkExclusionRequest', () => {
  it('allows at most 3 experts, each once and with a reason', () => {
    const four = ['a', 'b', 'c', 'a'].map((expertId) => ({
      expertId,
      reason: expertId === 'c' ? ' ' : '理由',
    }));
    expect(checkExclusionRequest(four).map((f) => [f.code, f.field, f.message])).toEqual([
      ['EXCLUSION_TOO_MANY', 'exclusions', '每项推介最多申请3名专家回避，现为4名，请删减'],
      ['EXCLUSION_REASON_MISSING', 'exclusions.2.reason', '请写明申请该专家回避的理由'],
      ['EXCLUSION_DUPLICATE', 'exclusions.3', '同一名专家已在申请回避名单中，请勿重复填写'],
    ]);
    expect(checkExclusionRequest(four.slice(0, 2))).toEqual([]);
  });
});

describe('checkDismissal', () => {
  const check = checkConflict(expert({ province: '22' }), star(), { ...SETTINGS, sameProvince: true });

  it('needs a reason and a reason code that applies', () => {
    const dismissal = { expertId: 'e1', nominationId: 'n1', code: 'SAME_PROVINCE' as const, reason: '' };
    expect(checkDismissal(check, dismissal).map((f) => f.code)).toEqual(['DISMISSAL_REASON_MISSING']);
    expect(checkDismissal(check, { ...dismissal, reason: '专家已调离吉林' })).toEqual([]);
    expect(
      checkDismissal(check, { ...dismissal, code: 'WORKS_FOR_ENTITY', reason: '理由' }).map((f) => f.code),
    ).toEqual(['DISMISSAL_NOT_APPLICABLE']);
    // The unit's own request is its right (up to three, with a reason), not a computation to correct.
    expect(checkDismissal(check, { ...dismissal, code: 'UNIT_EXCLUSION', reason: '理由' })[0]!.message).toBe(
      '推介单位申请的回避不能撤销',
    );
    expect(checkDismissal(check, { ...dismissal, code: 'EXPERT_DECLARED', reason: '理由' })[0]!.message).toBe(
      '专家本人申请的回避不能撤销',
    );
  });
});
