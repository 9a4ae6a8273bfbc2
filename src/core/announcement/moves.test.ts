import { describe, expect, it } from 'vitest';
import { type AnnouncementMoveContext, announcementEditRefusal, announcementMove } from './moves.ts';

const base: AnnouncementMoveContext = {
  actor: 'organiser',
  campaignState: 'reviewing',
  today: '2026-09-28',
  startDay: '2026-09-29',
  endDay: '2026-10-10',
};

const refusal = (result: ReturnType<typeof announcementMove>) => (result.ok ? null : result.message);

describe('announcementMove', () => {
  it('schedules a draft with a period starting today or later, in a campaign under review', () => {
    expect(announcementMove('draft', 'scheduled', base)).toMatchObject({ ok: true });
    expect(announcementMove('draft', 'scheduled', { ...base, startDay: '2026-09-28' }).ok).toBe(true);
    expect(refusal(announcementMove('draft', 'scheduled', { ...base, startDay: '2026-09-27' }))).toBe(
      '公示开始日期2026年9月27日已过，请选择今天（2026年9月28日）或以后的日期。',
    );
    expect(refusal(announcementMove('draft', 'scheduled', { ...base, startDay: null }))).toMatch(
      '选定公示开始日期',
    );
    expect(refusal(announcementMove('draft', 'scheduled', { ...base, campaignState: 'open' }))).toMatch(
      '活动当前为「报送中」',
    );
  });

  it('opens on or after the start day only', () => {
    expect(refusal(announcementMove('scheduled', 'open', base))).toBe(
      '公示定于2026年9月29日开始，不能提前开始。',
    );
    expect(announcementMove('scheduled', 'open', { ...base, today: '2026-09-29' }).ok).toBe(true);
    expect(announcementMove('scheduled', 'open', { ...base, actor: 'system', today: '2026-09-30' }).ok).toBe(
      true,
    );
  });

  it('closes by the platform only, the day after the end day', () => {
    const open = { ...base, actor: 'system' as const, campaignState: 'announcing' as const };
    expect(refusal(announcementMove('open', 'closed', { ...open, today: '2026-10-10' }))).toBe(
      '公示期至2026年10月10日，尚未期满。',
    );
    expect(announcementMove('open', 'closed', { ...open, today: '2026-10-11' }).ok).toBe(true);
    expect(refusal(announcementMove('open', 'closed', { ...base, today: '2026-10-11' }))).toMatch('由系统');
  });

  it('restarts with a reason only', () => {
    const restart = {
      ...base,
      campaignState: 'announcing' as const,
      today: '2026-09-29',
      startDay: '2026-09-30',
    };
    expect(refusal(announcementMove('open', 'scheduled', restart))).toBe(
      '「重新公示」须填写原因，原因将随更正说明一并公示。',
    );
    expect(refusal(announcementMove('closed', 'scheduled', { ...restart, reason: '  ' }))).toMatch(
      '须填写原因',
    );
    expect(announcementMove('closed', 'scheduled', { ...restart, reason: '名单调整' }).ok).toBe(true);
  });

  it('refuses moves the table does not have, by the states’ Chinese names', () => {
    expect(refusal(announcementMove('draft', 'open', base))).toBe('公示当前为「草稿」，不能改为「公示中」。');
  });
});

describe('announcementEditRefusal', () => {
  it('edits drafts only', () => {
    expect(announcementEditRefusal('draft')).toBeNull();
    expect(announcementEditRefusal('scheduled')).toMatch('撤回修改');
    expect(announcementEditRefusal('open')).toMatch('不能再修改');
  });
});
