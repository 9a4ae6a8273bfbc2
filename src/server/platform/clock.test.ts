import { describe, expect, it } from 'vitest';
import { clockFromEnv, manualClock, systemClock } from './clock.ts';

describe('clocks', () => {
  it('a manual clock stands still until set or advanced', () => {
    const clock = manualClock('2026-12-31T23:59:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-12-31T15:59:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-12-31T16:00:00.000Z');
    clock.set('2027-01-04T09:00:00+08:00');
    expect(clock.now().toISOString()).toBe('2027-01-04T01:00:00.000Z');
  });

  it('TUIJIE_CLOCK starts a clock at its instant that runs on; unset is the system clock', () => {
    expect(clockFromEnv(undefined)).toBe(systemClock);
    const at = clockFromEnv('2027-01-01T00:00:00+08:00').now().getTime();
    expect(at - Date.parse('2027-01-01T00:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(at - Date.parse('2027-01-01T00:00:00+08:00')).toBeLessThan(5_000);
  });

  it('refuses a TUIJIE_CLOCK without a time zone, or not a time at all, in Chinese', () => {
    for (const bad of ['2027-01-01', '2027-01-01T00:00:00', 'tomorrow', '2027-13-01T00:00:00+08:00'])
      expect(() => clockFromEnv(bad), bad).toThrow(/TUIJIE_CLOCK 应为带时区的时刻/);
  });
});
