import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, loginWaitSeconds, pairDelaySeconds, waitInWords } from './login-delay.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 5, 2, 0, seconds));

describe('pairDelaySeconds', () => {
  it('lets the first failures go free, then doubles from 30 seconds up to 30 minutes', () => {
    expect([0, 1, 2].map((n) => pairDelaySeconds(n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 8].map((n) => pairDelaySeconds(n))).toEqual([30, 60, 120, 240, 480, 960]);
    expect(pairDelaySeconds(9)).toBe(LOGIN_THROTTLE.maxDelaySeconds);
    expect(pairDelaySeconds(10_000)).toBe(LOGIN_THROTTLE.maxDelaySeconds);
  });

  it('past the address cap, waits from the first failure, never before any', () => {
    expect(pairDelaySeconds(0, true)).toBe(0);
    expect(pairDelaySeconds(1, true)).toBe(30);
    expect(pairDelaySeconds(2, true)).toBe(60);
  });
});

describe('loginWaitSeconds', () => {
  it('counts the wait from the last failure of the pair', () => {
    const history = { pairFailures: 4, lastPairFailureAt: at(0), addressFailures: 4 };
    expect(loginWaitSeconds(history, at(0))).toBe(60);
    expect(loginWaitSeconds(history, at(45))).toBe(15);
    expect(loginWaitSeconds(history, at(60))).toBe(0);
  });

  it('never holds back a pair with no failure, however many the address has', () => {
    const history = { pairFailures: 0, lastPairFailureAt: null, addressFailures: 100_000 };
    expect(loginWaitSeconds(history, at(0))).toBe(0);
  });

  it('holds a pair that failed once when its address is over the cap', () => {
    const under = {
      pairFailures: 1,
      lastPairFailureAt: at(0),
      addressFailures: LOGIN_THROTTLE.addressCap - 1,
    };
    expect(loginWaitSeconds(under, at(1))).toBe(0);
    expect(loginWaitSeconds({ ...under, addressFailures: LOGIN_THROTTLE.addressCap }, at(1))).toBe(29);
  });
});

describe('waitInWords', () => {
  it('says seconds under a minute and whole minutes above', () => {
    expect(waitInWords(29)).toBe('29 秒');
    expect(waitInWords(60)).toBe('1 分钟');
    expect(waitInWords(61)).toBe('2 分钟');
  });
});
