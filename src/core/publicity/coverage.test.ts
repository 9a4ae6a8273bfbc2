import { describe, expect, it } from 'vitest';
import { formatPeriod, type PublicityRecordInput, publicityCoverage } from './coverage.ts';
import { nominationPublicity } from './nomination-coverage.ts';

const record = (change: Partial<PublicityRecordInput> = {}): PublicityRecordInput => ({
  place: '长春市教育局官网',
  url: 'https://jyj.changchun.gov.cn/gs/2026/1.html',
  fromDay: '2026-09-29',
  toDay: '2026-10-12',
  hasFile: false,
  ...change,
});
const rules = { workingDays: 5, startDay: 'counts_if_working_day' as const };
const facts = { calendar: {}, endBefore: null };
const codes = (r: ReturnType<typeof publicityCoverage>) => r.findings.map((f) => f.code);

describe('a unit’s own 公示 on the official calendar', () => {
  it('counts 国庆 2026 with its 调休: 9-29 to 10-10 holds five working days, the Saturday included', () => {
    const r = publicityCoverage(record({ toDay: '2026-10-10' }), facts, rules);
    expect(r.workingDays).toBe(5);
    expect(r.covers).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.summary).toBe('共5个工作日（10月1日至10月7日国庆节放假；10月10日（星期六）国庆节调休上班）');
  });

  it('says a period over the holiday is too short, and until when it should have run', () => {
    const r = publicityCoverage(record({ toDay: '2026-10-05' }), facts, rules);
    expect(r.workingDays).toBe(2);
    expect(r.covers).toBe(false);
    expect(r.findings).toEqual([
      {
        code: 'PUBLICITY_TOO_SHORT',
        severity: 'error',
        field: 'toDay',
        message:
          '公示期2026年9月29日至10月5日仅含2个工作日，应不少于5个工作日（自2026年9月29日起应公示至2026年10月10日），请延长公示期后重新公示',
      },
    ]);
  });

  it('names a 调休 Sunday before the holiday and the 中秋 days off', () => {
    const r = publicityCoverage(record({ fromDay: '2026-09-18', toDay: '2026-09-28' }), facts, rules);
    // 9-18 Fri, 9-20 Sun (worked), 9-21…9-24, 9-28: seven; 9-25…9-27 中秋 off.
    expect(r.workingDays).toBe(7);
    expect(r.specialDays).toEqual(['9月20日（星期日）国庆节调休上班', '9月25日至9月27日中秋节放假']);
  });

  it('does not count the publication day when the rules say it never counts', () => {
    const r = publicityCoverage(record({ fromDay: '2026-10-12', toDay: '2026-10-16' }), facts, {
      ...rules,
      startDay: 'never_counts',
    });
    expect(r.workingDays).toBe(4);
    expect(codes(r)).toEqual(['PUBLICITY_TOO_SHORT']);
    expect(r.findings[0]!.message).toContain('应公示至2026年10月19日');
  });

  it('follows the organiser’s own adjustments', () => {
    const r = publicityCoverage(
      record({ fromDay: '2026-11-02', toDay: '2026-11-06' }),
      { calendar: { overrides: [{ date: '2026-11-04', kind: 'holiday' }] }, endBefore: null },
      rules,
    );
    expect(r.workingDays).toBe(4);
    expect(r.specialDays).toEqual(['11月4日（星期三）组织单位调整为放假']);
  });

  it('refuses to count a year without calendar data instead of guessing Monday to Friday', () => {
    const r = publicityCoverage(record({ fromDay: '2026-12-28', toDay: '2027-01-08' }), facts, rules);
    expect(r.workingDays).toBeNull();
    expect(r.covers).toBe(false);
    expect(codes(r)).toEqual(['CALENDAR_YEAR_UNKNOWN']);
    expect(r.findings[0]!.message).toContain('2027年的国务院节假日安排尚未发布');
    // Once the organiser confirmed 2027, it counts.
    const confirmed = publicityCoverage(
      record({ fromDay: '2026-12-28', toDay: '2027-01-08' }),
      { calendar: { confirmedYears: [2027] }, endBefore: null },
      rules,
    );
    expect(confirmed.workingDays).toBe(10);
  });

  it('wants the end after the start, real dates, a place and an http(s) link', () => {
    expect(codes(publicityCoverage(record({ toDay: '2026-09-20' }), facts, rules))).toEqual([
      'PUBLICITY_RANGE_REVERSED',
    ]);
    expect(codes(publicityCoverage(record({ fromDay: '2026-02-30' }), facts, rules))).toEqual([
      'DATE_INVALID',
    ]);
    const bad = publicityCoverage(record({ place: '  ', url: 'javascript:alert(1)' }), facts, rules);
    expect(codes(bad)).toEqual(['PUBLICITY_PLACE_MISSING', 'PUBLICITY_URL_INVALID']);
    expect(bad.covers).toBe(false);
    expect(codes(publicityCoverage(record({ url: 'ftp://example.com/a' }), facts, rules))).toEqual([
      'PUBLICITY_URL_INVALID',
    ]);
  });

  it('asks for a link or a screenshot, but only as a caution', () => {
    const r = publicityCoverage(record({ url: null }), facts, rules);
    expect(codes(r)).toEqual(['PUBLICITY_EVIDENCE_MISSING']);
    expect(r.covers).toBe(true);
    expect(codes(publicityCoverage(record({ url: '', hasFile: true }), facts, rules))).toEqual([]);
  });

  it('warns when the period did not end before the submission or the deadline', () => {
    const submitted = publicityCoverage(
      record(),
      { calendar: {}, endBefore: { day: '2026-10-12', kind: 'submitted' } },
      rules,
    );
    expect(submitted.findings).toEqual([
      expect.objectContaining({ code: 'PUBLICITY_ENDS_TOO_LATE', severity: 'warning' }),
    ]);
    expect(submitted.findings[0]!.message).toContain('本单位已于2026年10月12日提交推介');
    expect(submitted.covers).toBe(true);
    const deadline = publicityCoverage(
      record(),
      { calendar: {}, endBefore: { day: '2026-10-09', kind: 'deadline' } },
      rules,
    );
    expect(deadline.findings[0]!.message).toContain('未早于报送截止日2026年10月9日');
    expect(
      publicityCoverage(
        record(),
        { calendar: {}, endBefore: { day: '2026-10-13', kind: 'submitted' } },
        rules,
      ).findings,
    ).toEqual([]);
  });

  it('writes a period with its year once', () => {
    expect(formatPeriod('2026-09-29', '2026-10-05')).toBe('2026年9月29日至10月5日');
    expect(formatPeriod('2026-12-28', '2027-01-08')).toBe('2026年12月28日至2027年1月8日');
  });
});

describe('a nomination in the organiser’s formal check', () => {
  const covering = { nominationIds: null, coverage: { covers: true } };
  const short = { nominationIds: ['a'], coverage: { covers: false } };

  it('is covered by a record for all the unit’s nominations or one that names it', () => {
    expect(nominationPublicity([covering], 'a')).toMatchObject({ covered: true, findings: [] });
    expect(nominationPublicity([short], 'a')).toMatchObject({ covered: false, records: [short] });
    expect(nominationPublicity([short, covering], 'a').covered).toBe(true);
  });

  it('says so when the unit recorded none for it', () => {
    const r = nominationPublicity([short], 'b');
    expect(r.covered).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['PUBLICITY_NOT_RECORDED']);
  });
});

describe('the day a 公示 had to end before', () => {
  it('is the first submission of what it names, else the deadline', async () => {
    const { endBeforeOf } = await import('./coverage.ts');
    expect(endBeforeOf(['2026-10-20', '2026-10-14'], '2026-10-30')).toEqual({
      day: '2026-10-14',
      kind: 'submitted',
    });
    expect(endBeforeOf([], '2026-10-30')).toEqual({ day: '2026-10-30', kind: 'deadline' });
    expect(endBeforeOf([], null)).toBeNull();
  });
});
