import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import { entryRemovedText, restartedText } from './corrections.ts';
import { describeAnnouncementPeriod, dueAnnouncementMove, unusualDays } from './period.ts';

function daysBetween(from: string, to: string) {
  const calendar = createWorkCalendar();
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const described = calendar.describeDay(d);
    if (!described.ok) throw new Error(d);
    days.push(described.day);
  }
  return days;
}

describe('dueAnnouncementMove', () => {
  it('opens on the start day and closes the day after the end day (the end day is whole)', () => {
    expect(dueAnnouncementMove('scheduled', '2026-09-28', '2026-09-29', '2026-10-10')).toBeNull();
    expect(dueAnnouncementMove('scheduled', '2026-09-29', '2026-09-29', '2026-10-10')).toBe('open');
    expect(dueAnnouncementMove('scheduled', '2026-10-02', '2026-09-29', '2026-10-10')).toBe('open');
    expect(dueAnnouncementMove('open', '2026-10-10', '2026-09-29', '2026-10-10')).toBeNull();
    expect(dueAnnouncementMove('open', '2026-10-11', '2026-09-29', '2026-10-10')).toBe('closed');
    expect(dueAnnouncementMove('draft', '2026-10-11', '2026-09-29', '2026-10-10')).toBeNull();
    expect(dueAnnouncementMove('closed', '2026-10-11', '2026-09-29', '2026-10-10')).toBeNull();
  });
});

describe('describeAnnouncementPeriod', () => {
  it('names the holiday and the 调休上班 day inside the period (DOMAIN.md: 2026-09-29, 5 working days)', () => {
    const days = daysBetween('2026-09-29', '2026-10-10');
    expect(describeAnnouncementPeriod(days, 5, true)).toBe(
      '2026年9月29日至2026年10月10日，共5个工作日（不含国庆节放假10月1日至10月7日，含调休上班日10月10日）',
    );
    expect(unusualDays(days).at(-1)).toEqual({ date: '2026-10-10', note: '国庆节调休上班' });
  });

  it('says plainly an ordinary week, and when the start day does not count', () => {
    expect(describeAnnouncementPeriod(daysBetween('2026-11-02', '2026-11-06'), 5, true)).toBe(
      '2026年11月2日至2026年11月6日，共5个工作日',
    );
    expect(describeAnnouncementPeriod(daysBetween('2026-11-02', '2026-11-09'), 5, false)).toBe(
      '2026年11月2日至2026年11月9日，共5个工作日，开始当日不计入',
    );
  });
});

describe('correction texts', () => {
  it('dates the restart and names the removed entry with its reason', () => {
    expect(restartedText('拟推介名单调整。', '2026-09-29', '2026-10-10')).toBe(
      '因拟推介名单调整，本公示重新公示，公示期为2026年9月29日至2026年10月10日。',
    );
    expect(
      entryRemovedText({ category: 'star', name: '张三', unit: '吉林省教育厅' }, '经核实不符合条件'),
    ).toBe('经核实，撤销百姓学习之星拟推介对象张三（吉林省教育厅）的推介资格。原因：经核实不符合条件');
  });
});
