import { describe, expect, it } from 'vitest';
import { mean, populationSd, scoreKey, trimmedMean } from './statistics.ts';

describe('statistics', () => {
  it('takes the population standard deviation (divides by n)', () => {
    // values 2,4,4,4,5,5,7,9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, 32/8 = 4, √4 = 2
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
  });

  it('trims one highest and one lowest value from five values on', () => {
    // 10, 50, 60, 70, 100 → drop 10 and 100 → (50+60+70)/3 = 60
    expect(trimmedMean([50, 10, 100, 60, 70])).toBe(60);
    // four values: nothing is dropped, (10+50+60+100)/4 = 55
    expect(trimmedMean([10, 50, 60, 100])).toBe(55);
    // all equal: two of them are dropped, the mean stays
    expect(trimmedMean([80, 80, 80, 80, 80])).toBe(80);
    // equal extremes: only one of each is dropped: 10,10,50,90,90 → (10+50+90)/3 = 50
    expect(trimmedMean([10, 10, 50, 90, 90])).toBe(50);
  });

  it('treats rounding noise as a tie', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
    expect(scoreKey(0.1 + 0.2 + 0.3)).toBe(scoreKey(0.3 + 0.2 + 0.1));
    expect(scoreKey(60.000001)).not.toBe(scoreKey(60));
  });
});
