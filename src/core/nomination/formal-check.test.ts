import { describe, expect, it } from 'vitest';
import { nextWaiting } from './formal-check.ts';

const queue = (spec: string) => [...spec].map((c, i) => ({ id: String(i), waiting: c === 'w' }));

describe('the next nomination waiting for the formal check', () => {
  it('is the next one waiting after the current, in the list’s order', () => {
    expect(nextWaiting(queue('wwww'), '1')).toBe('2');
    expect(nextWaiting(queue('w-w-w'), '2')).toBe('4');
  });

  it('skips the ones already checked, and the current one once it is checked', () => {
    expect(nextWaiting(queue('w--w'), '0')).toBe('3');
    expect(nextWaiting(queue('-w-w'), '1')).toBe('3');
  });

  it('wraps round to the start of the list', () => {
    expect(nextWaiting(queue('ww-w'), '3')).toBe('0');
    expect(nextWaiting(queue('-w--'), '2')).toBe('1');
  });

  it('is none when no other one waits, and the first waiting one for a nomination not in the list', () => {
    expect(nextWaiting(queue('-w--'), '1')).toBeNull();
    expect(nextWaiting(queue('----'), '0')).toBeNull();
    expect(nextWaiting(queue('--w'), 'elsewhere')).toBe('2');
  });
});
