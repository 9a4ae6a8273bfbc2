import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './parse-date.ts';

describe('parseIsoDate', () => {
  it('accepts a real YYYY-MM-DD date as it is', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it.each([
    ['2026/9/29', '应写作 2026-09-29'],
    ['2026-9-29', '应写作 2026-09-29'],
    ['２０２６－０９－２９', '应写作 2026-09-29'],
    [' 2026-09-29 ', '应写作 2026-09-29'],
    ['2026年9月29日', '应写作 2026-09-29'],
    ['20260929', '应写作 2026-09-29'],
    ['2026-02-30', '2026年2月没有30日'],
    ['2025-02-29', '2025年2月没有29日'],
    ['2026-13-01', '月份应在 01 至 12 之间'],
    ['2026/2/30', '无法识别'],
    ['next friday', '无法识别'],
    ['', '请填写日期'],
  ])('refuses %j and says what to write', (raw, hint) => {
    const parsed = parseIsoDate(raw, 'from');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({ code: 'DATE_INVALID', severity: 'error', field: 'from' });
    expect(parsed.findings[0]?.message).toContain(hint);
  });
});
