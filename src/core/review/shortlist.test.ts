import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import {
  checkShortlist,
  nomineeProfile,
  type ShortlistCandidate,
  type ShortlistDecision,
  shortlistWording,
} from './shortlist.ts';

const wording = shortlistWording(getTemplate('national-2024')!, 'star');
const candidate = (
  id: string,
  rank: number | null,
  unitId = 'u1',
  unitSpecial = false,
): ShortlistCandidate => ({
  nominationId: id,
  title: `推介${id}`,
  unitId,
  unitName: `单位${unitId}`,
  rank,
  unitSpecial,
});
const entry = (
  id: string,
  decision: 'shortlisted' | 'not_selected',
  extra: Partial<ShortlistDecision> = {},
) => ({
  nominationId: id,
  decision,
  special: false,
  reason: '',
  ...extra,
});
const open = { size: null, perUnit: null, specialsPerUnit: 1 };
const codes = (findings: { code: string; field: string }[]) => findings.map((f) => `${f.code}@${f.field}`);

describe('checkShortlist', () => {
  const ranked = [candidate('a', 1), candidate('b', 2), candidate('c', 3, 'u2'), candidate('d', null, 'u2')];

  it('takes the ranking as it is without any reason', () => {
    const entries = [
      entry('a', 'shortlisted'),
      entry('b', 'shortlisted'),
      entry('c', 'not_selected'),
      entry('d', 'not_selected'),
    ];
    expect(checkShortlist(ranked, entries, open, wording)).toEqual([]);
  });

  it('asks a reason of both sides of a departure from the ranking, naming them', () => {
    const entries = [
      entry('a', 'shortlisted'),
      entry('b', 'not_selected'),
      entry('c', 'shortlisted'),
      entry('d', 'not_selected'),
    ];
    const findings = checkShortlist(ranked, entries, open, wording);
    expect(codes(findings)).toEqual([
      'SHORTLIST_REASON_MISSING@entries.2.reason',
      'SHORTLIST_REASON_MISSING@entries.1.reason',
    ]);
    expect(findings[0]!.message).toBe(
      '「推介c」（第3名）排在未列入的「推介b」（第2名）之后，请说明列入的理由',
    );
    expect(findings[1]!.message).toBe(
      '「推介b」（第2名）排在列入的「推介c」（第3名）之前，请说明不列入的理由',
    );
    const reasoned = entries.map((e) =>
      e.nominationId === 'b' || e.nominationId === 'c' ? { ...e, reason: '专家组讨论' } : e,
    );
    expect(checkShortlist(ranked, reasoned, open, wording)).toEqual([]);
  });

  it('counts a nomination without reviews below every reviewed one', () => {
    const entries = [
      entry('a', 'shortlisted'),
      entry('b', 'shortlisted'),
      entry('c', 'not_selected'),
      entry('d', 'shortlisted', { reason: '补充' }),
    ];
    expect(codes(checkShortlist(ranked, entries, open, wording))).toEqual([
      'SHORTLIST_REASON_MISSING@entries.2.reason',
    ]);
  });

  it('wants one decision for every candidate and none for others', () => {
    expect(codes(checkShortlist(ranked, [entry('a', 'shortlisted')], open, wording))).toEqual([
      'SHORTLIST_ENTRY_MISSING@entries',
    ]);
    const extra = [
      ...ranked.map((c) => entry(c.nominationId, 'not_selected')),
      entry('x', 'shortlisted'),
      entry('a', 'shortlisted'),
    ];
    expect(codes(checkShortlist(ranked, extra, open, wording))).toEqual([
      'SHORTLIST_UNKNOWN_NOMINATION@entries.4',
      'SHORTLIST_DUPLICATE@entries.5',
    ]);
  });

  it('keeps to the size and the per-unit cap, specials on top', () => {
    const all = ranked.map((c) => entry(c.nominationId, 'shortlisted'));
    expect(codes(checkShortlist(ranked, all, { ...open, size: 3 }, wording))).toEqual([
      'SHORTLIST_TOO_MANY@entries',
    ]);
    const capped = checkShortlist(ranked, all, { ...open, perUnit: 1 }, wording);
    expect(capped.map((f) => f.message)).toEqual([
      '「单位u1」最多可列入1名，目前列入2名，请减少',
      '「单位u2」最多可列入1名，目前列入2名，请减少',
    ]);
  });

  it('takes specials only from the units’ special picks, shortlisted, within the number per unit', () => {
    const withSpecial = [
      candidate('a', 1, 'u1', true),
      candidate('b', 2, 'u1', true),
      candidate('c', 3, 'u2'),
    ];
    const ok = [
      entry('a', 'shortlisted', { special: true }),
      entry('b', 'shortlisted'),
      entry('c', 'shortlisted'),
    ];
    expect(checkShortlist(withSpecial, ok, { ...open, perUnit: 1 }, wording)).toEqual([]);
    const bad = [
      entry('a', 'shortlisted', { special: true }),
      entry('b', 'shortlisted', { special: true }),
      entry('c', 'shortlisted', { special: true }),
    ];
    expect(codes(checkShortlist(withSpecial, bad, open, wording))).toEqual([
      'SHORTLIST_SPECIALS_TOO_MANY@entries',
      'SHORTLIST_SPECIAL_NOT_PICKED@entries.2.special',
    ]);
    const out = [
      entry('a', 'not_selected', { special: true, reason: '材料不足' }),
      entry('b', 'shortlisted', { reason: '讨论' }),
      entry('c', 'shortlisted', { reason: '讨论' }),
    ];
    expect(codes(checkShortlist(withSpecial, out, open, wording))).toEqual([
      'SHORTLIST_SPECIAL_NOT_IN@entries.0.special',
    ]);
  });
});

describe('nomineeProfile', () => {
  it('reads grassroots and focus groups from a star form', () => {
    expect(nomineeProfile('star', { focusGroups: ['社区居民', '老年人'] })).toEqual({
      grassroots: true,
      focusGroups: ['老年人'],
    });
    expect(nomineeProfile('star', { focusGroups: ['退役军人'] })).toEqual({
      grassroots: false,
      focusGroups: ['退役军人'],
    });
  });

  it('reads them from a project’s entity and what it does', () => {
    expect(
      nomineeProfile('project', {
        entityName: '长春市某社区教育学院',
        entityType: '事业单位',
        content: '为老年人开设课程',
      }),
    ).toEqual({ grassroots: true, focusGroups: ['老年人'] });
    expect(nomineeProfile('project', { entityName: '某大学', entityType: '事业单位' })).toEqual({
      grassroots: false,
      focusGroups: [],
    });
  });
});
