import { describe, expect, it } from 'vitest';
import { type ActivityInput, checkActivity } from './validate.ts';

const now = new Date('2025-10-20T10:00:00+08:00');
const good: ActivityInput = {
  kind: 'community',
  form: ' 阅读分享会 ',
  occurredOn: '2025-10-18',
  place: '长春市朝阳区桂林街道社区学校',
  host: '长春市教育局',
  audience: 120,
  report: '周玉梅同志走进社区，与居民分享坚持学习的经历。',
};
const codes = (input: Partial<ActivityInput>, at = now) =>
  checkActivity({ ...good, ...input }, at).findings.map((f) => `${f.field}:${f.code}`);

describe('a publicity activity as recorded', () => {
  it('keeps a complete activity, trimmed', () => {
    const { record, findings } = checkActivity(good, now);
    expect(findings).toEqual([]);
    expect(record.form).toBe('阅读分享会');
  });

  it('accepts a date up to a year ahead (Beijing time) and refuses one beyond', () => {
    expect(codes({ occurredOn: '2026-10-20' })).toEqual([]);
    expect(codes({ occurredOn: '2026-10-22' })).toEqual(['occurredOn:ACTIVITY_DATE_TOO_FAR']);
    // 23:30 UTC on 19 Oct is already 20 Oct in Beijing: a year ahead of that is 21 Oct 2026 (2026 has no 29 Feb).
    expect(codes({ occurredOn: '2026-10-21' }, new Date('2025-10-19T23:30:00Z'))).toEqual([]);
    const message = checkActivity({ ...good, occurredOn: '2030-01-01' }, now).findings[0]!.message;
    expect(message).toMatch(/不能晚于今天起一年/);
  });

  it('refuses dates that are not dates', () => {
    expect(codes({ occurredOn: '2025-02-30' })).toEqual(['occurredOn:ACTIVITY_DATE_INVALID']);
    expect(codes({ occurredOn: '昨天' })).toEqual(['occurredOn:ACTIVITY_DATE_INVALID']);
    expect(codes({ occurredOn: '1999-12-31' })).toEqual(['occurredOn:ACTIVITY_DATE_INVALID']);
  });

  it('wants the audience as a whole number not below zero', () => {
    expect(codes({ audience: 0 })).toEqual([]);
    expect(codes({ audience: -1 })).toEqual(['audience:ACTIVITY_AUDIENCE_INVALID']);
    expect(codes({ audience: 12.5 })).toEqual(['audience:ACTIVITY_AUDIENCE_INVALID']);
    expect(codes({ audience: Number.NaN })).toEqual(['audience:ACTIVITY_AUDIENCE_INVALID']);
    expect(codes({ audience: 20_000_000 })).toEqual(['audience:ACTIVITY_AUDIENCE_INVALID']);
    expect(checkActivity({ ...good, audience: -5 }, now).findings[0]!.message).toBe(
      '参与人数应为不小于0的整数。',
    );
  });

  it('wants a known kind, a form, a place, a host and a short report', () => {
    expect(codes({ kind: 'moon' })).toEqual(['kind:ACTIVITY_KIND_UNKNOWN']);
    expect(codes({ form: '  ', place: '', host: '', report: ' ' })).toEqual([
      'form:ACTIVITY_FIELD_MISSING',
      'place:ACTIVITY_FIELD_MISSING',
      'host:ACTIVITY_FIELD_MISSING',
      'report:ACTIVITY_FIELD_MISSING',
    ]);
    expect(codes({ report: '学'.repeat(1000) })).toEqual([]);
    expect(codes({ report: '学'.repeat(1001) })).toEqual(['report:ACTIVITY_FIELD_TOO_LONG']);
    expect(codes({ form: 'x'.repeat(31) })).toEqual(['form:ACTIVITY_FIELD_TOO_LONG']);
  });
});
