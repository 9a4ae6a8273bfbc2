import { describe, expect, it } from 'vitest';
import {
  againstRanking,
  type DraftRow,
  initialDraft,
  summarise,
} from '#web/components/review/ranking/shortlistDraft.ts';

function row(id: string, rank: number, extra: Partial<DraftRow> = {}): DraftRow {
  return {
    nominationId: id,
    title: `推介${id}`,
    unitName: `单位${id}`,
    rank,
    grassroots: false,
    focusGroups: [],
    special: false,
    ...extra,
  };
}

const rows = [row('a', 1), row('b', 2), row('c', 3), row('d', 4)];
const constraints = { size: 2, perUnit: 1, specials: 1 };

describe('againstRanking', () => {
  it('is empty when the picks are the top of the ranking', () => {
    expect(againstRanking(rows, new Set(['a', 'b']))).toEqual(new Set());
    expect(againstRanking(rows, new Set(['a']))).toEqual(new Set());
  });

  it('marks a lower one in and every higher one left out', () => {
    expect(againstRanking(rows, new Set(['a', 'd']))).toEqual(new Set(['d', 'b', 'c']));
  });

  it('treats equal ranks as no inversion', () => {
    const tied = [row('a', 1), row('b', 2), row('c', 2)];
    expect(againstRanking(tied, new Set(['a', 'c']))).toEqual(new Set());
  });
});

describe('initialDraft', () => {
  it('takes the top of the ranking up to the allotment', () => {
    expect([...initialDraft({ rows, constraints }).picked]).toEqual(['a', 'b']);
  });

  it('takes the last proposal when there is one, ignoring nominations no longer ranked', () => {
    const draft = initialDraft(
      { rows, constraints },
      {
        entries: [
          { nominationId: 'c', decision: 'shortlisted', special: true, reason: '事迹突出' },
          { nominationId: 'gone', decision: 'shortlisted', special: false, reason: '' },
          { nominationId: 'a', decision: 'not_selected', special: false, reason: '' },
        ],
      },
    );
    expect([...draft.picked]).toEqual(['c']);
    expect([...draft.specials]).toEqual(['c']);
    expect(draft.reasons).toEqual({ c: '事迹突出' });
  });
});

describe('summarise', () => {
  it('counts the regular picks against the allotment and the unit cap', () => {
    const sameUnit = [row('a', 1, { unitName: '甲' }), row('b', 2, { unitName: '甲' }), row('c', 3)];
    const summary = summarise(
      { rows: sameUnit, constraints },
      { picked: new Set(['a', 'b', 'c']), specials: new Set(), reasons: {} },
      '名',
    );
    expect(summary.lines.map((l) => [l.key, l.ok])).toEqual([
      ['size', false],
      ['perUnit', false],
      ['specials', true],
    ]);
    expect(summary.lines[0]!.label).toBe('已选 3 / 2 名（特别推介另计），超出 1 名');
    expect(summary.lines[1]!.label).toContain('甲（2）');
  });

  it('counts a special on top of the allotment and the unit cap, as the server does', () => {
    const sameUnit = [
      row('a', 1, { unitName: '甲', special: true }),
      row('b', 2, { unitName: '甲' }),
      row('c', 3),
    ];
    const summary = summarise(
      { rows: sameUnit, constraints },
      { picked: new Set(['a', 'b', 'c']), specials: new Set(['a']), reasons: {} },
      '名',
    );
    expect(summary.lines.every((l) => l.ok)).toBe(true);
  });

  it('refuses a special the unit did not nominate as one (it has no special material)', () => {
    const summary = summarise(
      { rows, constraints },
      { picked: new Set(['a']), specials: new Set(['a']), reasons: {} },
      '名',
    );
    expect(summary.lines.find((l) => l.key === 'specials')).toMatchObject({ ok: false });
  });

  it('refuses a special that is not on the list', () => {
    const summary = summarise(
      { rows: rows.map((r) => ({ ...r, special: true })), constraints },
      { picked: new Set(['a']), specials: new Set(['b']), reasons: {} },
      '名',
    );
    expect(summary.lines.find((l) => l.key === 'specials')).toMatchObject({ ok: false });
  });

  it('names the changes against the ranking that still lack a reason', () => {
    const summary = summarise(
      { rows, constraints },
      { picked: new Set(['a', 'c']), specials: new Set(), reasons: { c: '  ', b: '材料不实' } },
      '名',
    );
    expect(summary.missingReasons).toEqual(['c']);
  });

  it('gives the share of grassroots nominees and focus groups among the picks', () => {
    const mixed = [row('a', 1, { grassroots: true }), row('b', 2, { focusGroups: ['农民'] }), row('c', 3)];
    const summary = summarise(
      { rows: mixed, constraints: { size: null, perUnit: null, specials: 0 } },
      { picked: new Set(['a', 'b', 'c']), specials: new Set(), reasons: {} },
      '名',
    );
    expect(summary.lines.find((l) => l.key === 'grassroots')!.label).toBe(
      '一线、基层 1 名（33%）；老年人、残疾人、农民、退役军人等重点群体 1 名（33%）',
    );
  });
});
