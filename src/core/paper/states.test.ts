import { describe, expect, it } from 'vitest';
import { PAPER_STATES, PAPER_TRANSITIONS, type PaperState, paperMove, paperMovesFor } from './states.ts';

const open = { campaignState: 'open', receiptProblems: [] };

describe('the paper record’s states', () => {
  it('has a Chinese label for every state and a Chinese verb for every move', () => {
    for (const label of Object.values(PAPER_STATES)) expect(label).toMatch(/\p{Script=Han}/u);
    for (const tr of PAPER_TRANSITIONS) expect(tr.label).toMatch(/\p{Script=Han}/u);
  });

  it('lets the unit record and correct its dispatch, and the organiser record and correct the receipt', () => {
    const moves = (from: PaperState, actor: 'unit' | 'organiser') =>
      paperMovesFor(from, actor, open).map((tr) => `${tr.to}:${tr.label}`);
    expect(moves('none', 'unit')).toEqual(['dispatched:登记寄送']);
    expect(moves('dispatched', 'unit')).toEqual(['dispatched:更正寄送信息']);
    expect(moves('none', 'organiser')).toEqual(['received:登记签收']);
    expect(moves('dispatched', 'organiser')).toEqual(['received:登记签收']);
    expect(moves('received', 'organiser')).toEqual(['received:更正签收信息']);
    expect(moves('received', 'unit')).toEqual([]);
  });

  it('offers 补寄 only after a receipt that found something wrong', () => {
    expect(paperMove('received', 'dispatched', 'unit', open)).toMatchObject({
      ok: false,
      message: expect.stringContaining('无需补寄'),
    });
    const short = { campaignState: 'reviewing', receiptProblems: ['未加盖公章'] };
    expect(paperMovesFor('received', 'unit', short).map((tr) => tr.label)).toEqual(['补寄']);
  });

  it('refuses the other side’s moves and moves out of season, in Chinese', () => {
    expect(paperMove('none', 'dispatched', 'organiser', open)).toMatchObject({
      ok: false,
      message: expect.stringContaining('由报送单位登记'),
    });
    expect(paperMove('dispatched', 'received', 'unit', open)).toMatchObject({
      ok: false,
      message: expect.stringContaining('由组织单位登记'),
    });
    expect(paperMove('none', 'dispatched', 'unit', { ...open, campaignState: 'announcing' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/仅在活动处于“报送中”/),
    });
    expect(paperMovesFor('none', 'unit', { ...open, campaignState: 'draft' })).toEqual([]);
  });
});
